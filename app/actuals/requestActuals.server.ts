// The queues a request's calls arrive on, and the actual calls on them (issue 19): for the
// request page's forecast against actual, and for the accuracy page.
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { sqlFor } from "~/db/engine";
import { readRows } from "~/db/rawReads.server";
import { bumpDataVersion, memoised } from "~/dataVersionMemo.server";
import type { DailyCalls } from "~/analysis/callProjection";
import type { RequestOutcome } from "./accuracy";
import type { StoredAnalysis } from "~/analysis/analyses.server";
import { dailyCallsSvg } from "~/analysis/dailyCallsSvg.server";
import { compareForecast, staffingCheck, staffingSentence } from "./forecastVsActual";

/** Requests whose calls can be compared: approved and in effect, or completed. */
export const COMPARED_STATES = ["approved", "completed"] as const;

/** Whether a request is in effect or done, so that actual calls can be set against its forecast. */
export function comparable(state: string, effectiveDate: string | null, today: string): boolean {
  return (COMPARED_STATES as readonly string[]).includes(state) && effectiveDate !== null && effectiveDate <= today;
}

export async function requestQueues(db: PrismaClient, requestId: string): Promise<string[]> {
  return (await db.requestQueue.findMany({ where: { requestId }, orderBy: { queue: "asc" } })).map((q) => q.queue);
}

/**
 * Replace the request's queue codes with these. A change moves the data version in its
 * transaction: the accuracy page and the calibration offer add up the tied requests' calls.
 */
export async function setRequestQueues(db: PrismaClient, requestId: string, queues: readonly string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = new Set((await tx.requestQueue.findMany({ where: { requestId }, select: { queue: true } })).map((q) => q.queue));
    const removed = await tx.requestQueue.deleteMany({ where: { requestId, queue: { notIn: [...queues] } } });
    const added = [...new Set(queues)].filter((queue) => !before.has(queue));
    for (const queue of added) await tx.requestQueue.upsert({ where: { requestId_queue: { requestId, queue } }, create: { requestId, queue }, update: {} });
    if (removed.count > 0 || added.length > 0) await bumpDataVersion(tx);
  });
}

/** Queue codes seen in imports, for the analyst to choose from. */
export async function knownQueues(db: PrismaClient): Promise<string[]> {
  const rows = await db.actualCalls.findMany({ distinct: ["queue"], select: { queue: true }, orderBy: { queue: "asc" }, take: 500 });
  return rows.map((r) => r.queue);
}

/** Calls offered on the queues, by day, over the forecast's days; and the last day imports reach. */
export async function actualDaily(db: PrismaClient, queues: readonly string[], forecast: readonly DailyCalls[]) {
  if (queues.length === 0 || forecast.length === 0) return { actual: new Map<string, number>(), coveredThrough: null };
  const first = forecast[0].date;
  const last = forecast[forecast.length - 1].date;
  const [sums, covered] = await Promise.all([
    db.actualCalls.groupBy({ by: ["date"], where: { queue: { in: [...queues] }, date: { gte: first, lte: last } }, _sum: { offered: true } }),
    db.actualCalls.aggregate({ where: { queue: { in: [...queues] } }, _max: { date: true } }),
  ]);
  return { actual: new Map(sums.map((s) => [s.date, Number(s._sum.offered ?? 0)])), coveredThrough: covered._max.date };
}

type OutcomeRow = {
  id: string;
  reference: string;
  title: string;
  type: string;
  departmentId: string;
  department: string;
  factor: number;
  firstDay: string;
  forecast: number;
  actual: number | bigint | null;
};

/**
 * Every comparable request with queue codes and a current analysis, as of `today`, computed once
 * per data version (dataVersionMemo.server.ts): the accuracy page and every analysis form's
 * calibration offer read the same outcomes, which grow with the requests tied to queues. The
 * outcomes are the Center's, the same for every role that may see them, so only the day is in
 * the key. Shared between requests: not to be changed.
 */
export function comparedOutcomes(db: PrismaClient, today: string): Promise<readonly RequestOutcome[]> {
  return memoised(db, `outcomes|${today}`, () => requestOutcomes(db, today));
}

