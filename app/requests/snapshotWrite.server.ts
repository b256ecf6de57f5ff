// The transition's guarded write of a request row (R14): the new snapshot and the columns the
// machine's decision derives from it, only if nobody changed the request since it was read.
import { Prisma } from "~/generated/prisma/client";
import { MACHINE_VERSION, type Decision, type StateName } from "workflows";
import { toCents } from "~/fees/money";
import type { RequestColumns } from "./answers";
import type { RequestChainStep } from "./audit.server";

export interface SnapshotWrite {
  id: string;
  /** The version read: the write happens only if the row still has it. */
  version: number;
  /** New answers saved with the event. */
  changes?: RequestColumns;
  state: StateName;
  snapshot: string;
  record: Decision["record"];
  deadlines: Decision["deadlines"];
  /** When the event happened: a task that starts now starts then. */
  at: Date;
  /** The audit entry's step on the request's chain, and the entry count read: a comment added since also refuses the write. */
  chain: RequestChainStep & { after: number };
}

/**
 * The UPDATE, which writes no row when the version or the audit chain moved: the guard of the
 * event's writes (db/together.server.ts). The chain's new head is written here too, so the row is
 * written once and, on PostgreSQL, its lock taken by this statement keeps the chain linear until
 * the entry is in.
 * Raw SQL: every event writes this row, and the ORM's update costs several times as much.
 */
export function snapshotUpdate(write: SnapshotWrite): Prisma.Sql {
  const { changes, record, deadlines, chain } = write;
  const answers = changes
    ? Prisma.sql`, type = ${changes.type}, title = ${changes.title}, description = ${changes.description},
        "effectiveDate" = ${changes.effectiveDate}, "endDate" = ${changes.endDate}, routing = ${changes.routing},
        "contactName" = ${changes.contactName}, "contactPhone" = ${changes.contactPhone}, details = ${changes.details}`
    : Prisma.empty;
  const task = deadlines.task;
  const reminder = task ? Prisma.sql`, "nextReminderAt" = ${task.nextReminderAt}` : Prisma.empty;
  const taskStart = task?.startsNow ? Prisma.sql`, "taskSince" = ${write.at}` : Prisma.empty;
  // Finance keeps seeing a request that once reached fee assessment (SPEC §2).
  const reached = record.reachedFeeAssessment ? Prisma.sql`, "reachedFeeAssessment" = ${true}` : Prisma.empty;
  const fee = record.fee;
  // updatedAt is when the row was written, as Prisma's @updatedAt would set it.
  return Prisma.sql`
    UPDATE "Request" SET
      state = ${write.state}, snapshot = ${write.snapshot}, "machineVersion" = ${MACHINE_VERSION}, version = version + 1,
      "partnerAtSubmission" = ${record.partnerAtSubmission}, "firstSubmittedAt" = ${record.firstSubmittedAt},
      "firstSubmittedOn" = ${record.firstSubmittedOn}, "awaitsAction" = ${record.awaitsAction},
      "lapseOn" = ${deadlines.lapseOn}, "completeOn" = ${deadlines.completeOn}, "updatedAt" = ${new Date()},
      "feeStatus" = ${fee?.status ?? null}, "feeAmountCents" = ${fee ? toCents(fee.amount) : null},
      "feeSuggestedCents" = ${fee ? toCents(fee.suggested) : null}, "feeScheduleVersion" = ${fee?.scheduleVersion ?? null},
      "feeAccountCode" = ${fee?.accountCode ?? null}, "feeAssessedAt" = ${fee?.at ?? null}, "analysisAt" = ${record.analysisAt},
      "auditHead" = ${chain.hash}, "auditCount" = ${chain.count}, "auditSeal" = ${chain.seal}
      ${reached} ${answers} ${reminder} ${taskStart}
    WHERE id = ${write.id} AND version = ${write.version} AND "auditCount" = ${chain.after}`;
}
