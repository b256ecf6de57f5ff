// Staffing the Contact Center's combined load (issue 19, SPEC §5): the baseline's normal calls
// plus the projected extra calls of every request in effect, hour by hour, with Erlang C on the
// sum. Adding up each request's own agents would overstate the need: a pool of agents answers
// the combined calls with fewer than the separate pools would (see docs/decisions/0025).
// Pure, so the calendar, the analysis form and the weekly e-mail reckon alike.
import { agentsNeeded } from "~/analysis/erlangC";
import type { BaselineHour, StaffingBaseline, StaffingTarget } from "./baseline";

export const HOURS = 24;

/** Agents needed in one hour for the sum of several loads (calls an hour each), by Erlang C. */
export function combinedAgentsNeeded(target: StaffingTarget, callsPerHour: number[]): number {
  return agentsNeeded({
    callsPerHour: callsPerHour.reduce((sum, calls) => sum + calls, 0),
    handleTimeSeconds: target.handleTimeSeconds,
    targetSeconds: target.targetAnswerSeconds,
    targetServiceLevel: target.targetServiceLevel,
  });
}

/** 0 Sunday … 6 Saturday, of a calendar date (YYYY-MM-DD). */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The baseline's 24 hours of one weekday; an hour it does not list is closed. */
export function weekdayHours(set: BaselineHour[], weekday: number): BaselineHour[] {
  const hours = Array.from({ length: HOURS }, (_, hour) => ({ weekday, hour, calls: 0, agents: 0 }));
  for (const h of set) if (h.weekday === weekday) hours[h.hour] = h;
  return hours;
}

/**
 * How a day's extra calls spread over its hours: as the Center's normal calls do that weekday
 * (new callers call when callers do). A weekday with no normal calls spreads them evenly over
 * its staffed hours, and one with neither over the whole day, so calls on a closed day still
 * show as a need nobody is planned for.
 */
export function hourlyShares(hours: BaselineHour[]): number[] {
  const calls = hours.reduce((sum, h) => sum + h.calls, 0);
  if (calls > 0) return hours.map((h) => h.calls / calls);
  const staffed = hours.filter((h) => h.agents > 0).length;
  if (staffed > 0) return hours.map((h) => (h.agents > 0 ? 1 / staffed : 0));
  return hours.map(() => 1 / HOURS);
}

/** One day's staffing at its tightest hour. */
export interface DayStaffing {
  date: string;
  /** The hour (0–23) with the largest shortfall, or the one needing most agents when none is short. */
  hour: number;
  /** Calls expected in that hour: normal plus approved requests' extra calls. */
  calls: number;
  /** Agents the combined load needs in that hour (Erlang C). */
  needed: number;
  /** Agents planned in that hour. */
  planned: number;
  /** Agents short in that hour: 0 when the plan covers the day. */
  shortfall: number;
  /** The day's largest shortfall if the pending requests are approved too. */
  shortfallWithPending: number;
}

/** The calls of one day for each hour, with each hour's need. */
function hourNeeds(target: StaffingTarget, hours: BaselineHour[], shares: number[], extraCalls: number) {
  return hours.map((h, hour) => {
    const calls = h.calls + extraCalls * shares[hour];
    const needed = calls > 0 ? combinedAgentsNeeded(target, [h.calls, extraCalls * shares[hour]]) : 0;
    return { hour, calls, needed, planned: h.agents, shortfall: Math.max(0, needed - h.agents) };
  });
}

/** A day's staffing: the baseline plus the approved (and, apart, pending) requests' extra calls. */
export function dayStaffing(baseline: StaffingBaseline, load: { date: string; approvedCalls: number; pendingCalls: number }): DayStaffing {
  const hours = weekdayHours(baseline.hours, weekdayOf(load.date));
  const shares = hourlyShares(hours);
  const approved = hourNeeds(baseline.target, hours, shares, load.approvedCalls);
  const tightest = approved.reduce((worst, h) =>
    h.shortfall > worst.shortfall || (h.shortfall === worst.shortfall && worst.shortfall === 0 && h.needed > worst.needed) ? h : worst,
  );
  const shortfallWithPending =
    load.pendingCalls > 0
      ? Math.max(...hourNeeds(baseline.target, hours, shares, load.approvedCalls + load.pendingCalls).map((h) => h.shortfall))
      : tightest.shortfall;
  return {
    date: load.date,
    hour: tightest.hour,
    calls: Math.round(tightest.calls * 10) / 10,
    needed: tightest.needed,
    planned: tightest.planned,
    shortfall: tightest.shortfall,
    shortfallWithPending,
  };
}

/** A pinch point: a day on which the approved load needs more agents than are planned. */
export function isPinchPoint(day: DayStaffing): boolean {
  return day.shortfall > 0;
}

/** How many of the days are pinch points, or null while no staffing baseline is set. */
export function pinchCount(staffing: DayStaffing[] | null): number | null {
  return staffing === null ? null : staffing.filter(isPinchPoint).length;
}

/** What a new request's projection does to the days it brings calls to. */
export interface PinchWith {
  date: string;
  /** The day's shortfall without the new request (0 when covered). */
  before: number;
  /** And with its calls added. */
  after: number;
}

/**
 * The days a new request's projected calls fall on that are short of agents with them: days
 * already short, which it adds to, and days it makes short. Its calls count as approved, the
 * case the analyst must plan for.
 */
export function pinchesWith(
  baseline: StaffingBaseline,
  loads: Array<{ date: string; approvedCalls: number; pendingCalls: number }>,
  projected: Array<{ date: string; calls: number }>,
): PinchWith[] {
  const byDate = new Map(loads.map((l) => [l.date, l]));
  return projected.flatMap(({ date, calls }) => {
    if (calls <= 0) return [];
    const load = byDate.get(date) ?? { date, approvedCalls: 0, pendingCalls: 0 };
    const before = dayStaffing(baseline, load).shortfall;
    const after = dayStaffing(baseline, { ...load, approvedCalls: load.approvedCalls + calls }).shortfall;
    return after > 0 ? [{ date, before, after }] : [];
  });
}