/**
 * Every comparable request with queue codes and a current analysis,
 * its forecast and actual totals over the forecast days the imports reach (as compareForecast
 * counts them: a day up to the last imported day without calls had none). One query, a row a
 * request, summed in the database: the analysis form asks on every load, and a row per forecast
 * day took seconds with a few thousand requests (decision 0026).
 * It starts from the requests tied to a queue (a few), not from every approved or completed
 * request, and finds the last day the imports reach once a queue, as the newest entry of the
 * (queue, date) index (decision 0008: PostgreSQL read all ActualCalls per forecast day before).
 * `req` is MATERIALIZED so each request's days are found once.
 */
export async function requestOutcomes(db: PrismaClient, today: string): Promise<RequestOutcome[]> {
  // "+r.state" keeps SQLite off the state index, which it would otherwise read for every approved
  // and completed request (at 10 000 requests: 250 ms against a few ms from the tied ones).
  const state = sqlFor(db, { sqlite: Prisma.sql`+r.state`, postgres: Prisma.sql`r.state` });
  const rows = await readRows<OutcomeRow>(db, Prisma.sql`
    WITH req AS MATERIALIZED (
      SELECT r.id, r.reference, r.title, r.type, r."departmentId", d.name AS department, a.id AS "analysisId", a."calibrationFactor" AS factor, tied.covered
      FROM (
        SELECT t."requestId", max(t.last) AS covered
        FROM (SELECT q."requestId", (SELECT max(c.date) FROM "ActualCalls" c WHERE c.queue = q.queue) AS last FROM "RequestQueue" q) t
        GROUP BY t."requestId") tied
      JOIN "Request" r ON r.id = tied."requestId"
      JOIN "Department" d ON d.id = r."departmentId"
      JOIN "Analysis" a ON a.id = (SELECT x.id FROM "Analysis" x WHERE x."requestId" = r.id AND x."createdAt" = r."analysisAt" ORDER BY x.id DESC LIMIT 1)
      WHERE ${state} IN (${Prisma.join([...COMPARED_STATES])}) AND r."effectiveDate" <= ${today}
    )
    SELECT req.id, req.reference, req.title, req.type, req."departmentId", req.department, req.factor,
      min(day.date) AS "firstDay", sum(day.calls) AS forecast,
      (SELECT sum(c.offered) FROM "RequestQueue" q JOIN "ActualCalls" c ON c.queue = q.queue
        WHERE q."requestId" = req.id AND c.date IN (SELECT x.date FROM "AnalysisDay" x WHERE x."analysisId" = req."analysisId" AND x.date <= req.covered)) AS actual
    FROM req
    JOIN "AnalysisDay" day ON day."analysisId" = req."analysisId" AND day.date <= req.covered
    GROUP BY req.id, req.reference, req.title, req.type, req."departmentId", req.department, req.factor, req."analysisId", req.covered
    ORDER BY req.id`);
  return rows.map((row) => ({
    requestId: row.id,
    reference: row.reference,
    title: row.title,
    type: row.type,
    departmentId: row.departmentId,
    department: row.department,
    month: row.firstDay.slice(0, 7),
    forecast: Number(row.forecast),
    calculated: Number(row.forecast) / Number(row.factor),
    actual: Number(row.actual ?? 0),
  }));
}

/**
 * What the request page shows under "Forecast against actual calls": the queue codes, the
 * comparison by day, the staffing check, and the chart with both series; null when the request
 * is not in effect or done, or has no analysis.
 */
export async function requestComparison(
  db: PrismaClient,
  input: { requestId: string; state: string; effectiveDate: string | null; today: string; analysis: StoredAnalysis | null },
) {
  const { analysis } = input;
  if (!analysis || !comparable(input.state, input.effectiveDate, input.today)) return null;
  const queues = await requestQueues(db, input.requestId);
  const { actual, coveredThrough } = await actualDaily(db, queues, analysis.outputs.daily);
  const comparison = compareForecast(analysis.outputs.daily, actual, coveredThrough);
  const staffing = comparison.comparedDays > 0 ? staffingCheck(analysis.inputs, analysis.outputs, comparison.actualPeak?.calls ?? 0) : null;
  const series = comparison.days.map((d) => d.actual);
  return {
    queues,
    comparison,
    staffing: staffing ? { ...staffing, sentence: staffingSentence(staffing) } : null,
    series,
    chartSvg: dailyCallsSvg(analysis.outputs.daily, series),
  };
}
