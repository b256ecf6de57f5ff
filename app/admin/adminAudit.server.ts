// Administrative changes (departments, partnerships, users, roles, appointments, the fee
// schedule) go into the audit trail's "portal" chain: entries about no one request. Each
// records who made the change and when (issue 5).
import type { CurrentUser } from "~/auth/session.server";
import type { Prisma } from "~/generated/prisma/client";
import { appendAudit } from "~/requests/audit.server";

export async function auditAdmin(
  tx: Prisma.TransactionClient,
  entry: { by: CurrentUser; event: string; comment: string; at: Date },
): Promise<void> {
  await appendAudit(tx, {
    requestId: null,
    actorId: entry.by.id,
    actorName: entry.by.name,
    role: "admin",
    acting: false,
    event: entry.event,
    fromState: null,
    toState: null,
    comment: entry.comment,
    at: entry.at,
  });
}
