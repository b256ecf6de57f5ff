// Writes: events through the transition service against the same rows written with the
// engine's raw driver (the storage floor, bench/store.ts), and 50 events at once on one request.
import type { CurrentUser } from "../app/auth/session.server";
import { columnsOf } from "../app/requests/answers";
import { createDraft } from "../app/requests/drafts.server";
import { transition, type EventPayload, type TransitionOutcome } from "../app/requests/transition.server";
import type { BenchStore } from "./store";
import { personAt } from "./people";
import { TIME_ZONE } from "./util";

export interface TransitionResult {
  events: number;
  serviceEventsPerSecond: number;
  rawEventsPerSecond: number;
  /** This process's CPU time per event (the driver and the portal's code; on PostgreSQL not the server's). */
  serviceCpuMs: number;
  rawCpuMs: number;
  floorLabel: string;
  ratio: number;
  concurrent: { sent: number; accepted: number; refused: number; auditAdded: number; versionAdded: number; ok: boolean };
}

/** Screening requests of the partner requester's department, changes requested and resubmitted in turn. */
async function serviceRun(db: BenchStore, events: number, now: Date): Promise<number> {
  const requester = await personAt(db.prisma, "requester.partner@example.gov", now);
  const director = await personAt(db.prisma, "director@example.gov", now);
  const ids = (
    await db.all<{ id: string }>(
      `SELECT id FROM "Request" WHERE state = 'screening' AND "departmentId" = $1 AND "effectiveDate" > $2 ORDER BY id LIMIT 10`,
      [requester.departmentId, now.toISOString().slice(0, 10)],
    )
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

/** 50 people edit one draft at the same moment: each event is either recorded once or refused, never lost or doubled. */
async function concurrentRun(db: BenchStore, senders: number, now: Date): Promise<TransitionResult["concurrent"]> {
  const requester = await personAt(db.prisma, "requester.partner@example.gov", now);
  const { id } = await createDraft(db.prisma, {
    user: requester,
    columns: columnsOf({ type: "materials", title: "Concurrent edits", contactName: requester.name }),
    now,
    timeZone: TIME_ZONE,
  });
  const [draft] = await db.all<{ id: string; version: number }>(`SELECT id, version FROM "Request" WHERE id = $1`, [id]);
  const count = async () => Number((await db.all<{ n: number | string }>(`SELECT count(*) AS n FROM "AuditEntry" WHERE "requestId" = $1`, [draft.id]))[0].n);
  const before = await count();
  const outcomes: TransitionOutcome[] = await Promise.all(
    Array.from({ length: senders }, () =>
      transition(db.prisma, { request: draft.id, by: requester, event: { type: "EDIT" }, now, timeZone: TIME_ZONE }),
    ),
  );
  const accepted = outcomes.filter((o) => o.ok).length;
  const refused = outcomes.filter((o) => !o.ok && o.status === 409).length;
  const auditAdded = (await count()) - before;
  const [{ version }] = await db.all<{ version: number }>(`SELECT version FROM "Request" WHERE id = $1`, [draft.id]);
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

/** Events sent on each path before the timed ones. */
const WARM_UP_EVENTS = 200;

export async function benchTransitions(db: BenchStore, events: number): Promise<TransitionResult> {
  const now = new Date();
  // Warm both paths before timing: prepared statements, and V8's optimised code for the service's
  // far larger path (after 10 events the next 500 still cost 1.3–1.6× the CPU of warm ones: decision 0028).
  const warmUp = Math.min(WARM_UP_EVENTS, events);
  await serviceRun(db, warmUp, now);
  await db.rawRun(warmUp, now);
  // CPU time holds steady on a busy machine where events a second do not.
  const cpuPerEvent = async (run: () => Promise<number>): Promise<[number, number]> => {
    const before = process.cpuUsage();
    const rate = await run();
    const used = process.cpuUsage(before);
    return [rate, (used.user + used.system) / 1000 / events];
  };
  const [serviceEventsPerSecond, serviceCpuMs] = await cpuPerEvent(() => serviceRun(db, events, now));
  const [rawEventsPerSecond, rawCpuMs] = await cpuPerEvent(() => db.rawRun(events, now));
  return {
    events,
    serviceEventsPerSecond,
    rawEventsPerSecond,
    serviceCpuMs,
    rawCpuMs,
    floorLabel: db.floorLabel,
    ratio: serviceEventsPerSecond / rawEventsPerSecond,
    concurrent: await concurrentRun(db, 50, now),
  };
}
