// R16: when the next reminder is due. Reminders go to whoever holds a task for more than
// 2 business days, then every 2 business days, and when the effective date is 3 days away;
// never twice on one local day.
import { TZDate } from "@date-fns/tz";
import { addBusinessDays, min, startOfDay } from "date-fns";
import { addCalendarDays, localDate } from "./notice";

export const REMINDER_BUSINESS_DAYS = 2;
export const EFFECTIVE_DATE_REMINDER_DAYS = 3;

/**
 * The next reminder after `from` (when the task began, or the last reminder was sent).
 * Business days skip Saturdays and Sundays in the county's time zone.
 */
export function nextReminderAt(input: { from: Date; effectiveDate: string | null; timeZone: string }): Date {
  const { from, effectiveDate, timeZone } = input;
  const byAge = addBusinessDays(new TZDate(from.getTime(), timeZone), REMINDER_BUSINESS_DAYS);
  if (effectiveDate === null) return new Date(byAge.getTime());
  const [y, m, d] = addCalendarDays(effectiveDate, -EFFECTIVE_DATE_REMINDER_DAYS).split("-").map(Number);
  const beforeEffective = startOfDay(new TZDate(y, m - 1, d, timeZone));
  const sameDayAsFrom = localDate(beforeEffective, timeZone) <= localDate(from, timeZone);
  return new Date((sameDayAsFrom ? byAge : min([byAge, beforeEffective])).getTime());
}
