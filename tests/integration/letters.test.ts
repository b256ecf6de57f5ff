// Issue 14, R20: an approved request's approval letter and a rejected one's rejection letter, as
// PDFs read back with poppler's pdftotext: the reference, both signers and their roles, the fee
// and account code, the approved files by SHA-256 (not a file withdrawn before the decision),
// and a verification code that /verify confirms. The approval and rejection e-mails carry them
// (a real SMTP server in the process). Real route modules and database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as analysisRoute from "../../app/routes/requests.$id_.analysis";
import * as filesRoute from "../../app/routes/requests.$id_.attachments";
import * as letterRoute from "../../app/routes/requests.$id_.letter";
import * as requestRoute from "../../app/routes/requests.$id";
import * as verifyRoute from "../../app/routes/verify.$reference";
import { dispatchAll } from "../../emails/dispatcher.server";
import { createTransport } from "../../emails/transport.server";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, localDate } from "workflows";
import { FILES } from "../support/files";
import { FAST_SCRYPT, personAt } from "../support/people";
import { analysisFields, materialsColumns } from "../support/requests";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";
import { APP_URL, createTestSmtpServer, FROM, type TestSmtpServer } from "./support-mail";

const TZ = "America/New_York";
type Fn = Parameters<typeof run>[0];
let t: TestDb;
let db: PrismaClient;
let smtp: TestSmtpServer;
const cookie: Record<string, string> = {};
const PEOPLE = {
  requester: "requester.partner@example.gov",
  other: "requester.nonpartner@example.gov",
  director: "director@example.gov",
  assistant: "assistant.director@example.gov",
  analyst: "analyst@example.gov",
  finance: "finance@example.gov",
};
const effective = addCalendarDays(localDate(new Date(), TZ), 20);
let approvedId = "";
let rejectedId = "";
let reference = "";
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function act(id: string, who: keyof typeof PEOPLE, event: EventPayload) {
  const outcome = await transition(db, { request: id, by: await personAt(db, PEOPLE[who], new Date()), event, now: new Date(), timeZone: TZ });
  if (!outcome.ok) throw new Error(`${event.type}: ${outcome.reason}`);
}

async function attach(id: string, who: keyof typeof PEOPLE, name: string, bytes: Uint8Array, description: string) {
  const form = new FormData();
  form.append("intent", "attach");
  form.append("file", new File([Uint8Array.from(bytes)], name));
  form.append("description", description);
  const answer = await run(filesRoute.action as Fn, new Request(`http://localhost/requests/${id}/attachments`, { method: "POST", body: form, headers: { Cookie: cookie[who] } }), { id });
  expect(statusOf(answer)).toBe(303);
}

