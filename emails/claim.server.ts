// Claiming outbox rows before sending them, so two dispatchers (the in-process loop and a
// cron run, or two servers) never send the same message. The claim is one conditional
// UPDATE: the database re-checks the condition on each row as it writes, so of two
// dispatchers that saw the same row, only the first to write takes it.
import type { OutboxMessage, Prisma } from "../app/generated/prisma/client";
import type { PrismaClient } from "../app/db.server";

/** Rows that are due, or whose claim is older than the lease (its dispatcher died). */
function claimable(now: Date, leaseMs: number): Prisma.OutboxMessageWhereInput {
  return {
    OR: [
      { status: "pending", nextAttemptAt: { lte: now } },
      { status: "sending", claimedAt: { lt: new Date(now.getTime() - leaseMs) } },
    ],
  };
}

export interface ClaimOptions {
  /** Unique per pass, so the rows read back are exactly the ones this pass claimed. */
  claimToken: string;
  now: Date;
  leaseMs: number;
  batchSize: number;
}

export async function claimDue(db: PrismaClient, options: ClaimOptions): Promise<OutboxMessage[]> {
  const { claimToken, now, leaseMs, batchSize } = options;
  const candidates = await db.outboxMessage.findMany({
    where: claimable(now, leaseMs),
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: batchSize,
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  await db.outboxMessage.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, ...claimable(now, leaseMs) },
    data: { status: "sending", claimedBy: claimToken, claimedAt: now },
  });
  return db.outboxMessage.findMany({
    where: { status: "sending", claimedBy: claimToken },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
  });
}

/**
 * Renew the claim just before sending, so the lease only has to outlast one send, not a
 * whole batch. False when another dispatcher took the row over: then do not send it.
 */
export async function renewClaim(db: PrismaClient, id: string, claimToken: string, now: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "sending", claimedBy: claimToken },
    data: { claimedAt: now },
  });
  return count === 1;
}
