// Two portal instances on one database (issue 17 §2, R14, R16): each instance is its own
// Prisma client with its own connections, as two servers behind a load balancer would be.
// Whatever both do at once — send the outbox, run the clock, take events on one request —
// nothing is lost and nothing is done twice; and when one is killed mid-batch, the other
// finishes its work.
//
// PostgreSQL only: on SQLite two clients in one process cannot both write (better-sqlite3 waits
// for the file's lock synchronously, blocking the event loop that would release it: decision
// 0004), and several instances on SQLite are processes on one machine, which
// mail-concurrency.test.ts runs (the server's dispatcher and two `npm run mail:dispatch`).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import { CLOCK_LOCK_KEY, tickAlone } from "../../app/clock/clock.server";
import { connectDb, type PrismaClient } from "../../app/db.server";
import { currentAuditKeyring } from "../../app/requests/audit.server";
import { verifyAuditTrail } from "../../app/requests/auditVerify.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
import { dispatchAll } from "../../emails/dispatcher.server";
import { createTransport } from "../../emails/transport.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { createTestDb, testPostgresServer, type TestDb } from "../support/testDb";
import {
  APP_URL,
  createTestSmtpServer,
  exited,
  FROM,
  insertOutboxRow,
  notificationData,
  spawnMailDispatch,
  temporaryFailure,
  type TestSmtpServer,
} from "./support-mail";

const TZ = "America/New_York";
const MONDAY = new Date("2026-11-23T15:00:00Z"); // 10:00 in New York
const onPostgres = testPostgresServer() !== null;

let t: TestDb;
/** The two instances: the test database's own client, and a second one on the same database. */
let instances: [PrismaClient, PrismaClient];
let smtp: TestSmtpServer;
let partner: CurrentUser;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  t = await createTestDb("several-instances");
  instances = [t.db, await connectDb(t.url)];
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT });
  partner = await personAt(t.db, "requester.partner@example.gov", MONDAY);
  smtp = await createTestSmtpServer();
  await smtp.start();
});

afterAll(async () => {
  await smtp.stop();
  await instances[1].$disconnect();
  await t.cleanup();
});

