// Combined staffing from the database (issue 19): the baseline against the calendar's day loads
// (every approved and pending request's projected calls). Remembered with the day loads until
// any request or the baseline changes: both are audited, which moves the data version.
import { calendarDayLoads, rangeRequests } from "~/calendar/capacity.server";
import { dayLoads, type DayLoad } from "~/calendar/dayLoads";
import { memoised } from "~/dataVersionMemo.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { addCalendarDays } from "workflows";
import { readBaseline } from "./baseline.server";
import { dayStaffing, isPinchPoint, pinchesWith, type DayStaffing, type PinchWith } from "./combinedStaffing";

/**
 * Each date's staffing at its tightest hour, or null while no baseline is set. `shown` is the
 * page's, so the day loads come from the memo entry the page itself reads.
 */
export function calendarStaffing(db: PrismaClient, dates: string[], shown: number): Promise<DayStaffing[] | null> {
  return memoised(db, `staffing|${dates[0]}|${dates[dates.length - 1]}|${shown}`, async () => {
    const baseline = await readBaseline(db);
    if (!baseline) return null;
    return (await calendarDayLoads(db, dates, shown)).map((load) => dayStaffing(baseline, load));
  });
}

/**
 * The calendar page's days: their loads and their staffing, from one reading of the data version
 * (a page reads both, and on PostgreSQL each reading is a round trip).
 */
export function calendarDays(db: PrismaClient, dates: string[], shown: number): Promise<{ loads: DayLoad[]; staffing: DayStaffing[] | null }> {
  return memoised(db, `days|${dates[0]}|${dates[dates.length - 1]}|${shown}`, async () => {
    const [loads, staffing] = await Promise.all([calendarDayLoads(db, dates, shown), calendarStaffing(db, dates, shown)]);
    return { loads, staffing };
  });
}

/** Consecutive dates from `first`, `days` of them. */
export function datesFrom(first: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addCalendarDays(first, i));
}

/** The pinch points among `days` days from `first`: days the approved load needs more agents than planned. */
export async function pinchPoints(db: PrismaClient, first: string, days: number): Promise<DayStaffing[]> {
  return ((await calendarStaffing(db, datesFrom(first, days), 0)) ?? []).filter(isPinchPoint);
}

/**
 * The days a request's projected calls would leave short of agents, with every other request
 * in effect (its own earlier analysis left out, since the projection replaces it). Empty while
 * no baseline is set.
 */
export async function pinchesForProjection(
  db: PrismaClient,
  requestId: string,
  projected: Array<{ date: string; calls: number }>,
): Promise<PinchWith[]> {
  if (projected.length === 0) return [];
  const baseline = await readBaseline(db);
  if (!baseline) return [];
  const dates = datesFrom(projected[0].date, projected.length);
  const others = (await rangeRequests(db, { first: dates[0], last: dates[dates.length - 1] })).filter((r) => r.id !== requestId);
  return pinchesWith(baseline, dayLoads(others, dates, 0), projected);
}
