// R16, R19: when the next reminder is due. Whoever holds a task is reminded once it has waited
// 2 business days, then every 2 business days, and when the effective date is 3 days away;
// never twice on one local day.
import { TZDate } from "@date-fns/tz";
import { addBusinessDays, type BusinessCalendar } from "./businessDays";
import { addCalendarDays, EFFECTIVE_DATE_REMINDER_DAYS, localDate, REMINDER_BUSINESS_DAYS } from "./notice";

/** The next reminder after `from` (when the task began, or the last reminder was sent). */
export function nextReminderAt(input: { from: Date; effectiveDate: string | null; calendar: BusinessCalendar }): Date {
  const { from, effectiveDate, calendar } = input;
  const byAge = addBusinessDays(from, REMINDER_BUSINESS_DAYS, calendar);
  if (effectiveDate === null) return byAge;
  const [y, m, d] = addCalendarDays(effectiveDate, -EFFECTIVE_DATE_REMINDER_DAYS).split("-").map(Number);
  const beforeEffective = new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, calendar.timeZone).getTime());
  const sameDayAsFrom = localDate(beforeEffective, calendar.timeZone) <= localDate(from, calendar.timeZone);
  return sameDayAsFrom || byAge <= beforeEffective ? byAge : beforeEffective;
}
