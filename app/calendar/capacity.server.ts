// Requests for the capacity calendar: approved ones and those still in review ("pending"),
// with the daily calls of their recorded analysis.
import type { PrismaClient } from "~/generated/prisma/client";
import { currentAnalyses } from "~/analysis/analyses.server";
import { RESPONSE_TAIL_DAYS } from "~/analysis/responseCurve";
import { restore } from "../../workflows/engine";
import { addCalendarDays } from "../../workflows/notice";
import { OPEN_STATES } from "../../workflows/states";
import type { CalendarEntry } from "./dayLoads";

/** Approved requests, including those whose end date has passed (they did happen). */
export const APPROVED_STATES = ["approved", "completed"];

export async function calendarEntries(db: PrismaClient, range: { first: string; last: string }): Promise<CalendarEntry[]> {
  const rows = await db.request.findMany({
    where: {
      state: { in: [...APPROVED_STATES, ...OPEN_STATES] },
      effectiveDate: { not: null, lte: range.last },
      // A mailing's calls go on for weeks after its last distribution day.
      OR: [{ endDate: null }, { endDate: { gte: addCalendarDays(range.first, -RESPONSE_TAIL_DAYS) } }],
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
    const analysis = restore(row.snapshot).context.analysis;
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
