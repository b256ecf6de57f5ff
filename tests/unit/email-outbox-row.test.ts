// What the dispatcher needs from an outbox row before it sends: a valid payload, a stable
// Message-ID, a back-off schedule, and error text without the SMTP password.
import { describe, expect, it } from "vitest";
import { exponentialBackoff } from "../../emails/backoff";
import { emlFileName } from "../../emails/file-transport.server";
import { messageIdFor } from "../../emails/message-id";
import { parseOutboxPayload, PayloadError } from "../../emails/payload";
import { redact } from "../../emails/smtp-transport.server";

const data = {
  requestId: "r1",
  reference: "311-2026-0001",
  title: "T",
  departmentName: "D",
  stateLabel: "S",
  effectiveDate: null,
  actorLabel: "A",
  comment: null,
  feeAmount: null,
  task: null,
};
const recipients = JSON.stringify([{ email: "pat@example.gov", name: "Pat" }]);
const links = { invitation: (id: string) => `https://portal.example.gov/invite/token-of-${id}` };

describe("parseOutboxPayload", () => {
  it("accepts a row as the transition service writes it", () => {
    const payload = parseOutboxPayload({ template: "approved", recipients, data: JSON.stringify(data) }, links);
    expect(payload).toEqual({ template: "approved", data, recipients: [{ email: "pat@example.gov", name: "Pat" }] });
  });

  it("makes an invitation's link from the invitation's id, which is all the row keeps (issue 15, item 5)", () => {
    const payload = parseOutboxPayload({ template: "invitation", recipients, data: '{"name":"P","invitationId":"inv-1"}' }, links);
    // A row queued before issue 18 has no choosesPassword: it was a password invitation.
    expect(payload.data).toEqual({ name: "P", link: "https://portal.example.gov/invite/token-of-inv-1", choosesPassword: true });
  });

  it.each([
    ["an unknown template", { template: "nope", recipients, data: JSON.stringify(data) }, /unknown template/],
    ["recipients that are not JSON", { template: "approved", recipients: "[", data: JSON.stringify(data) }, /recipients is not JSON/],
    ["no recipients", { template: "approved", recipients: "[]", data: JSON.stringify(data) }, /recipients are invalid/],
    ["a bad address", { template: "approved", recipients: '[{"email":"x","name":"X"}]', data: JSON.stringify(data) }, /recipients are invalid/],
    ["missing data", { template: "approved", recipients, data: "{}" }, /data for "approved" is invalid/],
    ["an account link that is not http(s)", { template: "password_reset", recipients, data: '{"name":"P","link":"javascript:alert(1)","expires":"soon"}' }, /invalid/],
    ["an invitation queued with its link", { template: "invitation", recipients, data: '{"name":"P","link":"https://portal.example.gov/invite/secret"}' }, /invalid/],
  ])("rejects %s", (_label, row, message) => {
    expect(() => parseOutboxPayload(row, links)).toThrow(PayloadError);
    expect(() => parseOutboxPayload(row, links)).toThrow(message);
  });
});

describe("Message-ID and file names", () => {
  it("derive from the row, so a message sent again is recognisably the same", () => {
    expect(messageIdFor("ck123", "https://portal.example.gov:8443")).toBe("<outbox-ck123@portal.example.gov>");
    expect(emlFileName({ id: "ck123", createdAt: new Date("2026-11-25T00:31:05.123Z") })).toBe("2026-11-25T00-31-05.123Z-ck123.eml");
  });
});

describe("exponentialBackoff", () => {
  it("doubles from 30 s and stops at an hour", () => {
    const backoff = exponentialBackoff();
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(backoff)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe("redact", () => {
  it("removes every occurrence of the secrets", () => {
    expect(redact("login pw p%40ss failed for p@ss", ["p%40ss", "p@ss"])).toBe("login pw *** failed for ***");
  });
});
