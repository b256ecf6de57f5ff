// The audit trail's cryptography (issue 15, item 2). Each entry's hash is an HMAC-SHA-256 with
// AUDIT_KEY, a key held outside the database, over the entry's content, the key's id and the
// previous entry's hash: someone with only the database can neither edit an entry and
// recompute the hashes after it, nor relink the chain around a deleted entry. Each chain's
// head (the last hash and the number of entries) is kept on the request row, or on the portal
// chain's head row, under a seal made with the same key, so deleting the latest entries shows.
//
// Rotation: every entry and seal names its key by id (a fingerprint of the key, not the key).
// A new AUDIT_KEY signs what is written from then on; earlier keys, listed in
// AUDIT_PREVIOUS_KEYS, still verify what they signed until `npm run audit:rekey` reseals the
// whole trail with the new key (SECURITY.md).
import { createHash, createHmac } from "node:crypto";

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

export interface AuditKey {
  id: string;
  secret: string;
}

export interface AuditKeyring {
  /** Signs every new entry and seal. */
  current: AuditKey;
  /** Every key this server knows, the current one included, by id. */
  byId: Map<string, AuditKey>;
}

/** A key's public name: a fingerprint that says which key signed, and nothing of the key. */
export function auditKeyId(secret: string): string {
  return createHmac("sha256", secret).update("3-1-1 portal audit key id").digest("hex").slice(0, 12);
}

export function auditKeyring(settings: { auditKey: string; auditPreviousKeys: string[] }): AuditKeyring {
  const current = { id: auditKeyId(settings.auditKey), secret: settings.auditKey };
  const byId = new Map<string, AuditKey>([[current.id, current]]);
  for (const secret of settings.auditPreviousKeys) byId.set(auditKeyId(secret), { id: auditKeyId(secret), secret });
  return { current, byId };
}

const hmac = (key: AuditKey, parts: unknown[]) => createHmac("sha256", key.secret).update(JSON.stringify(parts)).digest("hex");

function content(entry: AuditInput): unknown[] {
  return [
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
  ];
}

/** An entry's hash: HMAC over the key's id, its content and the previous entry's hash. */
export function entryHash(key: AuditKey, entry: AuditInput, prevHash: string | null): string {
  return hmac(key, [key.id, ...content(entry), prevHash]);
}

/** The plain SHA-256 of entries from before keyed hashes: read only to check them before resealing. */
export function legacyEntryHash(entry: AuditInput, prevHash: string | null): string {
  return createHash("sha256").update(JSON.stringify([...content(entry), prevHash])).digest("hex");
}

/** What a request's seal covers besides its chain's head: the state, version and snapshot. */
export interface SealedRequest {
  id: string;
  state: string;
  version: number;
  snapshot: string;
}

/** "keyId:hmac" over the request's chain head, its count, state, version and snapshot. */
export function requestSeal(key: AuditKey, request: SealedRequest, head: string | null, count: number): string {
  const snapshot = createHash("sha256").update(request.snapshot).digest("hex");
  return `${key.id}:${hmac(key, ["request", request.id, head, count, request.state, request.version, snapshot])}`;
}

/** "keyId:hmac" over the portal chain's head and count. */
export function portalSeal(key: AuditKey, head: string | null, count: number): string {
  return `${key.id}:${hmac(key, ["portal", head, count])}`;
}

/** The id of the key that made a seal. */
export function sealKeyId(seal: string): string {
  return seal.split(":")[0];
}
