// Claiming outbox rows before sending them, so two dispatchers (the in-process loop and a
// cron run, or several portal instances) never send the same message. A dispatcher claims one
// row just before it sends it: if it dies, only that message waits out the lease; the rest
// stay `pending` for any other dispatcher to take at once (docs/decisions/0020-several-instances.md).
//
// PostgreSQL: one UPDATE whose subquery locks the next due row `FOR UPDATE SKIP LOCKED`, so
// dispatchers on several instances each take a different row without waiting on one another.
// SQLite has one writer at a time: a conditional UPDATE that repeats the due condition is
// enough, since of two dispatchers that saw the same row only the first to write takes it.
import type { OutboxMessage, Prisma } from "../app/generated/prisma/client";
import type { PrismaClient } from "../app/db.server";
import { engineOf } from "../app/db/engine";

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
  /** Unique per pass, so a dispatcher recognises its own claims. */
  claimToken: string;
  now: Date;
  leaseMs: number;
}

async function claimNextPostgres(db: PrismaClient, { claimToken, now, leaseMs }: ClaimOptions): Promise<string | null> {
  const expired = new Date(now.getTime() - leaseMs);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "OutboxMessage" SET "status" = 'sending', "claimedBy" = ${claimToken}, "claimedAt" = ${now}
    WHERE "id" = (
      SELECT "id" FROM "OutboxMessage"
      WHERE ("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR ("status" = 'sending' AND "claimedAt" < ${expired})
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

async function claimNextSqlite(db: PrismaClient, { claimToken, now, leaseMs }: ClaimOptions): Promise<string | null> {
  // Each lost race means another dispatcher took a row, so this ends when none is left.
  for (;;) {
    const candidate = await db.outboxMessage.findFirst({
      where: claimable(now, leaseMs),
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    if (!candidate) return null;
    const { count } = await db.outboxMessage.updateMany({
      where: { id: candidate.id, ...claimable(now, leaseMs) },
      data: { status: "sending", claimedBy: claimToken, claimedAt: now },
    });
    if (count === 1) return candidate.id;
  }
}

/** Claims the next due row for `claimToken` and returns it, or null when nothing is due. */
export async function claimNext(db: PrismaClient, options: ClaimOptions): Promise<OutboxMessage | null> {
  const id = engineOf(db) === "postgres" ? await claimNextPostgres(db, options) : await claimNextSqlite(db, options);
  if (id === null) return null;
  // Claimed by this token with the lease just started: no other dispatcher changes it meanwhile.
  return db.outboxMessage.findUniqueOrThrow({ where: { id } });
}
