// The fee schedule's versions (SPEC §6). A version is never changed: saving adds the next one,
// and each request's fee names the version it was worked out with.
import type { CurrentUser } from "~/auth/session.server";
import type { FeeScheduleVersion, PrismaClient } from "~/generated/prisma/client";
import { auditAdmin } from "~/admin/adminAudit.server";
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from "./feeSchedule";
import type { FeeScheduleForm } from "./feeScheduleForm";
import { formatUsd, toCents } from "./money";

export interface ScheduleVersion extends FeeSchedule {
  createdAt: string;
}

function fromRow(row: FeeScheduleVersion): ScheduleVersion {
  return {
    version: row.version,
    loadedHourlyCost: row.loadedHourlyCostCents / 100,
    averageHandleMinutes: row.averageHandleMinutes,
    setupFees: {
      materials: row.materialsSetupCents / 100,
      call_routing: row.callRoutingSetupCents / 100,
      automated_response: row.automatedResponseSetupCents / 100,
    },
    createdAt: row.createdAt.toISOString(),
  };
}

function toRow(schedule: FeeScheduleForm) {
  return {
    loadedHourlyCostCents: toCents(schedule.loadedHourlyCost),
    averageHandleMinutes: schedule.averageHandleMinutes,
    materialsSetupCents: toCents(schedule.setupFees.materials),
    callRoutingSetupCents: toCents(schedule.setupFees.call_routing),
    automatedResponseSetupCents: toCents(schedule.setupFees.automated_response),
  };
}

/** Version 1 from DEFAULT_FEE_SCHEDULE when there is none yet; safe to call on every start. */
export async function ensureDefaultFeeSchedule(db: PrismaClient): Promise<void> {
  if ((await db.feeScheduleVersion.count()) > 0) return;
  await db.feeScheduleVersion.upsert({
    where: { version: DEFAULT_FEE_SCHEDULE.version },
    create: { version: DEFAULT_FEE_SCHEDULE.version, ...toRow(DEFAULT_FEE_SCHEDULE) },
    update: {},
  });
}

/** The schedule in force: the newest version. */
export async function currentFeeSchedule(db: PrismaClient): Promise<ScheduleVersion> {
  await ensureDefaultFeeSchedule(db);
  const row = await db.feeScheduleVersion.findFirstOrThrow({ orderBy: { version: "desc" } });
  return fromRow(row);
}

/** One version, as a request's fee names it; null for a version that does not exist. */
export async function feeScheduleVersion(db: PrismaClient, version: number): Promise<ScheduleVersion | null> {
  const row = await db.feeScheduleVersion.findUnique({ where: { version } });
  return row ? fromRow(row) : null;
}

/** Every version, newest first. */
export async function feeScheduleHistory(db: PrismaClient): Promise<ScheduleVersion[]> {
  await ensureDefaultFeeSchedule(db);
  const rows = await db.feeScheduleVersion.findMany({ orderBy: { version: "desc" } });
  return rows.map(fromRow);
}

function describe(s: FeeScheduleForm): string {
  return (
    `${formatUsd(toCents(s.loadedHourlyCost))} an hour, ${s.averageHandleMinutes} min a call; set-up: ` +
    `materials ${formatUsd(toCents(s.setupFees.materials))}, call routing ${formatUsd(toCents(s.setupFees.call_routing))}, ` +
    `automated response ${formatUsd(toCents(s.setupFees.automated_response))}`
  );
}

/**
 * Save a new version, audited in the portal's chain. Two admins saving at once cannot both
 * take the same number: the version is the primary key, so the second insert fails and
 * nothing is half-written.
 */
export async function saveFeeSchedule(
  db: PrismaClient,
  input: { by: CurrentUser; schedule: FeeScheduleForm; now: Date },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const last = await tx.feeScheduleVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    await tx.feeScheduleVersion.create({
      data: { version, ...toRow(input.schedule), createdById: input.by.id, createdAt: input.now },
    });
    await auditAdmin(tx, {
      by: input.by,
      event: "FEE_SCHEDULE_SAVED",
      comment: `Version ${version}: ${describe(input.schedule)}`,
      at: input.now,
    });
    return version;
  });
}
