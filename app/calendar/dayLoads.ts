// What the Contact Center needs per day (issue 5): the requests in effect that day and the
// projected extra calls, summed where several overlap. Approved and pending requests are
// summed apart, since pending ones may never happen.
import type { DailyCalls } from "~/analysis/callProjection";

export interface CalendarEntry {
  id: string;
  reference: string;
  title: string;
  department: string;
  status: "approved" | "pending";
  /** Effective date: first distribution, or first day routed. */
  from: string;
  /** Last day in effect; null when open-ended (permanent routing, automated response). */
  to: string | null;
  /** Projected calls per day from the recorded analysis; empty when none was done. */
  daily: DailyCalls[];
}

export interface DayLoad {
  date: string;
  entries: CalendarEntry[];
  approvedCalls: number;
  pendingCalls: number;
}

function inEffect(entry: CalendarEntry, date: string): boolean {
  return entry.from <= date && (entry.to === null || date <= entry.to);
}

// An analysis of an open-ended request projects its first month only; later days carry on at
// that month's average, which is the steady load the schedule must hold.
function callsOn(entry: CalendarEntry, date: string): number {
  const day = entry.daily.find((d) => d.date === date);
  if (day) return day.calls;
  const last = entry.daily[entry.daily.length - 1];
  if (entry.to !== null || last === undefined || date < last.date) return 0;
  return Math.round(entry.daily.reduce((s, d) => s + d.calls, 0) / entry.daily.length);
}

export function dayLoads(entries: CalendarEntry[], dates: string[]): DayLoad[] {
  return dates.map((date) => {
    let approvedCalls = 0;
    let pendingCalls = 0;
    for (const entry of entries) {
      const calls = callsOn(entry, date);
      if (entry.status === "approved") approvedCalls += calls;
      else pendingCalls += calls;
    }
    return { date, entries: entries.filter((e) => inEffect(e, date)), approvedCalls, pendingCalls };
  });
}
