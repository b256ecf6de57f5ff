// Administrative changes (departments, partnerships, users, roles, appointments, the fee
// schedule) go into the audit trail's "portal" chain: entries about no one request. Each
// records who made the change and when (issue 5).
import type { Prisma } from "~/generated/prisma/client";
import { appendAudit } from "~/requests/audit.server";

/** A signed-in administrator, or a command run on the server (id null), such as admin:create. */
export interface AdminActor {
  id: string | null;
  name: string;
}

export async function auditAdmin(
  tx: Prisma.TransactionClient,
  entry: { by: AdminActor; event: string; comment: string; at: Date },
): Promise<void> {
  await appendAudit(tx, {
    requestId: null,
    actorId: entry.by.id,
    actorName: entry.by.name,
    role: entry.by.id === null ? "system" : "admin",
    acting: false,
    event: entry.event,
    fromState: null,
    toState: null,
    comment: entry.comment,
    at: entry.at,
  });
}
