// The audit trail: append-only, each entry keyed-hashed over its content and the previous
// entry's hash (auditHash.server.ts). One chain per request (and one, "portal", for entries
// about no request): a request's writes are already serialised by its version number, so its
// chain stays linear on any database. Each append also moves the chain's head, kept on the
// request row (or the portal chain's head row) with the count and a seal over them and the
// request's state, version and snapshot, in the same transaction (issue 15, item 2).
import { Prisma } from "~/generated/prisma/client";
import { BUMP_DATA_VERSION, bumpDataVersion, movesDataVersion } from "~/dataVersionMemo.server";
import type { Follower } from "~/db/together.server";
import { getSettings } from "../settings.server";
import { auditKeyring, entryHash, portalSeal, requestSeal, type AuditInput, type AuditKeyring, type SealedRequest } from "./auditHash.server";

export type { AuditInput };

type Tx = Prisma.TransactionClient;

/** The name of the chain of entries about no request, and of its head row. */
export const PORTAL_CHAIN = "portal";

let keyring: { from: string; keys: AuditKeyring } | undefined;

/** The process's audit keys, from AUDIT_KEY and AUDIT_PREVIOUS_KEYS. */
export function currentAuditKeyring(): AuditKeyring {
  const settings = getSettings();
  const from = [settings.auditKey, ...settings.auditPreviousKeys].join("\n");
  if (keyring?.from !== from) keyring = { from, keys: auditKeyring(settings) };
  return keyring.keys;
}

interface RequestHead extends SealedRequest {
  auditHead: string | null;
  auditCount: number;
}

/**
 * The request row's chain head, locked for this transaction: a no-op UPDATE takes the row lock
 * on PostgreSQL (SQLite has one writer anyway), so two appends to one chain never fork it.
 */
async function lockRequestHead(tx: Tx, requestId: string): Promise<RequestHead> {
  const [row] = await tx.$queryRaw<Array<Omit<RequestHead, "version" | "auditCount"> & { version: number | bigint; auditCount: number | bigint }>>`
    UPDATE "Request" SET "auditCount" = "auditCount" WHERE id = ${requestId}
    RETURNING id, state, version, snapshot, "auditHead", "auditCount"`;
  if (!row) throw new Error(`No request ${requestId} to add an audit entry to`);
  return { ...row, version: Number(row.version), auditCount: Number(row.auditCount) };
}

/** The entry's row: its table and columns, and its values. */
function entryRow(entry: AuditInput, keyId: string, prevHash: string | null, hash: string) {
  return {
    insert: Prisma.sql`"AuditEntry" ("requestId", "actorId", "actorName", role, acting, event, "fromState", "toState", comment, at, "keyId", "prevHash", hash)`,
    row: Prisma.sql`${entry.requestId}, ${entry.actorId}, ${entry.actorName}, ${entry.role}, ${entry.acting}, ${entry.event},
      ${entry.fromState}, ${entry.toState}, ${entry.comment}, ${entry.at}, ${keyId}, ${prevHash}, ${hash}`,
  };
}

/**
 * What adding the entry writes, for the transition service, which sends it after the request
 * row's guarded update (db/together.server.ts): the entry and, when it records a change the
 * memos read, the move of the data version (dataVersionMemo.server.ts).
 */
export function entryWrites(entry: AuditInput, keyId: string, prevHash: string | null, hash: string): Follower[] {
  const { insert, row } = entryRow(entry, keyId, prevHash, hash);
  const written: Follower = { insert, rows: [row] };
  return movesDataVersion(entry.event) ? [written, { update: BUMP_DATA_VERSION }] : [written];
}

/**
 * Adds the entry and, when it records a change the memos read, moves the data version
 * (dataVersionMemo.server.ts) in the same transaction.
 */
export async function insertEntry(tx: Tx, entry: AuditInput, keyId: string, prevHash: string | null, hash: string): Promise<number> {
  // Raw: every event appends, and the ORM's queries cost several times as much.
  const { insert, row } = entryRow(entry, keyId, prevHash, hash);
  const [{ id }] = await tx.$queryRaw<Array<{ id: number | bigint }>>`INSERT INTO ${insert} VALUES (${row}) RETURNING id`;
  if (movesDataVersion(entry.event)) await bumpDataVersion(tx);
  return Number(id);
}

/** What appending an entry to a request's chain writes: the entry's hash and the request's new head and seal. */
export interface RequestChainStep {
  keyId: string;
  prevHash: string | null;
  hash: string;
  count: number;
  seal: string;
}

/**
 * The chain step for an entry on a request whose head was read (`auditHead`, `auditCount`) and
 * which the entry leaves as `after`: the transition writes it with the row's guarded update.
 */
export function requestChainStep(head: { auditHead: string | null; auditCount: number }, after: SealedRequest, entry: AuditInput): RequestChainStep {
  const { current: key } = currentAuditKeyring();
  const hash = entryHash(key, entry, head.auditHead);
  const count = head.auditCount + 1;
  return { keyId: key.id, prevHash: head.auditHead, hash, count, seal: requestSeal(key, after, hash, count) };
}

async function appendToRequest(tx: Tx, requestId: string, entryFor: (head: RequestHead) => AuditInput): Promise<number> {
  const head = await lockRequestHead(tx, requestId);
  const entry = entryFor(head);
  // The request's state must be what its last entry says (audit:verify checks the same).
  if (entry.toState !== head.state) {
    throw new Error(`Audit entry ${entry.event} leaves request ${requestId} "${entry.toState}", but it is "${head.state}"`);
  }
  const step = requestChainStep(head, head, entry);
  const id = await insertEntry(tx, entry, step.keyId, step.prevHash, step.hash);
  await tx.$executeRaw`
    UPDATE "Request" SET "auditHead" = ${step.hash}, "auditCount" = ${step.count}, "auditSeal" = ${step.seal}
    WHERE id = ${requestId}`;
  return id;
}

async function appendToPortal(tx: Tx, entry: AuditInput): Promise<number> {
  const { current: key } = currentAuditKeyring();
  const [head] = await tx.$queryRaw<Array<{ head: string | null; entries: number | bigint }>>`
    UPDATE "AuditChainHead" SET entries = entries WHERE chain = ${PORTAL_CHAIN} RETURNING head, entries`;
  // Made by its migration: without it the chain's head is gone, which audit:verify reports.
  if (!head) throw new Error("The portal audit chain's head row is missing; run npm run audit:verify");
  const hash = entryHash(key, entry, head.head);
  const id = await insertEntry(tx, entry, key.id, head.head, hash);
  const count = Number(head.entries) + 1;
  await tx.$executeRaw`
    UPDATE "AuditChainHead" SET head = ${hash}, entries = ${count}, seal = ${portalSeal(key, hash, count)}
    WHERE chain = ${PORTAL_CHAIN}`;
  return id;
}

/** Append an entry to its chain and move the chain's head, in the caller's transaction. Returns the entry's id. */
export function appendAudit(tx: Tx, entry: AuditInput): Promise<number> {
  return entry.requestId === null ? appendToPortal(tx, entry) : appendToRequest(tx, entry.requestId, () => entry);
}

/**
 * An entry that changes nothing of the request (a comment): it records the state the request
 * is in, read under the chain's lock.
 */
export function appendNote(
  tx: Tx,
  note: Omit<AuditInput, "requestId" | "fromState" | "toState"> & { requestId: string },
): Promise<number> {
  return appendToRequest(tx, note.requestId, (head) => ({ ...note, fromState: head.state, toState: head.state }));
}
