// `npm run audit:verify` (issue 15, item 2): walks every audit chain entry by entry, then checks
// each chain's head against the request row (or the portal chain's head row), each request's
// state against its last entry, and each comment against the entry that records it. Every
// problem found is named with the kind of damage; the caller reports the first by entry id.
import type { PrismaClient } from "~/generated/prisma/client";
import { PORTAL_CHAIN } from "./audit.server";
import {
  entryHash,
  legacyEntryHash,
  portalSeal,
  requestSeal,
  sealKeyId,
  type AuditInput,
  type AuditKeyring,
} from "./auditHash.server";

export type Damage =
  /** An entry's content, a comment or a chain's head was changed. */
  | "edited"
  /** An entry (or the request, or the comment it records) was deleted, or the chain relinked. */
  | "missing"
  /** The latest entries of a chain were deleted. */
  | "truncated"
  /** The request's state, version or snapshot is not what its trail and seal say. */
  | "state mismatch"
  /** Signed with a key this server does not hold (AUDIT_PREVIOUS_KEYS lacks it). */
  | "unknown key"
  /** From before keyed hashes, not yet resealed (`npm start` or `npm run audit:rekey` does it). */
  | "unsealed";

export interface AuditProblem {
  kind: Damage;
  /** The entry the problem shows at, when there is one. */
  entryId: number | null;
  requestId: string | null;
  detail: string;
}

export interface AuditReport {
  entries: number;
  requests: number;
  problems: AuditProblem[];
}

export interface VerifyOptions {
  /**
   * Accept entries and heads from before keyed hashes, checking those entries' plain SHA-256
   * links instead: what resealing needs to know before it re-signs them.
   */
  legacy?: boolean;
  pageSize?: number;
}

interface ChainState {
  hash: string | null;
  count: number;
  /** An entry of the chain already showed damage: its head cannot match, and saying so adds nothing. */
  broken: boolean;
  firstId: number;
  lastId: number;
  lastToState: string | null;
}

interface RecordedComment {
  requestId: string;
  actorId: string | null;
  body: string | null;
  at: number;
}

