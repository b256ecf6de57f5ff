// Re-signing the audit trail with the current AUDIT_KEY (issue 15, item 2): after a rotation
// (`npm run audit:rekey`, then the old key can leave AUDIT_PREVIOUS_KEYS), and once for a trail
// from before keyed hashes (`npm start` does it), whose comments also get their entries. The
// whole trail is verified first with every key known, and plain SHA-256 for the old entries;
// nothing is re-signed if anything does not verify, so damage is never sealed in.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PORTAL_CHAIN } from "./audit.server";
import { entryHash, portalSeal, requestSeal, sealKeyId, type AuditKey, type AuditKeyring } from "./auditHash.server";
import { verifyAuditTrail, type AuditProblem } from "./auditVerify.server";

type Tx = Prisma.TransactionClient;

export type ResealOutcome = { ok: true; chains: number } | { ok: false; problems: AuditProblem[] };

/** True when some entry or head is not signed with the current key (or not at all). */
export async function needsReseal(db: PrismaClient, key: AuditKey): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ found: number | bigint }>>`
    SELECT count(*) AS found FROM (
      SELECT 1 FROM "AuditEntry" WHERE "keyId" IS NULL OR "keyId" <> ${key.id}
      UNION ALL SELECT 1 FROM "Request" WHERE "auditSeal" IS NULL OR "auditSeal" NOT LIKE ${`${key.id}:%`}
      UNION ALL SELECT 1 FROM "Comment" WHERE "auditEntryId" IS NULL
    ) AS stale`;
  return Number(row.found) > 0;
}

type EntryRow = Parameters<typeof entryHash>[1] & { id: number };

async function resign(tx: Tx, key: AuditKey, rows: EntryRow[]): Promise<string | null> {
  let prev: string | null = null;
  for (const row of rows) {
    const hash = entryHash(key, row, prev);
    await tx.$executeRaw`UPDATE "AuditEntry" SET "keyId" = ${key.id}, "prevHash" = ${prev}, hash = ${hash} WHERE id = ${row.id}`;
    prev = hash;
  }
  return prev;
}

async function resealRequest(tx: Tx, key: AuditKey, requestId: string): Promise<void> {
  // The chain's lock first, as appendAudit takes it: no entry is appended while it is re-signed.
  await tx.$executeRaw`UPDATE "Request" SET "auditCount" = "auditCount" WHERE id = ${requestId}`;
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { id: true, state: true, version: true, snapshot: true } });
  const rows = await tx.auditEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } });
  let head = await resign(tx, key, rows);
  let count = rows.length;
  // Comments from before they were chained: recorded now, at the end of the chain.
  const unrecorded = await tx.comment.findMany({
    where: { requestId, auditEntryId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { name: true } } },
  });
  for (const comment of unrecorded) {
    const entry = {
      requestId,
      actorId: comment.authorId,
      actorName: comment.author.name,
      role: null,
      acting: false,
      event: "COMMENT",
      fromState: request.state,
      toState: request.state,
      comment: comment.body,
      at: comment.createdAt,
    };
    const hash = entryHash(key, entry, head);
    const created = await tx.auditEntry.create({ data: { ...entry, keyId: key.id, prevHash: head, hash } });
    await tx.comment.update({ where: { id: comment.id }, data: { auditEntryId: created.id } });
    head = hash;
    count++;
  }
  await tx.request.update({
    where: { id: requestId },
    data: { auditHead: head, auditCount: count, auditSeal: requestSeal(key, request, head, count) },
  });
}

async function resealPortal(tx: Tx, key: AuditKey): Promise<void> {
  await tx.$executeRaw`UPDATE "AuditChainHead" SET entries = entries WHERE chain = ${PORTAL_CHAIN}`;
  const rows = await tx.auditEntry.findMany({ where: { requestId: null }, orderBy: { id: "asc" } });
  const head = await resign(tx, key, rows);
  await tx.auditChainHead.upsert({
    where: { chain: PORTAL_CHAIN },
    create: { chain: PORTAL_CHAIN, head, entries: rows.length, seal: portalSeal(key, head, rows.length) },
    update: { head, entries: rows.length, seal: portalSeal(key, head, rows.length) },
  });
}

/** Verify everything, then re-sign each chain not already wholly signed with the current key, one transaction per chain. */
export async function resealAuditTrail(db: PrismaClient, keys: AuditKeyring): Promise<ResealOutcome> {
  const report = await verifyAuditTrail(db, keys, { legacy: true });
  if (report.problems.length > 0) return { ok: false, problems: report.problems };
  const key = keys.current;
  let chains = 0;
  for (let cursor = ""; ; ) {
    const page = await db.request.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: 500, select: { id: true, auditSeal: true } });
    if (page.length === 0) break;
    for (const { id, auditSeal } of page) {
      const stale =
        auditSeal === null ||
        sealKeyId(auditSeal) !== key.id ||
        (await db.auditEntry.count({ where: { requestId: id, OR: [{ keyId: null }, { keyId: { not: key.id } }] } })) > 0 ||
        (await db.comment.count({ where: { requestId: id, auditEntryId: null } })) > 0;
      if (!stale) continue;
      await db.$transaction((tx) => resealRequest(tx, key, id));
      chains++;
    }
    cursor = page[page.length - 1].id;
  }
  const portal = await db.auditChainHead.findUnique({ where: { chain: PORTAL_CHAIN } });
  const stalePortal =
    !portal?.seal || sealKeyId(portal.seal) !== key.id || (await db.auditEntry.count({ where: { requestId: null, OR: [{ keyId: null }, { keyId: { not: key.id } }] } })) > 0;
  if (stalePortal) {
    await db.$transaction((tx) => resealPortal(tx, key));
    chains++;
  }
  return { ok: true, chains };
}
