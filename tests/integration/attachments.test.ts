// Issue 14, R20 and R1: files attached to a request. Each accepted type goes on by its content;
// refused ones (a program renamed .pdf, a web page renamed .png, a file a byte over the limit, a
// request over its total) are named and change nothing; a download is the same bytes with the
// headers that keep it from being rendered; another department gets 404; a withdrawn file stays.
// Real route modules, real sessions, a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
import * as filesRoute from "../../app/routes/requests.$id_.attachments";
import * as downloadRoute from "../../app/routes/requests.$id_.attachments_.$fileId";
import * as requestRoute from "../../app/routes/requests.$id";
import { auditKeyring } from "../../app/requests/auditHash.server";
import { verifyAuditTrail } from "../../app/requests/auditVerify.server";
import { MEGABYTE, resetSettings, getSettings } from "../../app/settings.server";
import { seedDatabase } from "../../prisma/seed";
import { FILES } from "../support/files";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
let t: TestDb;
let db: PrismaClient;
const cookie: Record<string, string> = {};
type Fn = Parameters<typeof run>[0];

const PEOPLE = {
  requester: "requester.partner@example.gov",
  other: "requester.nonpartner@example.gov",
  director: "director@example.gov",
  analyst: "analyst@example.gov",
  finance: "finance@example.gov",
};

beforeAll(async () => {
  t = await createTestDb("attachments");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  for (const [who, email] of Object.entries(PEOPLE)) cookie[who] = await cookieFor(db, email);
});

afterAll(async () => {
  await t.cleanup();
});

async function newDraft(title = "Leaf collection mailer"): Promise<string> {
  const requester = await personAt(db, PEOPLE.requester, new Date());
  const { id } = await createDraft(db, { user: requester, columns: materialsColumns("2099-01-10", title), now: new Date(), timeZone: TZ });
  return id;
}

async function submit(id: string) {
  const outcome = await transition(db, { request: id, by: await personAt(db, PEOPLE.requester, new Date()), event: { type: "SUBMIT" }, now: new Date(), timeZone: TZ });
  expect(outcome.ok).toBe(true);
}

function upload(id: string, who: string, files: Array<[name: string, bytes: Uint8Array]>, description = "Draft of the mailer"): Request {
  const form = new FormData();
  form.append("intent", "attach");
  for (const [name, bytes] of files) form.append("file", new File([Uint8Array.from(bytes)], name));
  form.append("description", description);
  return new Request(`http://localhost/requests/${id}/attachments`, { method: "POST", body: form, headers: { Cookie: cookie[who] } });
}

const attach = (id: string, who: string, files: Array<[string, Uint8Array]>, description?: string) =>
  run(filesRoute.action as Fn, upload(id, who, files, description), { id });

function refusal(answer: unknown): { errors: Record<string, string>; values: Record<string, string> } {
  return (answer as { data: { errors: Record<string, string>; values: Record<string, string> } }).data;
}

const files = (id: string) => db.attachment.findMany({ where: { requestId: id }, orderBy: { createdAt: "asc" } });