export async function verifyAuditTrail(db: PrismaClient, keys: AuditKeyring, options: VerifyOptions = {}): Promise<AuditReport> {
  const pageSize = options.pageSize ?? 5000;
  const legacy = options.legacy ?? false;
  const problems: AuditProblem[] = [];
  const problem = (kind: Damage, entryId: number | null, requestId: string | null, detail: string) =>
    problems.push({ kind, entryId, requestId, detail });
  const chains = new Map<string, ChainState>();
  const recordedComments = new Map<number, RecordedComment>();
  let entries = 0;

  // 1. Every entry, in order: its link to the one before it in its chain, and its hash.
  for (let cursor = 0; ; ) {
    const page = await db.auditEntry.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize });
    if (page.length === 0) break;
    for (const row of page) {
      entries++;
      const chainName = row.requestId ?? PORTAL_CHAIN;
      const chain = chains.get(chainName) ?? { hash: null, count: 0, broken: false, firstId: row.id, lastId: row.id, lastToState: null };
      const before = problems.length;
      if (row.prevHash !== chain.hash) {
        problem("missing", row.id, row.requestId, "its link to the entry before it does not match: an entry before it was deleted, or the chain was relinked");
      }
      const entry: AuditInput = row;
      if (row.keyId === null) {
        if (!legacy) problem("unsealed", row.id, row.requestId, "it was written before hashes were keyed; npm run audit:rekey seals it");
        else if (row.hash !== legacyEntryHash(entry, row.prevHash)) problem("edited", row.id, row.requestId, "its content does not match its hash");
      } else {
        const key = keys.byId.get(row.keyId);
        if (!key) problem("unknown key", row.id, row.requestId, `it was signed with an AUDIT_KEY this server does not hold (key id ${row.keyId}); add that key to AUDIT_PREVIOUS_KEYS`);
        else if (row.hash !== entryHash(key, entry, row.prevHash)) problem("edited", row.id, row.requestId, "its content does not match its hash");
      }
      if (row.event === "COMMENT" && row.requestId) {
        recordedComments.set(row.id, { requestId: row.requestId, actorId: row.actorId, body: row.comment, at: row.at.getTime() });
      }
      chains.set(chainName, {
        hash: row.hash,
        count: chain.count + 1,
        broken: chain.broken || problems.length > before,
        firstId: chain.firstId,
        lastId: row.id,
        lastToState: row.toState,
      });
    }
    cursor = page[page.length - 1].id;
  }

  // 2. Each request: its chain's head and count, its state, and its seal.
  let requests = 0;
  for (let cursor = ""; ; ) {
    const page = await db.request.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: 1000,
      select: { id: true, state: true, version: true, snapshot: true, auditHead: true, auditCount: true, auditSeal: true },
    });
    if (page.length === 0) break;
    for (const request of page) {
      requests++;
      const chain = chains.get(request.id);
      chains.delete(request.id);
      if (!chain) {
        problem("missing", null, request.id, "the request has no audit entries left: its whole trail was deleted");
        continue;
      }
      if (chain.broken) continue;
      if (request.auditSeal === null) {
        if (!legacy) problem("unsealed", chain.lastId, request.id, "its chain's head was never sealed; npm run audit:rekey seals it");
        else if (chain.lastToState !== request.state) {
          problem("state mismatch", chain.lastId, request.id, `the request is "${request.state}" but its last entry leaves it "${chain.lastToState}"`);
        }
        continue;
      }
      if (chain.count < request.auditCount) {
        problem("truncated", chain.lastId, request.id, `the request's head counts ${request.auditCount} entries but ${chain.count} remain: the latest were deleted`);
      } else if (chain.count !== request.auditCount || chain.hash !== request.auditHead) {
        problem("edited", chain.lastId, request.id, "the chain's head kept on the request row does not match its last entry");
      } else if (chain.lastToState !== request.state) {
        problem("state mismatch", chain.lastId, request.id, `the request is "${request.state}" but its last entry leaves it "${chain.lastToState}"`);
      } else {
        const key = keys.byId.get(sealKeyId(request.auditSeal));
        if (!key) {
          problem("unknown key", chain.lastId, request.id, `its head was sealed with an AUDIT_KEY this server does not hold (key id ${sealKeyId(request.auditSeal)})`);
        } else if (request.auditSeal !== requestSeal(key, request, request.auditHead, request.auditCount)) {
          problem("state mismatch", chain.lastId, request.id, "the request row was changed outside the portal: its state, version, snapshot or chain head no longer match their seal");
        }
      }
    }
    cursor = page[page.length - 1].id;
  }

  // 3. The portal chain's head.
  const portal = chains.get(PORTAL_CHAIN);
  chains.delete(PORTAL_CHAIN);
  const head = await db.auditChainHead.findUnique({ where: { chain: PORTAL_CHAIN } });
  if (!head) {
    problem("missing", portal?.lastId ?? null, null, "the portal chain's head row was deleted");
  } else if (head.seal === null) {
    if (!legacy && (portal || head.entries > 0)) problem("unsealed", portal?.lastId ?? null, null, "the portal chain's head was never sealed; npm run audit:rekey seals it");
  } else if (!portal?.broken) {
    const count = portal?.count ?? 0;
    const key = keys.byId.get(sealKeyId(head.seal));
    if (count < head.entries) {
      problem("truncated", portal?.lastId ?? null, null, `the portal chain's head counts ${head.entries} entries but ${count} remain: the latest were deleted`);
    } else if (count !== head.entries || (portal?.hash ?? null) !== head.head) {
      problem("edited", portal?.lastId ?? null, null, "the portal chain's head row does not match its last entry");
    } else if (!key) {
      problem("unknown key", portal?.lastId ?? null, null, `the portal chain's head was sealed with an AUDIT_KEY this server does not hold (key id ${sealKeyId(head.seal)})`);
    } else if (head.seal !== portalSeal(key, head.head, head.entries)) {
      problem("edited", portal?.lastId ?? null, null, "the portal chain's head row was changed outside the portal: its seal does not match");
    }
  }

  // 4. Entries of requests that are gone.
  for (const [requestId, chain] of chains) {
    problem("missing", chain.firstId, requestId, "the request these entries are about was deleted");
  }

  // 5. Each comment against the entry that records it, and each such entry against its comment.
  for (let cursor = ""; ; ) {
    const page = await db.comment.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize });
    if (page.length === 0) break;
    for (const comment of page) {
      const recorded = comment.auditEntryId === null ? undefined : recordedComments.get(comment.auditEntryId);
      if (comment.auditEntryId !== null) recordedComments.delete(comment.auditEntryId);
      if (!recorded) {
        if (!(legacy && comment.auditEntryId === null)) {
          problem("edited", null, comment.requestId, `comment ${comment.id} is not in the audit trail: it was added outside the portal`);
        }
      } else if (
        recorded.requestId !== comment.requestId ||
        recorded.actorId !== comment.authorId ||
        recorded.body !== comment.body ||
        recorded.at !== comment.createdAt.getTime()
      ) {
        problem("edited", comment.auditEntryId, comment.requestId, `comment ${comment.id} is not what this entry recorded: it was changed`);
      }
    }
    cursor = page[page.length - 1].id;
  }
  for (const [entryId, recorded] of recordedComments) {
    problem("missing", entryId, recorded.requestId, "the comment this entry records was deleted");
  }

  problems.sort((a, b) => (a.entryId ?? Infinity) - (b.entryId ?? Infinity));
  return { entries, requests, problems };
}
