// The audit trail: append-only, each entry hashed over its content and the previous entry's
// hash. One chain per request (and one, "portal", for entries about no request): a request's
// writes are already serialised by its version number, so its chain stays linear on any database.
import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";

export interface AuditInput {
  requestId: string | null;
  actorId: string | null;
  actorName: string;
  role: string | null;
  acting: boolean;
  event: string;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
  at: Date;
}

type Tx = Prisma.TransactionClient;

/** The hash of an entry: SHA-256 over its canonical content and the previous hash. */
export function auditHash(entry: AuditInput, prevHash: string | null): string {
  const canonical = JSON.stringify([
    entry.requestId,
    entry.actorId,
    entry.actorName,
    entry.role,
    entry.acting,
    entry.event,
    entry.fromState,
    entry.toState,
    entry.comment,
    entry.at.toISOString(),
    prevHash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export async function appendAudit(tx: Tx, entry: AuditInput): Promise<void> {
  // Raw: every event appends, and the ORM's queries cost several times as much.
  const [last] = await tx.$queryRaw<Array<{ hash: string | null }>>`
    SELECT hash FROM "AuditEntry" WHERE "requestId" IS ${entry.requestId} ORDER BY id DESC LIMIT 1`;
  const prevHash = last?.hash ?? null;
  await tx.$executeRaw`
    INSERT INTO "AuditEntry" ("requestId", "actorId", "actorName", role, acting, event, "fromState", "toState", comment, at, "prevHash", hash)
    VALUES (${entry.requestId}, ${entry.actorId}, ${entry.actorName}, ${entry.role}, ${entry.acting}, ${entry.event},
      ${entry.fromState}, ${entry.toState}, ${entry.comment}, ${entry.at}, ${prevHash}, ${auditHash(entry, prevHash)})`;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: { id: number; requestId: string | null; why: string } };

/** Walks every chain in order; names the first entry whose hash or link does not match. */
export async function verifyAuditChains(db: { auditEntry: Tx["auditEntry"] }, pageSize = 5000): Promise<ChainVerdict> {
  const heads = new Map<string, string | null>();
  let entries = 0;
  let cursor = 0;
  for (;;) {
    const page = await db.auditEntry.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize });
    if (page.length === 0) return { ok: true, entries };
    for (const row of page) {
      entries++;
      const chain = row.requestId ?? "portal";
      const expectedPrev = heads.get(chain) ?? null;
      const broken = (why: string) => ({ ok: false as const, entries, brokenAt: { id: row.id, requestId: row.requestId, why } });
      if (row.prevHash !== expectedPrev) return broken("its link to the previous entry does not match");
      if (row.hash !== auditHash(row, row.prevHash)) return broken("its content does not match its hash");
      heads.set(chain, row.hash);
    }
    cursor = page[page.length - 1].id;
  }
}
