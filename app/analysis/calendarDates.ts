// Calendar dates written YYYY-MM-DD, handled as midnight UTC so that adding a day is always
// exactly one day: no daylight-saving change can turn a day into 23 or 25 hours.
import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, getDaysInMonth } from "date-fns";

function utc(date: string): TZDate {
  const [year, month, day] = date.split("-").map(Number);
  return new TZDate(year, month - 1, day, "UTC");
}

/** `count` consecutive dates starting at `first`. */
export function dateSeries(first: string, count: number): string[] {
  const start = utc(first);
  return Array.from({ length: count }, (_, i) => format(addDays(start, i), "yyyy-MM-dd"));
}

/** Days from `first` to `last`, both counted: the same date gives 1. */
export function inclusiveDays(first: string, last: string): number {
  return differenceInCalendarDays(utc(last), utc(first)) + 1;
}

export function daysInMonthOf(date: string): number {
  return getDaysInMonth(utc(date));
}
