// What the Contact Center needs per day (issue 5): the requests in effect that day and the
// projected extra calls, summed where several overlap. Approved and pending requests are
// summed apart, since pending ones may never happen. A day can have a thousand requests in
// effect, so a day lists only its first few (issue 8); the day view pages through the rest.
import type { DailyCalls } from "~/analysis/callProjection";
import { addCalendarDays } from "workflows/view";

/** A request for the iCalendar feed: the days it is in effect and its analysis's calls. */
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

/**
 * Open-ended requests (permanent routing, automated response) are on the calendar for their
 * first 90 days; after that their calls are part of the Center's normal schedule. Without a
 * bound every permanent request of past years would weigh on every month.
 */
export const OPEN_ENDED_DAYS = 90;

/** A request that may be in effect, or bring calls, on some day of a range; `daily` holds only the range's days. */
export interface RangeRequest extends CalendarEntry {
  /**
   * Open-ended requests: an analysis projects their first month only; later days carry on at
   * that month's average, the steady load the schedule must hold. Null when dated or unanalysed.
   */
  carry: { after: string; calls: number } | null;
}

/** One request on one day, as the calendar lists it, with its projected extra calls that day. */
export type DayEntry = Pick<CalendarEntry, "id" | "reference" | "title" | "department" | "status"> & { calls: number };

export interface DayLoad {
  date: string;
  approvedCalls: number;
  pendingCalls: number;
  /** How many requests are in effect that day; `entries` lists the first of them. */
  inEffect: number;
  entries: DayEntry[];
}

/** A request as a month or a week lists it: a week has the room for its department; neither shows its calls. */
export type ListedEntry = Pick<DayEntry, "id" | "reference" | "title" | "status"> & { department?: string };
export type ListedLoad = Omit<DayLoad, "entries"> & { entries: ListedEntry[] };

/** A day's load as the page sends it to the browser: only what is shown (a month has some 130 entries). */
export function listedLoad(load: DayLoad, withDepartment: boolean): ListedLoad {
  return {
    ...load,
    entries: load.entries.map(({ id, reference, title, status, department }) =>
      withDepartment ? { id, reference, title, status, department } : { id, reference, title, status },
    ),
  };
}

/** Whether a day has anything on it: a request in effect, or calls (a mailing's go on after it). */
export function hasActivity(load: Pick<DayLoad, "inEffect" | "approvedCalls" | "pendingCalls">): boolean {
  return load.inEffect > 0 || load.approvedCalls + load.pendingCalls > 0;
}

export function lastDayInEffect(request: Pick<RangeRequest, "from" | "to">): string {
  return request.to ?? addCalendarDays(request.from, OPEN_ENDED_DAYS - 1);
}

// Calls that day, whether or not the request is in effect: a mailing's calls go on for weeks
// after its last distribution day.
function callsOn(request: RangeRequest, date: string, byDate: Map<string, number>, inEffect: boolean): number {
  const calls = byDate.get(date);
  if (calls !== undefined) return calls;
  return inEffect && request.carry !== null && date > request.carry.after ? request.carry.calls : 0;
}

type Listed = { entry: DayEntry; from: string };

// The busiest requests first, since they are what the Center plans for; then the most recent.
function busiestFirst(a: Listed, b: Listed): number {
  return (
    b.entry.calls - a.entry.calls ||
    (a.from < b.from ? 1 : a.from > b.from ? -1 : 0) ||
    (a.entry.reference < b.entry.reference ? -1 : 1)
  );
}

/** Each date's calls and requests in effect, listing at most `shown` of them (busiest first). */
export function dayLoads(requests: RangeRequest[], dates: string[], shown: number): DayLoad[] {
  const spans = requests.map((request) => ({
    request,
    last: lastDayInEffect(request),
    byDate: new Map(request.daily.map((d) => [d.date, d.calls])),
  }));
  return dates.map((date) => {
    let approvedCalls = 0;
    let pendingCalls = 0;
    const listed: Listed[] = [];
    for (const { request, last, byDate } of spans) {
      const effective = request.from <= date && date <= last;
      const calls = callsOn(request, date, byDate, effective);
      if (request.status === "approved") approvedCalls += calls;
      else pendingCalls += calls;
      if (effective) {
        const { id, reference, title, department, status, from } = request;
        listed.push({ entry: { id, reference, title, department, status, calls }, from });
      }
    }
    const entries = listed.sort(busiestFirst).slice(0, shown).map((l) => l.entry);
    return { date, approvedCalls, pendingCalls, inEffect: listed.length, entries };
  });
}