function pdfText(pdf: Buffer, tool = "pdftotext", args: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letter-"));
  const file = path.join(dir, "letter.pdf");
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function letter(id: string, who: keyof typeof PEOPLE): Promise<Response> {
  return (await run(letterRoute.loader as Fn, get(`/requests/${id}/letter`, cookie[who]), { id })) as Response;
}

beforeAll(async () => {
  t = await createTestDb("letters");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  for (const [who, email] of Object.entries(PEOPLE)) cookie[who] = await cookieFor(db, email);
  smtp = await createTestSmtpServer();
  await smtp.start();
  const requester = await personAt(db, PEOPLE.requester, new Date());

  approvedId = (await createDraft(db, { user: requester, columns: materialsColumns(effective, "Leaf collection mailer"), now: new Date(), timeZone: TZ })).id;
  reference = (await db.request.findUniqueOrThrow({ where: { id: approvedId } })).reference;
  await attach(approvedId, "requester", "mailer.pdf", FILES.pdf, "Draft of the mailer");
  await attach(approvedId, "requester", "flyer.png", FILES.png, "The flyer");
  await act(approvedId, "requester", { type: "SUBMIT" });
  await act(approvedId, "director", { type: "ORDER_ANALYSIS" });
  const recorded = await run(
    analysisRoute.action as Fn,
    post(`/requests/${approvedId}/analysis`, cookie.analyst, { intent: "record", ...analysisFields(effective), recommendation: "Add one agent on the first day." }),
    { id: approvedId },
  );
  expect(statusOf(recorded)).toBe(303);
  await act(approvedId, "finance", { type: "ASSESS_FEE", amount: 250, suggested: 250, scheduleVersion: 1 });
  await act(approvedId, "requester", { type: "ACCEPT_FEE", accountCode: "100-2000" });
  // A reviewer's note, withdrawn before the decision: not among the approved materials.
  await attach(approvedId, "director", "note.txt", Buffer.from("Check the phone number.\n"), "Review note");
  const note = await db.attachment.findFirstOrThrow({ where: { requestId: approvedId, fileName: "note.txt" } });
  const withdrawn = await run(filesRoute.action as Fn, post(`/requests/${approvedId}/attachments`, cookie.director, { intent: "remove", attachmentId: note.id }), { id: approvedId });
  expect(statusOf(withdrawn)).toBe(303);
  await act(approvedId, "director", { type: "APPROVE", slot: "director", comment: "Print the 3-1-1 logo at least one inch wide." });
  await act(approvedId, "assistant", { type: "APPROVE", slot: "assistantDirector" });

  rejectedId = (await createDraft(db, { user: requester, columns: materialsColumns(effective, "Pet parade flyer"), now: new Date(), timeZone: TZ })).id;
  await act(rejectedId, "requester", { type: "SUBMIT" });
  await act(rejectedId, "director", { type: "REJECT", comment: "The parade is not a county service; use the department's own line." });
});

afterAll(async () => {
  await smtp.stop();
  await t.cleanup();
});

describe("the approval letter", () => {
  it("names the request, both sign-offs, the fee and the approved files by SHA-256", async () => {
    const res = await letter(approvedId, "requester");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain(`filename="${reference}-approval-letter.pdf"`);
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain(`Approval letter for ${reference}`);
    expect(text).toContain("Leaf collection mailer");
    expect(text).toContain("Department: Public Works");
    expect(text).toMatch(/Dana Director, Director\. Signed /);
    expect(text).toMatch(/Avery Assistant, Assistant Director\. Signed /);
    expect(text).toContain("$250.00, charged to account 100-2000");
    expect(text).toContain("Print the 3-1-1 logo at least one inch wide.");
    expect(text).toContain("Add one agent on the first day.");
    expect(text).toContain(sha(FILES.pdf));
    expect(text).toContain(sha(FILES.png));
    expect(text).not.toContain(sha(Buffer.from("Check the phone number.\n")));
    expect(text).toMatch(new RegExp(`Reference ${reference}, verification code [0-9A-Z]{4}-[0-9A-Z]{4}`));
  });

  it("is tagged, titled, in English, with its fonts embedded", async () => {
    const pdf = Buffer.from(await (await letter(approvedId, "director")).arrayBuffer());
    const info = pdfText(pdf, "pdfinfo");
    expect(info).toMatch(/Title:\s+Approval letter for /);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(pdf.toString("latin1")).toMatch(/\/Lang \(en-US\)/);
    const fonts = pdfText(pdf, "pdffonts").trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/PublicSans.*\byes\b/);
  });

  it("is for its department, COM and Finance; another department gets 404; none before the decision", async () => {
    for (const who of ["requester", "director", "assistant", "analyst", "finance"] as const) expect((await letter(approvedId, who)).status, who).toBe(200);
    expect(statusOf(await letter(approvedId, "other"))).toBe(404);
    const requester = await personAt(db, PEOPLE.requester, new Date());
    const draft = await createDraft(db, { user: requester, columns: materialsColumns(effective), now: new Date(), timeZone: TZ });
    expect(statusOf(await letter(draft.id, "requester"))).toBe(404);
    const page = (await run(requestRoute.loader as Fn, get(`/requests/${approvedId}`, cookie.finance), { id: approvedId })) as { letter: string | null };
    expect(page.letter).toBe("approval");
  });

  it("is the same letter whenever it is made: later entries in the chain do not change its code", async () => {
    const code = (text: string) => /verification code ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
    const first = code(pdfText(Buffer.from(await (await letter(approvedId, "requester")).arrayBuffer())));
    await run(requestRoute.action as Fn, post(`/requests/${approvedId}`, cookie.director, { intent: "COMMENT", body: "Letter sent to the print vendor." }), { id: approvedId });
    const again = code(pdfText(Buffer.from(await (await letter(approvedId, "requester")).arrayBuffer())));
    expect(first).toBeDefined();
    expect(again).toBe(first);
  });
});

