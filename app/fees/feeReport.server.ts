// Reading fees for the Finance report. A fee lives in the request's machine snapshot (its
// status moves with ACCEPT_FEE, DISPUTE_FEE, DECLINE_FEE); only requests that reached fee
// assessment can have one, which is also what Finance may see (SPEC §2, R1).
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { visibleTo } from "~/requests/access.server";
import { restore } from "../../workflows/engine";
import { localDate } from "../../workflows/notice";
import type { FeeRecord } from "./feeReport";
import { fiscalYearOf } from "./fiscalYear";
import { toCents } from "./money";

export async function feeRecords(
  db: PrismaClient,
  user: CurrentUser,
  options: { timeZone: string; fiscalYearStartMonth: number },
): Promise<FeeRecord[]> {
  const rows = await db.request.findMany({
    where: { AND: [visibleTo(user), { reachedFeeAssessment: true }] },
    select: { id: true, reference: true, title: true, snapshot: true, department: { select: { name: true } } },
    orderBy: { reference: "asc" },
  });
  const records: FeeRecord[] = [];
  for (const row of rows) {
    const fee = restore(row.snapshot).context.fee;
    if (fee === null) continue;
    const assessedOn = localDate(fee.at, options.timeZone);
    records.push({
      requestId: row.id,
      reference: row.reference,
      title: row.title,
      department: row.department.name,
      amount: toCents(fee.amount),
      suggested: toCents(fee.suggested),
      status: fee.status,
      scheduleVersion: fee.scheduleVersion,
      accountCode: fee.accountCode,
      assessedOn,
      fiscalYear: fiscalYearOf(assessedOn, options.fiscalYearStartMonth).label,
    });
  }
  return records;
}
