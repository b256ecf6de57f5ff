// The transition's guarded write of a request row (R14): the new snapshot and the columns
// derived from it, only if nobody changed the request since it was read.
import { Prisma } from "~/generated/prisma/client";
import { MACHINE_VERSION } from "../../workflows/requestMachine";
import type { StateName } from "../../workflows/states";
import type { RequestColumns } from "./answers";

export interface SnapshotWrite {
  id: string;
  /** The version read: the write happens only if the row still has it. */
  version: number;
  /** New answers saved with the event. */
  changes?: RequestColumns;
  state: StateName;
  snapshot: string;
  partnerAtSubmission: boolean | null;
  firstSubmittedAt: Date | null;
  firstSubmittedOn: string | null;
  reachedFeeAssessment: boolean;
  /** Set when a new task starts (the state changed); null leaves the task columns alone. */
  task: { since: Date; nextReminderAt: Date | null } | null;
  lapseOn: string | null;
  completeOn: string | null;
}

/**
 * Returns the number of rows written: 1, or 0 when the version moved.
 * Raw SQL: every event writes this row, and the ORM's update costs several times as much.
 */
export function saveSnapshot(tx: Prisma.TransactionClient, write: SnapshotWrite): Promise<number> {
  const { changes, task } = write;
  const answers = changes
    ? Prisma.sql`, type = ${changes.type}, title = ${changes.title}, description = ${changes.description},
        "effectiveDate" = ${changes.effectiveDate}, "endDate" = ${changes.endDate}, routing = ${changes.routing},
        "contactName" = ${changes.contactName}, "contactPhone" = ${changes.contactPhone}, details = ${changes.details}`
    : Prisma.empty;
  const taskColumns = task ? Prisma.sql`, "taskSince" = ${task.since}, "nextReminderAt" = ${task.nextReminderAt}` : Prisma.empty;
  // updatedAt is when the row was written, as Prisma's @updatedAt would set it.
  return tx.$executeRaw`
    UPDATE "Request" SET
      state = ${write.state}, snapshot = ${write.snapshot}, "machineVersion" = ${MACHINE_VERSION}, version = version + 1,
      "partnerAtSubmission" = ${write.partnerAtSubmission}, "firstSubmittedAt" = ${write.firstSubmittedAt},
      "firstSubmittedOn" = ${write.firstSubmittedOn}, "reachedFeeAssessment" = ${write.reachedFeeAssessment},
      "lapseOn" = ${write.lapseOn}, "completeOn" = ${write.completeOn}, "updatedAt" = ${new Date()}
      ${answers} ${taskColumns}
    WHERE id = ${write.id} AND version = ${write.version}`;
}
