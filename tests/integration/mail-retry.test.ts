// The SMTP server is down, refuses, or rejects the password: the dispatcher backs off and
// tries again, every message arrives exactly once when the server is back, and a message
// that never gets through ends "failed" until an admin retries it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exponentialBackoff } from "../../emails/backoff";
import { dispatchOnce, retryFailed, type DispatchOptions } from "../../emails/dispatcher.server";
import { createTransport } from "../../emails/transport.server";
import { createTestDb, type TestDb } from "../support/testDb";
import { APP_URL, createTestSmtpServer, FROM, insertOutboxRow, temporaryFailure, type TestSmtpServer } from "./support-mail";

let t: TestDb;
let smtp: TestSmtpServer;
let clock: Date;

const timeouts = { connectionMs: 2000, greetingMs: 2000, socketMs: 5000 };

function options(overrides: Partial<DispatchOptions> = {}): DispatchOptions {
  return {
    db: t.db,
    transport: createTransport({ smtpUrl: smtp.url, mailDir: "unused", timeouts }),
    workerId: "test",
    now: () => clock,
    appUrl: APP_URL,
    from: FROM,
    maxAttempts: 8,
    leaseMs: 60_000,
    backoff: exponentialBackoff({ baseMs: 30_000, capMs: 3_600_000 }),
    ...overrides,
  };
}

/** Move the injected clock instead of sleeping: back-off is measured on it. */
function advance(ms: number) {
  clock = new Date(clock.getTime() + ms);
}

beforeAll(async () => {
  t = await createTestDb("mail-retry");
  smtp = await createTestSmtpServer();
});

beforeEach(async () => {
  await smtp.stop();
  smtp.received.length = 0;
  smtp.options.refuse = undefined;
  clock = new Date();
  await t.db.outboxMessage.deleteMany();
});

afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

describe("retries", () => {
  it("backs off while the server is down, then delivers every message exactly once", async () => {
    const rows = await Promise.all([1, 2, 3, 4, 5].map(() => insertOutboxRow(t.db, {}, clock)));

    const first = await dispatchOnce(options());
    expect(first).toMatchObject({ claimed: 5, sent: 0, retrying: 5 });
    const after = await t.db.outboxMessage.findMany();
    for (const row of after) {
      expect(row).toMatchObject({ status: "pending", attempts: 1, claimedBy: null });
      expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + 30_000);
      expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    }

    // Not due yet: nothing is tried.
    advance(29_000);
    expect(await dispatchOnce(options())).toMatchObject({ claimed: 0 });

    // Still down: the wait doubles.
    advance(1_000);
    expect(await dispatchOnce(options())).toMatchObject({ retrying: 5 });
    const second = await t.db.outboxMessage.findFirstOrThrow();
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt.getTime()).toBe(clock.getTime() + 60_000);

    // Back up.
    await smtp.start();
    advance(60_000);
    expect(await dispatchOnce(options())).toMatchObject({ sent: 5, retrying: 0 });
    advance(3_600_000);
    expect(await dispatchOnce(options())).toMatchObject({ claimed: 0 });

    const ids = smtp.received.map((r) => r.messageId).sort();
    expect(ids).toEqual(rows.map((r) => `<outbox-${r.id}@portal.example.gov>`).sort());
    for (const row of await t.db.outboxMessage.findMany()) expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("retries a message the server refuses with a temporary error", async () => {
    await smtp.start();
    let refusals = 2;
    smtp.options.refuse = () => (refusals-- > 0 ? temporaryFailure() : undefined);
    const row = await insertOutboxRow(t.db, {}, clock);

    expect(await dispatchOnce(options())).toMatchObject({ retrying: 1 });
    expect((await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).lastError).toMatch(/451/);
    advance(30_000);
    expect(await dispatchOnce(options())).toMatchObject({ retrying: 1 });
    advance(60_000);
    expect(await dispatchOnce(options())).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it("gives up after maxAttempts, and retryFailed puts the message back in the queue", async () => {
    const row = await insertOutboxRow(t.db, {}, clock);
    const opts = () => options({ maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 10, capMs: 10 }) });
    for (let i = 0; i < 3; i += 1) {
      await dispatchOnce(opts());
      advance(10);
    }
    const failed = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed.lastError).toBeTruthy();

    // The server is back, but a failed message stays failed until an admin acts.
    await smtp.start();
    advance(3_600_000);
    expect(await dispatchOnce(opts())).toMatchObject({ claimed: 0 });

    expect(await retryFailed(t.db, row.id, clock)).toBe(true);
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "pending", attempts: 0 });
    expect(await dispatchOnce(opts())).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    // Only failed messages can be retried: a sent one is never queued again.
    expect(await retryFailed(t.db, row.id, clock)).toBe(false);
  });
});

describe("SMTP with a password", () => {
  it("sends with user:password from SMTP_URL and never keeps the password in lastError", async () => {
    const password = "s3cret-P@ss:word";
    const authed = await createTestSmtpServer({ auth: { user: "mailer", pass: password } });
    await authed.start();
    try {
      const url = (pass: string) => `smtp://mailer:${encodeURIComponent(pass)}@127.0.0.1:${authed.port}`;
      const row = await insertOutboxRow(t.db, {}, clock);

      const wrong = `${password}-wrong`;
      const transport = createTransport({ smtpUrl: url(wrong), mailDir: "unused", timeouts });
      expect(await dispatchOnce(options({ transport }))).toMatchObject({ retrying: 1 });
      transport.close();
      const stored = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored.lastError).toMatch(/EAUTH/);
      expect(stored.lastError).not.toContain(wrong);
      expect(stored.lastError).not.toContain(encodeURIComponent(wrong));

      advance(30_000);
      const right = createTransport({ smtpUrl: url(password), mailDir: "unused", timeouts });
      expect(await dispatchOnce(options({ transport: right }))).toMatchObject({ sent: 1 });
      right.close();
      expect(authed.received).toHaveLength(1);
    } finally {
      await authed.stop();
    }
  });
});
