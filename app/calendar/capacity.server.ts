// Requests for the capacity calendar: approved ones and those still in review ("pending"),
// with the daily calls of their recorded analysis. The iCalendar feed takes them whole
// (calendarEntries); the calendar's pages take each day's totals and first few, remembered
// until a request changes (calendarDayLoads).
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { currentAnalyses } from "~/analysis/analyses.server";
import { RESPONSE_TAIL_DAYS } from "~/analysis/responseCurve";
import { addCalendarDays, OPEN_STATES } from "workflows";
import { memoised } from "~/dataVersionMemo.server";
import { sqlFor } from "~/db/engine";
import { readRows } from "~/db/rawReads.server";
import { dayLoads, OPEN_ENDED_DAYS, type CalendarEntry, type DayLoad, type RangeRequest } from "./dayLoads";

/** Approved requests, including those whose end date has passed (they did happen). */
export const APPROVED_STATES = ["approved", "completed"];
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
      analysisAt: true,
      department: { select: { name: true } },
    },
    orderBy: [{ effectiveDate: "asc" }, { reference: "asc" }],
  });
  const current = rows.flatMap((row) => (row.analysisAt ? [{ requestId: row.id, at: row.analysisAt.toISOString() }] : []));
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

interface RangeRow {
  id: string;
  reference: string;
  title: string;
  department: string;
  state: string;
  from: string;
  to: string | null;
  /** JSON [[date, calls], …]: the current analysis's days within the range; null (PostgreSQL) or [] for none. */
  daily: string | null;
  /** Of an open-ended request's analysed first month: its last day, total calls and days. */
  lastDay: string | null;
  monthCalls: number | null;
  monthDays: number | bigint | null;
}

/**
 * Every request that may be in effect, or bring calls, on a day from `first` to `last`. One
 * query: of each current analysis only the range's days (AnalysisDay rows), never the snapshot.
 * The current analysis is the Analysis row recorded at the request's `analysisAt` (R13: ordering
 * a new analysis or deciding none is needed clears it, so an earlier row does not count).
 */
export async function rangeRequests(db: PrismaClient, range: { first: string; last: string }): Promise<RangeRequest[]> {
  const { first, last } = range;
  // Bounded below too, so the date index is read for a few years, not the whole history:
  // nothing runs for longer than two years plus a mailing's tail.
  const earliest = addCalendarDays(first, -(LONGEST_DAYS + RESPONSE_TAIL_DAYS));
  const openEndedSince = addCalendarDays(first, -(OPEN_ENDED_DAYS - 1));
  // A mailing's calls go on for weeks after its last distribution day.
  const endedSince = addCalendarDays(first, -RESPONSE_TAIL_DAYS);
  const sql = sqlFor(db, {
    sqlite: {
      days: Prisma.sql`json_group_array(json_array(day.date, day.calls))`,
      // "+r.state" keeps SQLite off the state index: most requests are approved or completed, so
      // it would read far more rows than the effective-date range does (240 ms against 140 ms).
      state: Prisma.sql`+r.state`,
    },
    postgres: { days: Prisma.sql`json_agg(json_build_array(day.date, day.calls) ORDER BY day.date)::text`, state: Prisma.sql`r.state` },
  });
  const openEnded = Prisma.sql`r."endDate" IS NULL AND a.id IS NOT NULL`;
  const rows = await readRows<RangeRow>(db, Prisma.sql`
    SELECT r.id, r.reference, r.title, d.name AS department, r.state, r."effectiveDate" AS "from", r."endDate" AS "to",
      (SELECT ${sql.days} FROM "AnalysisDay" day WHERE day."analysisId" = a.id AND day.date BETWEEN ${first} AND ${last}) AS daily,
      CASE WHEN ${openEnded} THEN (SELECT max(day.date) FROM "AnalysisDay" day WHERE day."analysisId" = a.id) END AS "lastDay",
      CASE WHEN ${openEnded} THEN (SELECT sum(day.calls) FROM "AnalysisDay" day WHERE day."analysisId" = a.id) END AS "monthCalls",
      CASE WHEN ${openEnded} THEN (SELECT count(*) FROM "AnalysisDay" day WHERE day."analysisId" = a.id) END AS "monthDays"
    FROM "Request" r
    JOIN "Department" d ON d.id = r."departmentId"
    LEFT JOIN "Analysis" a ON a.id = (
      SELECT c.id FROM "Analysis" c WHERE c."requestId" = r.id AND c."createdAt" = r."analysisAt" ORDER BY c.id DESC LIMIT 1)
    WHERE ${sql.state} IN (${Prisma.join([...APPROVED_STATES, ...OPEN_STATES])})
      AND r."effectiveDate" BETWEEN ${earliest} AND ${last}
      AND ((r."endDate" IS NULL AND r."effectiveDate" >= ${openEndedSince}) OR r."endDate" >= ${endedSince})`);
  return rows.map((row) => {
    const daily = (JSON.parse(row.daily ?? "[]") as Array<[string, number]>).map(([date, calls]) => ({ date, calls }));
    const monthDays = Number(row.monthDays ?? 0);
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      department: row.department,
      status: APPROVED_STATES.includes(row.state) ? "approved" : "pending",
      from: row.from,
      to: row.to,
      daily,
      carry: row.lastDay !== null && monthDays > 0 ? { after: row.lastDay, calls: Math.round(Number(row.monthCalls ?? 0) / monthDays) } : null,
    };
  });
}

/**
 * Calls and requests in effect on each of `dates` (consecutive), listing at most `shown` a day.
 * Remembered until any request changes (see dataVersionMemo.server.ts).
 */
export function calendarDayLoads(db: PrismaClient, dates: string[], shown: number): Promise<DayLoad[]> {
  const range = { first: dates[0], last: dates[dates.length - 1] };
  return memoised(db, `${range.first}|${range.last}|${shown}`, async () => dayLoads(await rangeRequests(db, range), dates, shown));
}
