// Which days the capacity calendar shows, from its address: ?view=week&date=… or
// ?view=month&month=…; today's month by default.
import { addCalendarDays, isCalendarDate } from "../../workflows/notice";
import { isMonth, monthWeeks, shiftMonth, weekOf } from "./calendarGrid";

export type CalendarView =
  | { kind: "month"; month: string; weeks: string[][]; previous: string; next: string }
  | { kind: "week"; days: string[]; previous: string; next: string };

export function calendarView(params: URLSearchParams, today: string): CalendarView {
  if (params.get("view") === "week") {
    const date = params.get("date") ?? "";
    const days = weekOf(isCalendarDate(date) ? date : today);
    return { kind: "week", days, previous: addCalendarDays(days[0], -7), next: addCalendarDays(days[0], 7) };
  }
  const month = params.get("month") ?? "";
  const shown = isMonth(month) ? month : today.slice(0, 7);
  return { kind: "month", month: shown, weeks: monthWeeks(shown), previous: shiftMonth(shown, -1), next: shiftMonth(shown, 1) };
}

export function viewDates(view: CalendarView): string[] {
  return view.kind === "week" ? view.days : view.weeks.flat();
}
