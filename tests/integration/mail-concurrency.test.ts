// Several dispatchers at once — the server's loop and cron runs of `npm run mail:dispatch`,
// each cron run its own process with its own connection: every message is sent, none twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNext } from "../../emails/claim.server";
import { dispatchAll } from "../../emails/dispatcher.server";
import { createTransport } from "../../emails/transport.server";
import { createTestDb, type TestDb } from "../support/testDb";
import { APP_URL, createTestSmtpServer, exited, FROM, insertOutboxRow, spawnMailDispatch, type TestSmtpServer } from "./support-mail";

let t: TestDb;
let smtp: TestSmtpServer;

beforeAll(async () => {
  t = await createTestDb("mail-concurrency");
  smtp = await createTestSmtpServer();
  await smtp.start();
});

afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

describe("concurrent dispatchers", () => {
  it("never claim the same row, even when both saw it as due", async () => {
    await t.db.outboxMessage.deleteMany();
    for (let i = 0; i < 10; i += 1) await insertOutboxRow(t.db);
    const now = new Date(Date.now() + 1000);
    // Twenty claims at once for ten rows, so many see the same candidate before any writes:
    // the conditional update (SQLite) or the skipped row lock (PostgreSQL) decides.
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, n) => claimNext(t.db, { claimToken: `c${n}`, now, leaseMs: 60_000 })),
    );
    const ids = claims.flatMap((row) => (row ? [row.id] : []));
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    // Each claimed row carries the token of the claim that returned it.
    for (const [n, row] of claims.entries()) if (row) expect(row).toMatchObject({ status: "sending", claimedBy: `c${n}` });
  });

  it("in the server and in two cron processes send every message exactly once", async () => {
    await t.db.outboxMessage.deleteMany();
    smtp.received.length = 0;
    // A slow server keeps every dispatcher busy long enough to overlap the others.
    smtp.options.beforeAccept = () => new Promise((resolve) => setTimeout(resolve, 15));
    for (let i = 0; i < 60; i += 1) await insertOutboxRow(t.db);

    const env = { DATABASE_URL: t.url, SMTP_URL: smtp.url };
    const cron = [spawnMailDispatch(env), spawnMailDispatch(env)].map(exited);
    // In-process dispatchers start once the cron processes are sending.
    while ((await t.db.outboxMessage.count({ where: { status: { not: "pending" } } })) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const inProcess = [1, 2].map((n) => {
      const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
      return dispatchAll({ db: t.db, transport, workerId: `server-${n}`, batchSize: 5, appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000 }).finally(
        () => transport.close(),
      );
    });
    await Promise.all(inProcess);
    for (const run of await Promise.all(cron)) expect(run, run.output).toMatchObject({ code: 0 });

    const received = smtp.received.map((r) => r.messageId);
    expect(received).toHaveLength(60);
    expect(new Set(received).size).toBe(60);
    expect(await t.db.outboxMessage.count({ where: { status: "sent" } })).toBe(60);
    // The rows were spread over several dispatchers, so the race was really run.
    const workers = await t.db.outboxMessage.groupBy({ by: ["claimedBy"] });
    expect(new Set(workers.map((w) => w.claimedBy?.split("/")[0])).size).toBeGreaterThan(1);
  });

  it("takes over a row whose claim outlived the lease (its dispatcher died), and only then", async () => {
    await t.db.outboxMessage.deleteMany();
    const row = await insertOutboxRow(t.db);
    const claimedAt = new Date();
    await t.db.outboxMessage.update({ where: { id: row.id }, data: { status: "sending", claimedBy: "dead/1", claimedAt } });

    const within = await claimNext(t.db, { claimToken: "c", now: new Date(claimedAt.getTime() + 59_000), leaseMs: 60_000 });
    expect(within).toBeNull();
    const after = await claimNext(t.db, { claimToken: "d", now: new Date(claimedAt.getTime() + 61_000), leaseMs: 60_000 });
    expect(after?.id).toBe(row.id);
  });
});
