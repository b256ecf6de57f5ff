// Which days the capacity calendar shows, from its address: ?view=week&date=…,
// ?view=month&month=… or one day's requests, ?day=…&page=…; today's month by default.
// Anything malformed falls back to the default rather than failing: these are links people
// edit and bookmark.
import { addCalendarDays, isCalendarDate } from "workflows/view";
import { isMonth, monthWeeks, shiftMonth, weekOf } from "./calendarGrid";

export type CalendarView =
  | { kind: "month"; month: string; weeks: string[][]; previous: string; next: string }
  | { kind: "week"; days: string[]; previous: string; next: string }
  | { kind: "day"; date: string; page: number; previous: string; next: string };

/** A page number as written in an address: 1 when missing or not a plain positive whole number. */
export function pageParam(value: string | null): number {
  return value !== null && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1;
}

export function calendarView(params: URLSearchParams, today: string): CalendarView {
  const day = params.get("day") ?? "";
  if (isCalendarDate(day)) {
    return { kind: "day", date: day, page: pageParam(params.get("page")), previous: addCalendarDays(day, -1), next: addCalendarDays(day, 1) };
  }
  if (params.get("view") === "week") {
    const date = params.get("date") ?? "";
    const days = weekOf(isCalendarDate(date) ? date : today);
    return { kind: "week", days, previous: addCalendarDays(days[0], -7), next: addCalendarDays(days[0], 7) };
  }
  const month = params.get("month") ?? "";
  const shown = isMonth(month) ? month : today.slice(0, 7);
  return { kind: "month", month: shown, weeks: monthWeeks(shown), previous: shiftMonth(shown, -1), next: shiftMonth(shown, 1) };
}
