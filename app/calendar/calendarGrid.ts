// The capacity calendar's days: a month as whole weeks, or one week, Sunday first as US
// calendars are. Dates are YYYY-MM-DD calendar dates (no time zone can shift them).
import { addCalendarDays, isCalendarDate } from "workflows/view";

function utcMs(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(utcMs(date)).getUTCDay();
}

export function startOfWeek(date: string): string {
  return addCalendarDays(date, -weekday(date));
}

function series(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addCalendarDays(first, i));
}

/** The seven dates of the week holding `date`. */
export function weekOf(date: string): string[] {
  return series(startOfWeek(date), 7);
}

export function isMonth(value: string): boolean {
  return /^\d{4}-\d{2}$/.test(value) && isCalendarDate(`${value}-01`);
}

/** Whole weeks covering the month "YYYY-MM", with the neighbouring months' days that fill them. */
export function monthWeeks(month: string): string[][] {
  const first = `${month}-01`;
  const weeks: string[][] = [];
  for (let start = startOfWeek(first); start.slice(0, 7) <= month; start = addCalendarDays(start, 7)) {
    weeks.push(series(start, 7));
  }
  return weeks;
}

/** The month before or after "YYYY-MM". */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