describe("accepted types, by content (R20)", () => {
  it.each([
    ["mailer.pdf", "application/pdf", FILES.pdf],
    ["flyer.png", "image/png", FILES.png],
    ["photo.jpg", "image/jpeg", FILES.jpeg],
    ["script.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FILES.docx],
    ["staffing.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FILES.xlsx],
    ["ivr-message.txt", "text/plain", FILES.text],
  ])("%s is attached as %s, audited with its SHA-256, and downloads byte for byte", async (name, mediaType, bytes) => {
    const id = await newDraft();
    const answer = await attach(id, "requester", [[name, bytes]]);
    expect(statusOf(answer)).toBe(303);
    const [file] = await files(id);
    expect(file).toMatchObject({ fileName: name, mediaType, size: bytes.length, description: "Draft of the mailer", withdrawnAt: null });
    const audit = await db.auditEntry.findFirst({ where: { requestId: id, event: "ATTACH" } });
    expect(audit?.comment).toContain(file.sha256);

    const download = (await run(downloadRoute.loader as Fn, get(`/requests/${id}/attachments/${file.id}`, cookie.requester), { id, fileId: file.id })) as Response;
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(download.headers.get("content-type")).toBe(mediaType === "text/plain" ? "text/plain; charset=utf-8" : mediaType);
    expect(download.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${name.replace(".", "\\.")}"`));
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toBe("sandbox");
  });

  it("several files at once, with one description; names are cleaned and typed by content", async () => {
    const id = await newDraft();
    const answer = await attach(id, "requester", [
      ["../../etc/\u202Egnp.exe", FILES.png],
      ["notes", FILES.pdf],
    ]);
    expect(statusOf(answer)).toBe(303);
    expect((await files(id)).map((f) => f.fileName).sort()).toEqual(["gnp.exe.png", "notes.pdf"]);
  });
});

describe("refused files are named, and nothing changes", () => {
  it.each([
    ["a program renamed .pdf", "invoice.pdf", FILES.exe, /invoice\.pdf is not accepted: its content is a \.exe file/],
    ["a web page renamed .png", "flyer.png", FILES.html, /flyer\.png is not accepted: its name says PNG image, but its content is not one/],
    ["a web page renamed .txt", "script.txt", FILES.html, /script\.txt is not accepted/],
    ["an empty file", "empty.pdf", new Uint8Array(0), /empty\.pdf is empty/],
  ])("%s", async (_what, name, bytes, message) => {
    const id = await newDraft();
    const answer = await attach(id, "requester", [["fine.pdf", FILES.pdf], [name, bytes]], "Keep these words");
    expect(statusOf(answer)).toBe(422);
    expect(refusal(answer).errors.file).toMatch(message);
    // What was typed comes back to the form.
    expect(refusal(answer).values.description).toBe("Keep these words");
    expect(await files(id)).toHaveLength(0);
    expect(await db.auditEntry.count({ where: { requestId: id, event: "ATTACH" } })).toBe(0);
  });

  it("a file one byte over the file limit; one at the limit goes on", async () => {
    const id = await newDraft();
    const limit = getSettings().attachmentMaxFileBytes;
    expect(limit).toBe(10 * MEGABYTE);
    const atLimit = Buffer.alloc(limit, 0x61);
    atLimit.write("%PDF-1.4\n");
    const over = Buffer.alloc(limit + 1, 0x61);
    over.write("%PDF-1.4\n");
    const refused = await attach(id, "requester", [["big.pdf", over]]);
    expect(statusOf(refused)).toBe(422);
    expect(refusal(refused).errors.file).toBe("big.pdf is 10 MB: a file may be at most 10 MB.");
    expect(await files(id)).toHaveLength(0);
    expect(statusOf(await attach(id, "requester", [["big.pdf", atLimit]]))).toBe(303);
  });

  it("a request over its total, also when uploads arrive at once", async () => {
    const id = await newDraft();
    const nine = Buffer.alloc(9 * MEGABYTE, 0x61);
    nine.write("%PDF-1.4\n");
    // Three 9 MB files sent at the same moment: the 25 MB total lets two on.
    const answers = await Promise.all([1, 2, 3].map((n) => attach(id, "requester", [[`part-${n}.pdf`, nine]])));
    expect(answers.map(statusOf).sort()).toEqual([303, 303, 422]);
    const refused = answers.find((a) => statusOf(a) === 422);
    expect(refusal(refused).errors.file).toBe("The request's files may come to 25 MB in all. It holds 18 MB already, and this file is 9 MB.");
    expect(await files(id)).toHaveLength(2);
  });

  it("a form without a file or description says what is missing", async () => {
    const id = await newDraft();
    const form = new FormData();
    form.append("intent", "attach");
    form.append("file", new File([], ""));
    form.append("description", "");
    const answer = await run(filesRoute.action as Fn, new Request(`http://localhost/requests/${id}/attachments`, { method: "POST", body: form, headers: { Cookie: cookie.requester } }), { id });
    expect(statusOf(answer)).toBe(400);
    expect(refusal(answer).errors).toMatchObject({ file: "Choose a file to attach", description: "Describe the file in a few words" });
  });
});

describe("who may attach, see and download (R1, R18)", () => {
  it("another department gets 404 for the list, the upload and the download, also once submitted", async () => {
    const id = await newDraft();
    await attach(id, "requester", [["mailer.pdf", FILES.pdf]]);
    const [file] = await files(id);
    await submit(id);
    expect(statusOf(await run(downloadRoute.loader as Fn, get(`/requests/${id}/attachments/${file.id}`, cookie.other), { id, fileId: file.id }))).toBe(404);
    expect(statusOf(await run(filesRoute.loader as Fn, get(`/requests/${id}/attachments`, cookie.other), { id }))).toBe(404);
    expect(statusOf(await attach(id, "other", [["x.pdf", FILES.pdf]]))).toBe(404);
    // A file id from another request is not found through this one.
    const otherId = await newDraft();
    expect(statusOf(await run(downloadRoute.loader as Fn, get(`/requests/${otherId}/attachments/${file.id}`, cookie.requester), { id: otherId, fileId: file.id }))).toBe(404);
  });

  it("COM does not see a draft's files (R18); after submission reviewers, the analyst and Finance see and add files", async () => {
    const id = await newDraft();
    await attach(id, "requester", [["mailer.pdf", FILES.pdf]]);
    const [file] = await files(id);
    expect(statusOf(await run(downloadRoute.loader as Fn, get(`/requests/${id}/attachments/${file.id}`, cookie.director), { id, fileId: file.id }))).toBe(404);
    await submit(id);
    for (const who of ["director", "analyst", "finance"]) {
      expect(statusOf(await run(downloadRoute.loader as Fn, get(`/requests/${id}/attachments/${file.id}`, cookie[who]), { id, fileId: file.id }))).toBe(200);
      expect(statusOf(await attach(id, who, [[`${who}-note.txt`, FILES.text]], `A note from ${who}`))).toBe(303);
    }
    const page = (await run(requestRoute.loader as Fn, get(`/requests/${id}`, cookie.requester), { id })) as { files: Array<{ fileName: string; addedBy: string }> };
    expect(page.files.map((f) => [f.fileName, f.addedBy])).toEqual([
      ["mailer.pdf", "Pat Partner"],
      ["director-note.txt", "Dana Director"],
      ["analyst-note.txt", "Ana Analyst"],
      ["finance-note.txt", "Fin Finance"],
    ]);
  });

  it("the department attaches only to a draft or when changes are asked for", async () => {
    const id = await newDraft();
    await submit(id);
    const answer = await attach(id, "requester", [["late.pdf", FILES.pdf]]);
    expect(statusOf(answer)).toBe(422);
    expect(refusal(answer).errors.file).toBe("Your department adds files while the request is a draft or when changes are asked for.");
    const director = await personAt(db, PEOPLE.director, new Date());
    await transition(db, { request: id, by: director, event: { type: "REQUEST_CHANGES", comment: "Attach the mailer." }, now: new Date(), timeZone: TZ });
    expect(statusOf(await attach(id, "requester", [["mailer.pdf", FILES.pdf]]))).toBe(303);
  });
});

describe("removing: deleted from a draft, only withdrawn after submission (R20)", () => {
  const remove = (id: string, who: string, attachmentId: string) =>
    run(filesRoute.action as Fn, post(`/requests/${id}/attachments`, cookie[who], { intent: "remove", attachmentId }), { id });

  it("a draft's file is deleted, bytes and all, and the deletion audited", async () => {
    const id = await newDraft();
    await attach(id, "requester", [["mailer.pdf", FILES.pdf]]);
    const [file] = await files(id);
    expect(statusOf(await remove(id, "requester", file.id))).toBe(303);
    expect(await files(id)).toHaveLength(0);
    expect(await db.attachmentBlob.count({ where: { key: file.storageKey } })).toBe(0);
    expect(await db.auditEntry.count({ where: { requestId: id, event: "REMOVE_ATTACHMENT" } })).toBe(1);
  });

  it("after submission a file is withdrawn: it stays, downloadable, marked withdrawn", async () => {
    const id = await newDraft();
    await attach(id, "requester", [["mailer.pdf", FILES.pdf]]);
    await submit(id);
    const director = await personAt(db, PEOPLE.director, new Date());
    await transition(db, { request: id, by: director, event: { type: "REQUEST_CHANGES", comment: "A new mailer, please." }, now: new Date(), timeZone: TZ });
    const [file] = await files(id);
    // Only the person who added a file takes it off.
    const byOther = await remove(id, "director", file.id);
    expect(statusOf(byOther)).toBe(422);
    expect(statusOf(await remove(id, "requester", file.id))).toBe(303);
    const [kept] = await files(id);
    expect(kept.withdrawnAt).not.toBeNull();
    expect(kept.withdrawnBy).toBe("Pat Partner");
    expect(await db.auditEntry.count({ where: { requestId: id, event: "WITHDRAW_ATTACHMENT" } })).toBe(1);
    const download = (await run(downloadRoute.loader as Fn, get(`/requests/${id}/attachments/${file.id}`, cookie.director), { id, fileId: file.id })) as Response;
    expect(Buffer.from(await download.arrayBuffer()).equals(FILES.pdf)).toBe(true);
    // Withdrawn a second time: refused, nothing changes.
    expect(statusOf(await remove(id, "requester", file.id))).toBe(422);
    // A withdrawn file still counts toward the total: it is kept for good.
    resetSettings({ ...getSettings(), attachmentMaxRequestBytes: FILES.pdf.length + 10 });
    try {
      expect(statusOf(await attach(id, "requester", [["second.pdf", FILES.pdf]]))).toBe(422);
    } finally {
      resetSettings({ ...getSettings(), attachmentMaxRequestBytes: 25 * MEGABYTE });
    }
  });
});

describe("the audit chain", () => {
  it("stays whole through every attachment, deletion and withdrawal above (audit:verify finds nothing)", async () => {
    const report = await verifyAuditTrail(db, auditKeyring(getSettings()));
    expect(report.entries).toBeGreaterThan(0);
    // The requests' chains only: the portal chain (entries about no request) is not this test's.
    expect(report.problems.filter((p) => p.requestId !== null)).toEqual([]);
    expect(await db.auditEntry.count({ where: { event: { in: ["ATTACH", "REMOVE_ATTACHMENT", "WITHDRAW_ATTACHMENT"] } } })).toBeGreaterThan(20);
  });
});
