// R19: business days skip weekends and the county's holidays, in the county's time zone. Time
// that arrives outside business days counts from the start of the next business day.
import { TZDate } from "@date-fns/tz";
import { addCalendarDays, localDate } from "./notice";

/** The county's working calendar: its time zone and its holidays (local dates, kept by an administrator). */
export interface BusinessCalendar {
  timeZone: string;
  holidays: ReadonlySet<string>;
}

/** Monday to Friday, and not a holiday. */
export function isBusinessDay(date: string, calendar: BusinessCalendar): boolean {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date);
}

/** The first business day on or after `date`. */
export function businessDayFrom(date: string, calendar: BusinessCalendar): string {
  let day = date;
  // A year without a business day is not a calendar anyone keeps; the bound keeps a bad one finite.
  for (let i = 0; i < 366 && !isBusinessDay(day, calendar); i++) day = addCalendarDays(day, 1);
  return day;
}

/** The instant at a local date and time of day in the calendar's zone. */
function at(date: string, time: { h: number; min: number; s: number; ms: number }, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, time.h, time.min, time.s, time.ms, timeZone).getTime());
}

/** When business time starts counting for something that arrives at `instant`: then, or the next business day's start. */
export function businessStart(instant: Date, calendar: BusinessCalendar): Date {
  const today = localDate(instant, calendar.timeZone);
  if (isBusinessDay(today, calendar)) return instant;
  return at(businessDayFrom(today, calendar), { h: 0, min: 0, s: 0, ms: 0 }, calendar.timeZone);
}

/**
 * `days` whole business days after `from` (counted from the next business day's start when `from`
 * falls outside one), at the same local time of day.
 */
export function addBusinessDays(from: Date, days: number, calendar: BusinessCalendar): Date {
  const start = businessStart(from, calendar);
  const local = new TZDate(start.getTime(), calendar.timeZone);
  let day = localDate(start, calendar.timeZone);
  for (let counted = 0; counted < days; ) {
    day = addCalendarDays(day, 1);
    if (isBusinessDay(day, calendar)) counted++;
  }
  return at(day, { h: local.getHours(), min: local.getMinutes(), s: local.getSeconds(), ms: local.getMilliseconds() }, calendar.timeZone);
}

/** Whole business days that have passed since `since` (0 on the day a task arrives). */
export function businessDaysBetween(since: Date, now: Date, calendar: BusinessCalendar): number {
  let days = 0;
  for (let next = addBusinessDays(since, 1, calendar); next <= now; next = addBusinessDays(next, 1, calendar)) days++;
  return days;
}
