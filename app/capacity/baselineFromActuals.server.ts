// The baseline's calls from the actual calls already imported (issue 19), in the database: the
// calls offered by day and hour over a period, leaving out the queues tied to requests (campaign
// calls are not the normal load), shown first and saved only when the analyst confirms the same
// figures, as one audited baseline change (which moves the calendar's memo), agents unchanged.
import { createHash } from "node:crypto";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { formatDate } from "workflows";
import { readBaseline, replaceBaselineHours, type BaselineChange } from "./baseline.server";
import { averageCallsByWeekday, defaultPeriod, withActualCalls, type ActualsPreview, type HourTotal, type Period, type WeekdayCalls } from "./baselineFromActuals";
import { weekdayHours } from "./combinedStaffing";

/** The queues tied to requests, whose calls are left out. */
const REQUEST_QUEUES = Prisma.sql`SELECT q."queue" FROM "RequestQueue" q`;

/** The last day with interval data on the queues that count, or null when there is none. */
export async function lastIntervalDay(db: PrismaClient): Promise<string | null> {
  // Newest first, to the first that counts: with the index on "date", a few rows read, not all.
  const [row] = await readRows<{ date: string }>(db, Prisma.sql`
    SELECT c."date" FROM "ActualCalls" c WHERE c."interval" <> '' AND c."queue" NOT IN (${REQUEST_QUEUES})
    ORDER BY c."date" DESC LIMIT 1`);
  return row?.date ?? null;
}

/** The period the page offers first: the last eight weeks with interval data, or none without any. */
export async function offeredPeriod(db: PrismaClient): Promise<Period | null> {
  const last = await lastIntervalDay(db);
  return last === null ? null : defaultPeriod(last);
}

async function hourTotals(db: PrismaClient, period: Period): Promise<HourTotal[]> {
  // An interval is "HH:MM": its first two characters are its hour, whatever its length.
  const rows = await readRows<{ date: string; hour: string; calls: number | bigint }>(db, Prisma.sql`
    SELECT c."date", substr(c."interval", 1, 2) AS "hour", sum(c."offered") AS "calls"
    FROM "ActualCalls" c
    WHERE c."date" >= ${period.from} AND c."date" <= ${period.to} AND c."interval" <> '' AND c."queue" NOT IN (${REQUEST_QUEUES})
    GROUP BY c."date", substr(c."interval", 1, 2)`);
  return rows.map((r) => ({ date: r.date, hour: Number(r.hour), calls: Number(r.calls) }));
}

/** Why a period gives no calls by hour: the analyst's next step differs. */
async function noIntervalsMessage(db: PrismaClient, period: Period): Promise<string> {
  const dayTotals = await db.actualCalls.count({ where: { date: { gte: period.from, lte: period.to }, interval: "" } });
  const when = `${formatDate(period.from)} to ${formatDate(period.to)}`;
  return dayTotals > 0
    ? `The calls imported for ${when} are totals by day, without intervals: they cannot give calls by hour. Import the phone system's interval report (by hour, half hour or quarter hour) for these days, or choose another period.`
    : `No calls by hour are imported for ${when} on queues other than those tied to requests. Import the phone system's interval report for these days, or choose another period.`;
}

const fingerprint = (averages: WeekdayCalls[]) => createHash("sha256").update(JSON.stringify(averages)).digest("hex").slice(0, 32);

async function preview(db: PrismaClient, period: Period, averages: WeekdayCalls[]): Promise<ActualsPreview> {
  if (averages.every((w) => w.days === 0)) return { ok: false, period, message: await noIntervalsMessage(db, period) };
  const current = (await readBaseline(db))?.hours ?? [];
  const leftOut = await readRows<{ queue: string }>(db, Prisma.sql`
    SELECT DISTINCT c."queue" FROM "ActualCalls" c
    WHERE c."date" >= ${period.from} AND c."date" <= ${period.to} AND c."queue" IN (${REQUEST_QUEUES}) ORDER BY c."queue"`);
  return {
    ok: true,
    period,
    weekdays: averages.map((w) => ({ ...w, current: weekdayHours(current, w.weekday) })),
    leftOut: leftOut.map((r) => r.queue),
    checked: fingerprint(averages),
  };
}

/** The averages a period gives, beside the baseline as it is; nothing is written. */
export async function previewActualsBaseline(db: PrismaClient, period: Period): Promise<ActualsPreview> {
  return preview(db, period, averageCallsByWeekday(await hourTotals(db, period)));
}

export type ActualsApplied = { ok: true; changed: boolean } | { ok: false; preview: ActualsPreview };

/**
 * Saves the period's averages as the calls of each weekday they cover, agents as planned, when
 * they are still the figures the analyst saw (`checked`); otherwise nothing is written and the
 * new preview is returned (an import came in between).
 */
export async function applyActualsBaseline(db: PrismaClient, change: BaselineChange & { period: Period; checked: string }): Promise<ActualsApplied> {
  const { period } = change;
  const averages = averageCallsByWeekday(await hourTotals(db, period));
  if (averages.every((w) => w.days === 0) || fingerprint(averages) !== change.checked) return { ok: false, preview: await preview(db, period, averages) };
  const { weekdays, hours } = withActualCalls((await readBaseline(db))?.hours ?? [], averages);
  const changed = await replaceBaselineHours(db, {
    ...change,
    weekdays,
    hours,
    event: "STAFFING_BASELINE_FROM_ACTUALS",
    comment: `Calls by hour from the actual calls of ${period.from} to ${period.to} (${weekdays.length} weekdays); agents unchanged`,
  });
  return { ok: true, changed };
}
