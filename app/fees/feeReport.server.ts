// Reading fees for the Finance report. A fee lives in the request's machine snapshot (its
// status moves with ACCEPT_FEE, DISPUTE_FEE, DECLINE_FEE); only requests that reached fee
// assessment can have one, which is also what Finance may see (SPEC §2, R1).
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { visibleSql } from "~/requests/access.server";
import { type RequestContext, localDate } from "workflows";
import type { FeeRecord } from "./feeReport";
import { fiscalYearOf } from "./fiscalYear";
import { toCents } from "./money";

export async function feeRecords(
  db: PrismaClient,
  user: CurrentUser,
  options: { timeZone: string; fiscalYearStartMonth: number },
): Promise<FeeRecord[]> {
  // Only the fee is read out of each snapshot, by SQLite: restoring every machine to read one
  // field took 1.5 s at 100 000 requests.
  const found = await db.$queryRaw<Array<{ id: string; reference: string; title: string; department: string; fee: string }>>`
    SELECT r.id, r.reference, r.title, d.name AS department, r.snapshot ->> '$.context.fee' AS fee
    FROM "Request" r JOIN "Department" d ON d.id = r."departmentId"
    WHERE r."reachedFeeAssessment" = 1 AND ${visibleSql(user)} AND r.snapshot ->> '$.context.fee' IS NOT NULL
    ORDER BY r.reference`;
  return found.map((row) => {
    const fee = JSON.parse(row.fee) as NonNullable<RequestContext["fee"]>;
    const assessedOn = localDate(fee.at, options.timeZone);
    return {
      requestId: row.id,
      reference: row.reference,
      title: row.title,
      department: row.department,
      amount: toCents(fee.amount),
      suggested: toCents(fee.suggested),
      status: fee.status,
      scheduleVersion: fee.scheduleVersion,
      accountCode: fee.accountCode,
      assessedOn,
      fiscalYear: fiscalYearOf(assessedOn, options.fiscalYearStartMonth).label,
    };
  });
}
