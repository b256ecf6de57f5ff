// Without SMTP_URL, the dispatcher running inside the server writes each message as an .eml
// file in MAIL_DIR: a whole RFC 822 message any mail program (or mailparser) can read.
import { simpleParser } from "mailparser";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDispatcher } from "../../emails/dispatcher.server";
import { emlFileName } from "../../emails/file-transport.server";
import { createTransport } from "../../emails/transport.server";
import { createTestDb, type TestDb } from "../support/testDb";
import { APP_URL, FROM, insertOutboxRow, notificationData } from "./support-mail";

let t: TestDb;
const mailDir = path.resolve(import.meta.dirname, "../../var/test", `mail-eml-${process.pid}`);

beforeAll(async () => {
  t = await createTestDb("mail-file");
  fs.rmSync(mailDir, { recursive: true, force: true });
});

afterAll(async () => {
  fs.rmSync(mailDir, { recursive: true, force: true });
  await t.cleanup();
});

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the .eml outbox", () => {
  it("gets one readable file per message from the in-server dispatcher", async () => {
    const hostile = notificationData({ title: '<script>alert("x")</script> & more', comment: "<img src=x onerror=alert(1)>" });
    const rows = [
      await insertOutboxRow(t.db, { template: "changes_requested", data: hostile }),
      await insertOutboxRow(t.db, { template: "submitted", recipients: [{ email: "director@example.gov", name: "Dana Director" }] }),
    ];
    const transport = createTransport({ smtpUrl: undefined, mailDir });
    expect(transport.kind).toBe("file");
    const dispatcher = startDispatcher({ db: t.db, transport, intervalMs: 20, workerId: "server", appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000 });
    await until(async () => (await t.db.outboxMessage.count({ where: { status: "sent" } })) === 2);
    await dispatcher.stop();

    expect(fs.readdirSync(mailDir).sort()).toEqual(rows.map((r) => emlFileName(r)).sort());
    const [first] = rows;
    const parsed = await simpleParser(fs.readFileSync(path.join(mailDir, emlFileName(first))));
    expect(parsed.messageId).toBe(`<outbox-${first.id}@portal.example.gov>`);
    expect(parsed.subject).toBe(`${hostile.reference}: changes requested`);
    expect(parsed.text).toContain(`${APP_URL}/requests/${hostile.requestId}`);
    // Typed by users, shown as text: escaped in HTML, never markup.
    expect(parsed.text).toContain('<script>alert("x")</script>');
    expect(parsed.html).not.toMatch(/<script|<img/i);
    expect(parsed.html).toContain("&lt;script&gt;");
    expect(parsed.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    transport.close();
  });

  it("replaces the file when a message is written again, never leaving a second or partial one", async () => {
    const transport = createTransport({ smtpUrl: undefined, mailDir });
    const before = fs.readdirSync(mailDir).length;
    const mail = {
      id: "row-1",
      createdAt: new Date("2026-11-25T12:00:00.000Z"),
      messageId: "<outbox-row-1@portal.example.gov>",
      from: FROM,
      to: [{ email: "pat@example.gov", name: "Pat Partner" }],
      subject: "311-2026-0001: approved",
      text: "text",
      html: "<p>html</p>",
    };
    await transport.send(mail);
    await transport.send(mail);
    transport.close();
    const files = fs.readdirSync(mailDir);
    expect(files).toHaveLength(before + 1);
    expect(files).toContain("2026-11-25T12-00-00.000Z-row-1.eml");
    expect(files.some((f) => f.endsWith(".partial"))).toBe(false);
  });
});
