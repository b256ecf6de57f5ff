// Reading fees for the Finance report. A fee lives in the request's machine snapshot (its
// status moves with ACCEPT_FEE, DISPUTE_FEE, DECLINE_FEE), and in the columns each step writes
// beside it, which this reads; only requests that reached fee
// assessment can have one, which is also what Finance may see (SPEC §2, R1).
import type { CurrentUser } from "~/auth/session.server";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { visibleSql } from "~/requests/access.server";
import { type FeeStatus, localDate } from "workflows";
import type { FeeRecord } from "./feeReport";
import { fiscalYearOf } from "./fiscalYear";
import type { Cents } from "./money";

/** A request's fee columns, all set together by the transition when a fee is assessed. */
interface FeeRow {
  id: string;
  reference: string;
  title: string;
  department: string;
  feeStatus: FeeStatus;
  feeAmountCents: Cents;
  feeSuggestedCents: Cents;
  feeScheduleVersion: number | null;
  feeAccountCode: string | null;
  feeAssessedAt: Date;
}

export async function feeRecords(
  db: PrismaClient,
  user: CurrentUser,
  options: { timeZone: string; fiscalYearStartMonth: number },
): Promise<FeeRecord[]> {
  // The fee's columns, written with each step beside the snapshot: no machine is restored to read it.
  const found = await readRows<FeeRow>(db, Prisma.sql`
    SELECT r.id, r.reference, r.title, d.name AS department, r."feeStatus", r."feeAmountCents", r."feeSuggestedCents",
           r."feeScheduleVersion", r."feeAccountCode", r."feeAssessedAt"
    FROM "Request" r JOIN "Department" d ON d.id = r."departmentId"
    WHERE r."reachedFeeAssessment" = ${true} AND r."feeStatus" IS NOT NULL AND ${visibleSql(user)}
    ORDER BY r.reference`);
  return found.map((row) => {
    const assessedOn = localDate(row.feeAssessedAt, options.timeZone);
    return {
      requestId: row.id,
      reference: row.reference,
      title: row.title,
      department: row.department,
      amount: row.feeAmountCents,
      suggested: row.feeSuggestedCents,
      status: row.feeStatus,
      scheduleVersion: row.feeScheduleVersion,
      accountCode: row.feeAccountCode,
      assessedOn,
      fiscalYear: fiscalYearOf(assessedOn, options.fiscalYearStartMonth).label,
    };
  });
}
