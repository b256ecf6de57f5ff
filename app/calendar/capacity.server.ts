// Requests for the capacity calendar: approved ones and those still in review ("pending"),
// with the daily calls of their recorded analysis.
import type { PrismaClient } from "~/generated/prisma/client";
import { currentAnalyses } from "~/analysis/analyses.server";
import { RESPONSE_TAIL_DAYS } from "~/analysis/responseCurve";
import type { RequestContext } from "../../workflows/context";
import { addCalendarDays } from "../../workflows/notice";
import { OPEN_STATES } from "../../workflows/states";
import type { CalendarEntry } from "./dayLoads";

/** Approved requests, including those whose end date has passed (they did happen). */
export const APPROVED_STATES = ["approved", "completed"];

/**
 * Open-ended requests (permanent routing, automated response) are on the calendar for their
 * first 90 days; after that their calls are part of the Center's normal schedule. Without a
 * bound every permanent request of past years would weigh on every month.
 */
export const OPEN_ENDED_DAYS = 90;
const LONGEST_DAYS = 730;

export async function calendarEntries(db: PrismaClient, range: { first: string; last: string }): Promise<CalendarEntry[]> {
  const rows = await db.request.findMany({
    where: {
      state: { in: [...APPROVED_STATES, ...OPEN_STATES] },
      // Bounded below too, so the date index is read for a few years, not the whole history:
      // nothing runs for longer than two years plus a mailing's tail.
      effectiveDate: { not: null, lte: range.last, gte: addCalendarDays(range.first, -(LONGEST_DAYS + RESPONSE_TAIL_DAYS)) },
      // A mailing's calls go on for weeks after its last distribution day.
      OR: [
        { endDate: null, effectiveDate: { gte: addCalendarDays(range.first, -OPEN_ENDED_DAYS) } },
        { endDate: { gte: addCalendarDays(range.first, -RESPONSE_TAIL_DAYS) } },
      ],
    },
    select: {
      id: true,
      reference: true,
      title: true,
      state: true,
      effectiveDate: true,
      endDate: true,
      snapshot: true,
      department: { select: { name: true } },
    },
    orderBy: [{ effectiveDate: "asc" }, { reference: "asc" }],
  });
  const current = rows.flatMap((row) => {
    // Only the analysis is wanted: read it from the stored snapshot without rebuilding the machine.
    const analysis = (JSON.parse(row.snapshot) as { context: RequestContext }).context.analysis;
    return analysis ? [{ requestId: row.id, at: analysis.at }] : [];
  });
  const analyses = await currentAnalyses(db, current);
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    title: row.title,
    department: row.department.name,
    status: APPROVED_STATES.includes(row.state) ? "approved" : "pending",
    from: row.effectiveDate ?? range.first,
    to: row.endDate,
    daily: analyses.get(row.id)?.outputs.daily ?? [],
  }));
}
