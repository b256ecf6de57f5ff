// Every template goes through the dispatcher and a real SMTP server, and arrives with the
// right recipients, subject, deep link and Message-ID (SPEC §7, R16).
import { invitationToken } from "../../app/admin/invitationToken.server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchAll } from "../../emails/dispatcher.server";
import { EMAIL_TEMPLATES } from "../../emails/render";
import { createTransport } from "../../emails/transport.server";
import { createTestDb, type TestDb } from "../support/testDb";
import { APP_URL, createTestSmtpServer, FROM, insertOutboxRow, notificationData, type TestSmtpServer } from "./support-mail";

let t: TestDb;
let smtp: TestSmtpServer;

beforeAll(async () => {
  t = await createTestDb("mail-delivery");
  smtp = await createTestSmtpServer();
  await smtp.start();
});

afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

const reviewers = [
  { email: "director@example.gov", name: "Dana Director" },
  { email: "assistant.director@example.gov", name: "Avery Assistant" },
];
const submitter = [{ email: "requester.partner@example.gov", name: "Pat Partner" }];

describe("delivery over SMTP", () => {
  it("delivers every template to its recipients with the reference, a deep link and a stable Message-ID", async () => {
    const rows = [];
    for (const template of EMAIL_TEMPLATES) {
      // An invitation is queued by its id; the dispatcher makes its link (issue 15, item 5).
      const data =
        template === "invitation"
          ? { name: "Pat Partner", invitationId: "inv-1" }
          : template === "password_reset"
            ? { name: "Pat Partner", link: `${APP_URL}/account/${template}?token=t-${template}`, expires: "at 3:40 PM on November 25, 2026" }
            : template === "pinch_points"
              ? { from: "2026-12-07", to: "2026-12-20", days: [{ date: "2026-12-08", hour: 9, needed: 14, planned: 12, shortfall: 2 }] }
              : notificationData({ comment: "Please add the Spanish version.", feeAmount: 1250 });
      const recipients = template === "approved" ? [...submitter, ...reviewers] : submitter;
      rows.push({ row: await insertOutboxRow(t.db, { template, data, recipients }), template, data, recipients });
    }

    const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    const sessionSecret = "k".repeat(40);
    const result = await dispatchAll({ db: t.db, transport, workerId: "test", appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000, sessionSecret });
    transport.close();
    expect(result).toMatchObject({ sent: rows.length, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(rows.length);

    for (const { row, template, data, recipients } of rows) {
      const got = smtp.received.filter((r) => r.messageId === `<outbox-${row.id}@portal.example.gov>`);
      expect(got, template).toHaveLength(1);
      const [{ parsed, rcptTo }] = got;
      expect(rcptTo.sort()).toEqual(recipients.map((r) => r.email).sort());
      const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to!];
      expect(to.flatMap((a) => a.value.map((v) => v.address)).sort()).toEqual(recipients.map((r) => r.email).sort());
      expect(parsed.from?.value[0]).toMatchObject({ name: "3-1-1 Number Use Portal", address: "no-reply@portal.example.gov" });
      expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");

      const link =
        "requestId" in data
          ? `${APP_URL}/requests/${data.requestId}`
          : "invitationId" in data
            ? `${APP_URL}/invite/${invitationToken(data.invitationId!, sessionSecret)}`
            : "days" in data
              ? `${APP_URL}/calendar?view=week&date=${data.from}`
              : data.link;
      if ("reference" in data) expect(parsed.subject, template).toMatch(new RegExp(`^${data.reference}: \\S`));
      else expect(parsed.subject).toMatch(/^3-1-1 Number Use Portal: /);
      expect(parsed.text, template).toContain(link);
      expect(parsed.html || "", template).toContain(`href="${link.replace(/&/g, "&amp;")}"`);

      const stored = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored).toMatchObject({ status: "sent", attempts: 0, lastError: null });
      expect(stored.sentAt).toBeInstanceOf(Date);
    }
  });

  it("greets a single recipient by name and several recipients generically", async () => {
    smtp.received.length = 0;
    const one = await insertOutboxRow(t.db, { template: "rejected", recipients: submitter });
    const many = await insertOutboxRow(t.db, { template: "withdrawn", recipients: reviewers });
    const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    await dispatchAll({ db: t.db, transport, workerId: "test", appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000 });
    transport.close();
    const text = (id: string) => smtp.received.find((r) => r.messageId?.includes(id))?.parsed.text ?? "";
    expect(text(one.id)).toMatch(/^Hello Pat Partner,/);
    expect(text(many.id)).toMatch(/^Hello,/);
  });

  it("forgets the one-time link of an account e-mail once it is sent", async () => {
    const row = await insertOutboxRow(t.db, {
      template: "password_reset",
      data: { name: "Pat Partner", link: `${APP_URL}/reset?token=secret-token`, expires: "in one hour" },
    });
    const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    await dispatchAll({ db: t.db, transport, workerId: "test", appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000 });
    transport.close();
    const stored = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.status).toBe("sent");
    expect(stored.data).not.toContain("secret-token");
  });

  it("fails a row it cannot render at once, without stopping the others", async () => {
    const bad = await insertOutboxRow(t.db, { template: "approved", data: { requestId: "x" } });
    const unknown = await insertOutboxRow(t.db, { template: "no_such_template" as never });
    const good = await insertOutboxRow(t.db, { template: "approved" });
    const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    const result = await dispatchAll({ db: t.db, transport, workerId: "test", appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000 });
    transport.close();
    expect(result).toMatchObject({ sent: 1, failed: 2 });
    const status = async (id: string) => (await t.db.outboxMessage.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(good.id)).toBe("sent");
    expect(await status(bad.id)).toBe("failed");
    const failed = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: unknown.id } });
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed.lastError).toMatch(/unknown template/);
  });
});
