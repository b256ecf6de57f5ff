// The staffing baseline in the database (issue 19): read whole (at most 168 hours), and changed
// by the analyst, each change audited in the portal chain in its transaction, which also moves
// the data version, so the capacity calendar's memo never serves staffing of an older baseline.
// A change that changes nothing writes nothing: importing the same file twice is one change.
import type { CurrentUser } from "~/auth/session.server";
import { currentFeeSchedule } from "~/fees/feeSchedules.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { appendAudit } from "~/requests/audit.server";
import { addCalendarDays } from "workflows";
import { DEFAULT_ANSWER_SECONDS, DEFAULT_SERVICE_LEVEL, type BaselineHour, type StaffingBaseline, type StaffingTarget } from "./baseline";
import { weekdayOf } from "./combinedStaffing";

type Tx = Prisma.TransactionClient;

/** The weekly pinch-point e-mail goes out on Mondays (1), the start of the Center's schedule week. */
export const DIGEST_WEEKDAY = 1;

/** The first digest day on or after `date`. */
export function digestDayFrom(date: string): string {
  return addCalendarDays(date, (DIGEST_WEEKDAY - weekdayOf(date) + 7) % 7);
}

/** The baseline, or null while the analyst has set none. */
export async function readBaseline(db: PrismaClient): Promise<StaffingBaseline | null> {
  const target = await db.staffingBaselineTarget.findUnique({ where: { id: 1 } });
  if (!target) return null;
  const hours = await db.staffingBaselineHour.findMany({ orderBy: [{ weekday: "asc" }, { hour: "asc" }] });
  const { handleTimeSeconds, targetServiceLevel, targetAnswerSeconds } = target;
  return { hours, target: { handleTimeSeconds, targetServiceLevel, targetAnswerSeconds } };
}

export interface BaselineChange {
  by: CurrentUser;
  now: Date;
  /** The local date, from which the first weekly e-mail is scheduled. */
  today: string;
}

async function audit(tx: Tx, change: BaselineChange, event: string, comment: string): Promise<void> {
  await appendAudit(tx, {
    requestId: null,
    actorId: change.by.id,
    actorName: change.by.name,
    role: "analyst",
    acting: false,
    event,
    fromState: null,
    toState: null,
    comment,
    at: change.now,
  });
}

/** SPEC §5's default service target, with the fee schedule's handle time, for a first baseline. */
async function defaultTarget(db: PrismaClient): Promise<StaffingTarget> {
  const { averageHandleMinutes } = await currentFeeSchedule(db);
  return {
    handleTimeSeconds: Math.round(averageHandleMinutes * 60),
    targetServiceLevel: DEFAULT_SERVICE_LEVEL,
    targetAnswerSeconds: DEFAULT_ANSWER_SECONDS,
  };
}

export async function saveTarget(db: PrismaClient, change: BaselineChange & { target: StaffingTarget }): Promise<boolean> {
  const { target } = change;
  return db.$transaction(async (tx) => {
    const old = await tx.staffingBaselineTarget.findUnique({ where: { id: 1 } });
    if (
      old &&
      old.handleTimeSeconds === target.handleTimeSeconds &&
      old.targetServiceLevel === target.targetServiceLevel &&
      old.targetAnswerSeconds === target.targetAnswerSeconds
    ) {
      return false;
    }
    await tx.staffingBaselineTarget.upsert({
      where: { id: 1 },
      create: { id: 1, ...target, nextDigestOn: digestDayFrom(change.today), updatedAt: change.now },
      update: { ...target, updatedAt: change.now },
    });
    await audit(
      tx,
      change,
      "STAFFING_TARGET_SET",
      `${target.targetServiceLevel * 100} % of calls answered within ${target.targetAnswerSeconds} s; handle time ${target.handleTimeSeconds} s`,
    );
    return true;
  });
}

const key = (h: BaselineHour) => `${h.weekday}|${h.hour}|${h.calls}|${h.agents}`;
const open = (h: BaselineHour) => h.calls > 0 || h.agents > 0;

/**
 * Replaces the hours of the given weekdays (all seven for an import) with `hours`, in one
 * transaction; a closed hour is stored as no row. Returns false, having written nothing, when
 * the baseline already holds exactly these hours.
 */
export async function replaceBaselineHours(
  db: PrismaClient,
  change: BaselineChange & { weekdays: number[]; hours: BaselineHour[]; event: string; comment: string },
): Promise<boolean> {
  const wanted = change.hours.filter(open);
  // Read before the transaction: SQLite's one connection is the transaction's until it ends.
  const target = await defaultTarget(db);
  return db.$transaction(async (tx) => {
    const stored = await tx.staffingBaselineHour.findMany({ where: { weekday: { in: change.weekdays } } });
    const same = stored.length === wanted.length && new Set(stored.map(key)).size === new Set([...stored, ...wanted].map(key)).size;
    const hasTarget = (await tx.staffingBaselineTarget.count({ where: { id: 1 } })) > 0;
    if (same && hasTarget) return false;
    if (!hasTarget) {
      await tx.staffingBaselineTarget.create({ data: { id: 1, ...target, nextDigestOn: digestDayFrom(change.today), updatedAt: change.now } });
    }
    await tx.staffingBaselineHour.deleteMany({ where: { weekday: { in: change.weekdays } } });
    await tx.staffingBaselineHour.createMany({ data: wanted });
    await audit(tx, change, change.event, change.comment);
    return true;
  });
}