describe("/verify/{reference}?code=…", () => {
  async function verify(who: keyof typeof PEOPLE, ref: string, code: string) {
    return (await run(verifyRoute.loader as Fn, get(`/verify/${ref}?code=${encodeURIComponent(code)}`, cookie[who]), { reference: ref })) as {
      result: { matches: boolean; kind?: string } | null;
    };
  }

  it("confirms the letter's code, read loosely (case, no dash); refuses a wrong one and hides the request from another department", async () => {
    const text = pdfText(Buffer.from(await (await letter(approvedId, "requester")).arrayBuffer()));
    const code = /verification code ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)![1];
    expect((await verify("finance", reference, code)).result).toMatchObject({ matches: true, kind: "approval" });
    expect((await verify("requester", reference.toLowerCase(), code.replace("-", "").toLowerCase())).result).toMatchObject({ matches: true });
    const wrong = code.slice(0, 8) + (code.endsWith("0") ? "1" : "0");
    expect((await verify("finance", reference, wrong)).result).toEqual({ matches: false });
    expect((await verify("other", reference, code)).result).toEqual({ matches: false });
    expect(statusOf(await run(verifyRoute.loader as Fn, get(`/verify/${reference}?code=${code}`, null), { reference }))).toBe(302);
  });
});

describe("the rejection letter", () => {
  it("gives the reason and who rejected", async () => {
    const res = await letter(rejectedId, "requester");
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, " ");
    expect(text).toContain("Rejection letter for");
    expect(text).toContain("The parade is not a county service; use the department's own line.");
    expect(text).toContain("Dana Director, Director");
  });
});

describe("the e-mails carry the letters", () => {
  it("the approval e-mail has the approval letter attached, the rejection e-mail the rejection letter", async () => {
    const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
    try {
      await dispatchAll({ db, transport, workerId: "test", appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000, sessionSecret: "k".repeat(40) });
    } finally {
      transport.close();
    }
    const byTemplate = async (template: string, requestId: string) => {
      const ids = (await db.outboxMessage.findMany({ where: { template, requestId } })).map((r) => `<outbox-${r.id}@portal.example.gov>`);
      return smtp.received.filter((r) => ids.includes(r.messageId ?? ""));
    };
    const approved = await byTemplate("approved", approvedId);
    expect(approved.length).toBeGreaterThan(0);
    for (const mail of approved) {
      expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${reference}-approval-letter.pdf`, "application/pdf"]]);
      expect(pdfText(mail.parsed.attachments[0].content)).toContain(sha(FILES.pdf));
    }
    const rejected = await byTemplate("rejected", rejectedId);
    expect(rejected.length).toBeGreaterThan(0);
    for (const mail of rejected) {
      expect(mail.parsed.attachments).toHaveLength(1);
      expect(pdfText(mail.parsed.attachments[0].content)).toContain("The parade is not a county service");
    }
    // Other e-mails carry nothing.
    const submitted = await byTemplate("submitted", approvedId);
    expect(submitted.length).toBeGreaterThan(0);
    for (const mail of submitted) expect(mail.parsed.attachments).toHaveLength(0);
  });
});