describe.skipIf(!onPostgres)("two instances' mail dispatchers (PostgreSQL)", () => {
  // About 15 s on an idle machine (a new SMTP connection per message); more room for a busy one.
  it("deliver 200 queued e-mails exactly once each, while the server refuses some with a temporary error", { timeout: 120_000 }, async () => {
    await t.db.outboxMessage.deleteMany();
    smtp.received.length = 0;
    const createdAt = new Date(Date.now() - 1000);
    await t.db.outboxMessage.createMany({
      data: Array.from({ length: 200 }, () => ({
        template: "approved",
        recipients: JSON.stringify([{ email: "pat@example.gov", name: "Pat Partner" }]),
        data: JSON.stringify(notificationData()),
        nextAttemptAt: createdAt,
        createdAt,
      })),
    });
    // Every 13th message is refused with a temporary error: retried, by whichever instance.
    let seen = 0;
    smtp.options.refuse = () => (++seen % 13 === 0 ? temporaryFailure() : undefined);

    const unfinished = () => t.db.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } });
    const instance = async (db: PrismaClient, name: string) => {
      const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
      try {
        // Like the server's loop, passes until nothing is left, but without its 5 s rest.
        while ((await unfinished()) > 0) {
          const pass = await dispatchAll({ db, transport, workerId: name, appUrl: APP_URL, from: FROM, maxAttempts: 5, leaseMs: 60_000, backoff: () => 0 });
          if (pass.claimed === 0) await pause(10);
        }
      } finally {
        transport.close();
      }
    };
    const started = performance.now();
    await Promise.all([instance(instances[0], "one"), instance(instances[1], "two")]);
    const elapsed = performance.now() - started;
    smtp.options.refuse = undefined;

    const received = smtp.received.map((r) => r.messageId);
    expect(received).toHaveLength(200);
    expect(new Set(received).size).toBe(200);
    expect(seen).toBeGreaterThan(200); // the refused ones were tried again
    expect(await t.db.outboxMessage.count({ where: { status: "sent" } })).toBe(200);
    // Both instances sent a fair share, so they really ran side by side.
    const byInstance = await t.db.outboxMessage.groupBy({ by: ["claimedBy"], _count: true });
    const counts = new Map<string, number>();
    for (const row of byInstance) {
      const name = row.claimedBy!.split("/")[0];
      counts.set(name, (counts.get(name) ?? 0) + row._count);
    }
    expect(counts.get("one")).toBeGreaterThan(20);
    expect(counts.get("two")).toBeGreaterThan(20);
    console.log(`200 e-mails over two instances (${t.engine}): ${Math.round(elapsed)} ms, ${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  });
});

describe.skipIf(!onPostgres)("an instance killed mid-batch (PostgreSQL)", () => {
  it("leaves the other instance every message but the one in flight at once, and that one after the lease", { timeout: 60_000 }, async () => {
    await t.db.outboxMessage.deleteMany();
    smtp.received.length = 0;
    const rows = [];
    for (let i = 0; i < 8; i += 1) rows.push(await insertOutboxRow(t.db, {}, new Date(Date.now() - 1000 + i)));
    // The instance that dies is its own process (`npm run mail:dispatch`), killed while the
    // SMTP server holds its third message, received in full but not yet answered.
    let held: string | undefined;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let signalHeld!: () => void;
    const isHeld = new Promise<void>((resolve) => (signalHeld = resolve));
    let seen = 0;
    smtp.options.beforeAccept = async (messageId) => {
      if (++seen !== 3) return;
      held = messageId;
      signalHeld();
      await released;
    };
    const dying = spawnMailDispatch({ DATABASE_URL: t.url, SMTP_URL: smtp.url });
    const dead = exited(dying);
    await isHeld;
    dying.kill("SIGKILL");
    expect(await dead).toMatchObject({ signal: "SIGKILL" });
    release(); // the server delivers it anyway, as a real one may
    smtp.options.beforeAccept = undefined;

    const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    const survivor = { db: instances[1], transport, workerId: "survivor", appUrl: APP_URL, from: FROM, maxAttempts: 3 };
    try {
      // Within the lease: the five never attempted go out now; the one in flight waits.
      const now = await dispatchAll({ ...survivor, leaseMs: 60_000 });
      expect(now).toMatchObject({ sent: 5, failed: 0 });
      expect(await t.db.outboxMessage.count({ where: { status: "sending" } })).toBe(1);
      await pause(1100);
      const later = await dispatchAll({ ...survivor, leaseMs: 1000 });
      expect(later).toMatchObject({ sent: 1 });
    } finally {
      transport.close();
    }
    expect(await t.db.outboxMessage.count({ where: { status: "sent" } })).toBe(8);
    // Each arrived once, but the one in flight, which arrived twice with one Message-ID.
    const counts = new Map<string | undefined, number>();
    for (const r of smtp.received) counts.set(r.messageId, (counts.get(r.messageId) ?? 0) + 1);
    for (const row of rows) {
      const id = `<outbox-${row.id}@portal.example.gov>`;
      expect(counts.get(id), id).toBe(id === held ? 2 : 1);
    }
  });
});

describe.skipIf(!onPostgres)("two instances' clocks (PostgreSQL)", () => {
  it("tick one at a time under the advisory lock, and send each reminder once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const { id } = await createDraft(t.db, { user: partner, columns: materialsColumns("2027-01-20", `Mailer ${i}`, "2027-01-21"), now: MONDAY, timeZone: TZ });
      const outcome = await transition(t.db, { request: id, by: partner, event: { type: "SUBMIT" }, now: MONDAY, timeZone: TZ });
      expect(outcome.ok).toBe(true);
      ids.push(id);
    }
    const due = { now: new Date("2026-11-25T15:00:00Z"), timeZone: TZ }; // Wednesday: 2 business days on
    const results = await Promise.all([tickAlone(instances[0], due), tickAlone(instances[1], due), tickAlone(instances[0], due)]);
    // Whoever got the lock did the work; a tick that found it taken did nothing.
    expect(results.reduce((sum, r) => sum + (r?.reminded ?? 0), 0)).toBe(10);
    expect(results.filter((r) => r === null).length).toBeGreaterThan(0);
    for (const id of ids) {
      const sent = await t.db.outboxMessage.findMany({ where: { requestId: id, template: "reminder" } });
      expect(sent.map((m) => JSON.parse(m.recipients)[0].email).sort()).toEqual(["assistant.director@example.gov", "director@example.gov"]);
    }
  });

  it("skip while another instance holds the clock's lock, and tick once it is released", async () => {
    const later = { now: new Date("2026-11-25T16:00:00Z"), timeZone: TZ };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = instances[1].$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLOCK_LOCK_KEY}::bigint)`;
      holding();
      await released;
    });
    await held;
    expect(await tickAlone(instances[0], later)).toBeNull();
    release();
    await holder;
    expect(await tickAlone(instances[0], later)).toMatchObject({ lapsed: 0, completed: 0, reminded: 0 });
  });
});

describe.skipIf(!onPostgres)("50 events at once on one request, spread over two instances (PostgreSQL)", () => {
  it("each is recorded once or refused whole: none lost, none doubled, and the audit trail verifies", async () => {
    const { id } = await createDraft(t.db, { user: partner, columns: materialsColumns("2027-02-01", "Mailer 0"), now: MONDAY, timeZone: TZ });
    const before = await t.db.request.findUniqueOrThrow({ where: { id } });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        transition(instances[n % 2], {
          request: id,
          by: partner,
          event: { type: "EDIT" },
          changes: materialsColumns("2027-02-01", `Mailer edit ${n}`),
          now: MONDAY,
          timeZone: TZ,
        }).then((outcome) => ({ n, outcome })),
      ),
    );
    const accepted = outcomes.flatMap(({ n, outcome }) => (outcome.ok ? [{ n, version: outcome.version }] : []));
    const refused = outcomes.filter(({ outcome }) => !outcome.ok);
    // A refusal is the R14 conflict answer, never anything else.
    for (const { outcome } of refused) expect(outcome).toMatchObject({ ok: false, status: 409 });
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length + refused.length).toBe(50);

    // Each accepted edit has its own version and its one audit entry; the last one's answers stand.
    expect(new Set(accepted.map((a) => a.version)).size).toBe(accepted.length);
    const after = await t.db.request.findUniqueOrThrow({ where: { id } });
    expect(after.version).toBe(before.version + accepted.length);
    const last = accepted.reduce((a, b) => (b.version > a.version ? b : a));
    expect(after.title).toBe(`Mailer edit ${last.n}`);
    const edits = await t.db.auditEntry.count({ where: { requestId: id, event: "EDIT" } });
    expect(edits).toBe(accepted.length);
    const report = await verifyAuditTrail(t.db, currentAuditKeyring());
    expect(report.problems).toEqual([]);
  });
});
