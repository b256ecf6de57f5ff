// R19: the county's holidays, which business days skip. The transition service and the clock
// read the observed ones; the administrator adds a day or stops observing one (audited).
import type { CurrentUser } from "~/auth/session.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { sqlFor } from "~/db/engine";
import { auditAdmin } from "~/admin/adminAudit.server";
import { federalHolidays, type HolidayDate } from "./federalHolidays";

/** The observed holidays, for business-day counts (a few a year), as one column of another query (a JSON array of dates): an event reads its request and these at once. */
export function observedHolidaysColumn(db: Pick<PrismaClient, "$queryRaw">): Prisma.Sql {
  const dates = sqlFor(db, { sqlite: Prisma.sql`json_group_array(date)`, postgres: Prisma.sql`json_agg(date)::text` });
  return Prisma.sql`(SELECT ${dates} FROM "Holiday" WHERE observed = ${true})`;
}

/** The column's dates; PostgreSQL's json_agg gives NULL for no rows. */
export function holidaysFromColumn(value: string | null): Set<string> {
  return new Set(value ? (JSON.parse(value) as string[]) : []);
}

export interface HolidayRow extends HolidayDate {
  observed: boolean;
}

/** A year's holidays, observed or not, in date order. */
export function holidaysIn(db: PrismaClient, year: number): Promise<HolidayRow[]> {
  return db.holiday.findMany({
    where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: { date: "asc" },
    select: { date: true, name: true, observed: true },
  });
}

/**
 * Adds the year's federal holidays the calendar does not have yet (audited when an administrator
 * asks). A day already there, observed or taken off, stays as it is; returns how many were added.
 */
export async function addFederalHolidays(db: PrismaClient, year: number, asked?: { by: CurrentUser; now: Date }): Promise<number> {
  const known = new Set((await holidaysIn(db, year)).map((h) => h.date));
  const missing = federalHolidays(year).filter((h) => !known.has(h.date));
  await db.$transaction(async (tx) => {
    for (const h of missing) await tx.holiday.upsert({ where: { date: h.date }, create: h, update: {} });
    if (asked && missing.length > 0) {
      await auditAdmin(tx, { by: asked.by, event: "HOLIDAYS_ADDED", comment: `U.S. federal holidays of ${year}: ${missing.length} added`, at: asked.now });
    }
  });
  return missing.length;
}

/** Whether a year has any holiday at all: a year without is likely one nobody set up yet. */
export async function yearHasHolidays(db: PrismaClient, year: number): Promise<boolean> {
  return (await db.holiday.count({ where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } } })) > 0;
}

export async function addHoliday(db: PrismaClient, input: { by: CurrentUser; holiday: HolidayDate; now: Date }): Promise<void> {
  const { holiday } = input;
  await db.$transaction(async (tx) => {
    await tx.holiday.upsert({ where: { date: holiday.date }, create: holiday, update: { name: holiday.name, observed: true } });
    await auditAdmin(tx, { by: input.by, event: "HOLIDAY_ADDED", comment: `${holiday.date} ${holiday.name}`, at: input.now });
  });
}

/** Observe a holiday again, or stop observing it; false when there is no such holiday. */
export async function setObserved(
  db: PrismaClient,
  input: { by: CurrentUser; date: string; observed: boolean; now: Date },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const found = await tx.holiday.findUnique({ where: { date: input.date } });
    if (!found) return false;
    await tx.holiday.update({ where: { date: input.date }, data: { observed: input.observed } });
    await auditAdmin(tx, {
      by: input.by,
      event: input.observed ? "HOLIDAY_OBSERVED" : "HOLIDAY_NOT_OBSERVED",
      comment: `${found.date} ${found.name}`,
      at: input.now,
    });
    return true;
  });
}
