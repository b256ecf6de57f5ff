// `npm run mail:dispatch` is SIGKILLed in the middle of a batch, while the SMTP server is
// holding a message before answering, then run again. Nothing is lost; the one message in
// flight — which the server accepted but the dead dispatcher never heard about — may arrive a
// second time, with the same Message-ID. Nothing else arrives twice, and only that message
// waits for the lease: the ones never attempted go out on the next run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../support/testDb";
import { createTestSmtpServer, exited, insertOutboxRow, spawnMailDispatch, type TestSmtpServer } from "./support-mail";

let t: TestDb;
let smtp: TestSmtpServer;

beforeAll(async () => {
  t = await createTestDb("mail-crash");
  smtp = await createTestSmtpServer();
  await smtp.start();
});

afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

describe("a dispatcher killed mid-batch", () => {
  it("loses nothing when restarted, and doubles at most the message in flight, with the same Message-ID", async () => {
    const rows = [];
    for (let i = 0; i < 6; i += 1) rows.push(await insertOutboxRow(t.db, {}, new Date(Date.now() - 1000 + i)));

    // The third message is held: received in full, not yet answered.
    let held: string | undefined;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let signalHeld!: () => void;
    const isHeld = new Promise<void>((resolve) => (signalHeld = resolve));
    let seen = 0;
    smtp.options.beforeAccept = async (messageId) => {
      seen += 1;
      if (seen !== 3) return;
      held = messageId;
      signalHeld();
      await released;
    };

    const env = { DATABASE_URL: t.url, SMTP_URL: smtp.url };
    const first = spawnMailDispatch(env);
    const firstExit = exited(first);
    await isHeld;
    first.kill("SIGKILL");
    expect(await firstExit).toMatchObject({ signal: "SIGKILL" });

    // Two sent; the dead process had claimed only the message in flight; three never attempted.
    expect(await t.db.outboxMessage.count({ where: { status: "sent" } })).toBe(2);
    expect(await t.db.outboxMessage.count({ where: { status: "sending" } })).toBe(1);
    expect(await t.db.outboxMessage.count({ where: { status: "pending" } })).toBe(3);
    // The server now commits the message it held, as a real server may after the client is gone.
    release();
    smtp.options.beforeAccept = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Restart. Within the lease the dead process's claim is respected, and the rest are sent at
    // once; after the lease, the message in flight is taken over.
    const early = await exited(spawnMailDispatch({ ...env, MAIL_LEASE_SECONDS: "60" }));
    expect(early, early.output).toMatchObject({ code: 0 });
    expect(early.output).toMatch(/3 sent/);
    expect(await t.db.outboxMessage.count({ where: { status: "sending" } })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const restarted = await exited(spawnMailDispatch({ ...env, MAIL_LEASE_SECONDS: "1" }));
    expect(restarted, restarted.output).toMatchObject({ code: 0 });
    expect(restarted.output).toMatch(/1 sent/);

    expect(await t.db.outboxMessage.count({ where: { status: "sent" } })).toBe(6);
    const counts = new Map<string | undefined, number>();
    for (const r of smtp.received) counts.set(r.messageId, (counts.get(r.messageId) ?? 0) + 1);
    for (const row of rows) {
      const id = `<outbox-${row.id}@portal.example.gov>`;
      expect(counts.get(id), id).toBe(id === held ? 2 : 1);
    }
    expect(smtp.received).toHaveLength(7);
  });
});
