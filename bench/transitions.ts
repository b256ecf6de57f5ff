// Writes: events through the transition service against the same rows written with raw
// better-sqlite3 (the storage floor), and 50 events at once on one request.
import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "../app/auth/session.server";
import { columnsOf } from "../app/requests/answers";
import { currentAuditKeyring } from "../app/requests/audit.server";
import { entryHash, requestSeal } from "../app/requests/auditHash.server";
import { createDraft } from "../app/requests/drafts.server";
import { transition, type EventPayload, type TransitionOutcome } from "../app/requests/transition.server";
import type { BenchDb } from "./database";
import { personAt } from "./people";
import { sqliteTime, TIME_ZONE } from "./util";

export interface TransitionResult {
  events: number;
  serviceEventsPerSecond: number;
  rawEventsPerSecond: number;
  ratio: number;
  concurrent: { sent: number; accepted: number; refused: number; auditAdded: number; versionAdded: number; ok: boolean };
}

/** Screening requests of the partner requester's department, changes requested and resubmitted in turn. */
async function serviceRun(db: BenchDb, events: number, now: Date): Promise<number> {
  const requester = await personAt(db.prisma, "requester.partner@example.gov", now);
  const director = await personAt(db.prisma, "director@example.gov", now);
  const ids = (
    db.sqlite
      .prepare(`SELECT id FROM "Request" WHERE state = 'screening' AND departmentId = ? AND effectiveDate > ? ORDER BY id LIMIT 10`)
      .all(requester.departmentId, now.toISOString().slice(0, 10)) as Array<{ id: string }>
  ).map((r) => r.id);
  if (ids.length === 0) throw new Error("No screening request to send events to.");
  const step = (i: number): [CurrentUser, EventPayload] =>
    Math.floor(i / ids.length) % 2 === 0
      ? [director, { type: "REQUEST_CHANGES", comment: "Please confirm the dates." }]
      : [requester, { type: "RESUBMIT", comment: "Dates confirmed." }];
  const started = performance.now();
  for (let i = 0; i < events; i++) {
    const [by, event] = step(i);
    const outcome = await transition(db.prisma, { request: ids[i % ids.length], by, event, now, timeZone: TIME_ZONE });
    if (!outcome.ok) throw new Error(`Benchmark event refused: ${outcome.reason}`);
  }
  return events / ((performance.now() - started) / 1000);
}

/** The same writes per event (the request, its audit entry and chain head, the outbox), one transaction each, with nothing else: the floor. */
function rawRun(sqlite: Database.Database, events: number, now: Date): number {
  const target = sqlite.prepare(`SELECT id, snapshot, version FROM "Request" WHERE state = 'approved' LIMIT 1`).get() as {
    id: string;
    snapshot: string;
    version: number;
  };
  const key = currentAuditKeyring().current;
  const update = sqlite.prepare(`UPDATE "Request" SET snapshot = ?, version = version + 1, updatedAt = ? WHERE id = ? AND version = ?`);
  const head = sqlite.prepare(`SELECT auditHead, auditCount FROM "Request" WHERE id = ?`);
  const audit = sqlite.prepare(
    `INSERT INTO "AuditEntry" (requestId, actorId, actorName, role, acting, event, fromState, toState, comment, at, keyId, prevHash, hash) VALUES (?, NULL, 'Bench', 'director', 0, 'EDIT', 'approved', 'approved', NULL, ?, ?, ?, ?)`,
  );
  const moveHead = sqlite.prepare(`UPDATE "Request" SET auditHead = ?, auditCount = ?, auditSeal = ? WHERE id = ?`);
  const outbox = sqlite.prepare(
    `INSERT INTO "OutboxMessage" (id, requestId, template, recipients, data, status, attempts, nextAttemptAt, createdAt) VALUES (?, ?, 'bench', '[]', '{}', 'pending', 0, ?, ?)`,
  );
  let version = target.version;
  const at = sqliteTime(now);
  const write = sqlite.transaction(() => {
    if (update.run(target.snapshot, at, target.id, version).changes !== 1) throw new Error("raw floor: version moved");
    version++;
    const { auditHead: prev, auditCount } = head.get(target.id) as { auditHead: string | null; auditCount: number };
    const entry = { requestId: target.id, actorId: null, actorName: "Bench", role: "director", acting: false, event: "EDIT", fromState: "approved", toState: "approved", comment: null, at: now };
    const hash = entryHash(key, entry, prev);
    audit.run(target.id, at, key.id, prev, hash);
    const request = { id: target.id, state: "approved", version, snapshot: target.snapshot };
    moveHead.run(hash, auditCount + 1, requestSeal(key, request, hash, auditCount + 1), target.id);
    outbox.run(randomUUID(), target.id, at, at);
  });
  const started = performance.now();
  for (let i = 0; i < events; i++) write();
  return events / ((performance.now() - started) / 1000);
}

/** 50 people edit one draft at the same moment: each event is either recorded once or refused, never lost or doubled. */
async function concurrentRun(db: BenchDb, senders: number, now: Date): Promise<TransitionResult["concurrent"]> {
  const requester = await personAt(db.prisma, "requester.partner@example.gov", now);
  const { id } = await createDraft(db.prisma, {
    user: requester,
    columns: columnsOf({ type: "materials", title: "Concurrent edits", contactName: requester.name }),
    now,
    timeZone: TIME_ZONE,
  });
  const draft = db.sqlite.prepare(`SELECT id, version FROM "Request" WHERE id = ?`).get(id) as { id: string; version: number };
  const count = () => (db.sqlite.prepare(`SELECT count(*) AS n FROM "AuditEntry" WHERE requestId = ?`).get(draft.id) as { n: number }).n;
  const before = count();
  const outcomes: TransitionOutcome[] = await Promise.all(
    Array.from({ length: senders }, () =>
      transition(db.prisma, { request: draft.id, by: requester, event: { type: "EDIT" }, now, timeZone: TIME_ZONE }),
    ),
  );
  const accepted = outcomes.filter((o) => o.ok).length;
  const refused = outcomes.filter((o) => !o.ok && o.status === 409).length;
  const auditAdded = count() - before;
  const version = (db.sqlite.prepare(`SELECT version FROM "Request" WHERE id = ?`).get(draft.id) as { version: number }).version;
  const versionAdded = version - draft.version;
  return {
    sent: senders,
    accepted,
    refused,
    auditAdded,
    versionAdded,
    ok: accepted + refused === senders && auditAdded === accepted && versionAdded === accepted && accepted > 0,
  };
}

export async function benchTransitions(db: BenchDb, events: number): Promise<TransitionResult> {
  const now = new Date();
  // Warm both paths (prepared statements, the machine's first run) before timing.
  await serviceRun(db, 10, now);
  rawRun(db.sqlite, 10, now);
  const serviceEventsPerSecond = await serviceRun(db, events, now);
  const rawEventsPerSecond = rawRun(db.sqlite, events, now);
  return {
    events,
    serviceEventsPerSecond,
    rawEventsPerSecond,
    ratio: serviceEventsPerSecond / rawEventsPerSecond,
    concurrent: await concurrentRun(db, 50, now),
  };
}
