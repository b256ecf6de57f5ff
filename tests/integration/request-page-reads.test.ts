// The request page's reads (app/requests/requestPageReads.server.ts, decision 0038): on PostgreSQL
// one statement instead of three; on either database the same rows as the three reads they stand
// for, in the same order and types (dates as Dates, booleans as booleans, none left out).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentsOf } from "../../app/attachments/attachments.server";
import type { PrismaClient } from "../../app/db.server";
import { appendNote } from "../../app/requests/audit.server";
import { addComment } from "../../app/requests/comments.server";
import { createDraft } from "../../app/requests/drafts.server";
import { auditTrail, commentsOn, recentAudit } from "../../app/requests/queries.server";
import { requestPageReads } from "../../app/requests/requestPageReads.server";
import { transition } from "../../app/requests/transition.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
let t: TestDb;
let db: PrismaClient;
let requestId = "";
let emptyId = "";

beforeAll(async () => {
  t = await createTestDb("request-page-reads");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  const requester = await personAt(db, "requester.partner@example.gov", new Date());
  const director = await personAt(db, "director@example.gov", new Date());
  requestId = (await createDraft(db, { user: requester, columns: materialsColumns("2099-01-10"), now: new Date(), timeZone: TZ })).id;
  emptyId = (await createDraft(db, { user: requester, columns: materialsColumns("2099-01-11"), now: new Date(), timeZone: TZ })).id;
  let at = Date.parse("2026-12-01T14:00:00.000Z");
  const next = () => new Date((at += 61_001));
  const act = async (who: typeof requester, event: Parameters<typeof transition>[1]["event"]) => {
    const outcome = await transition(db, { request: requestId, by: who, event, now: next(), timeZone: TZ });
    if (!outcome.ok) throw new Error(outcome.reason);
  };
  await act(requester, { type: "SUBMIT" });
  for (let round = 1; round <= 4; round++) {
    await act(director, { type: "REQUEST_CHANGES", comment: `Round ${round}: “dates” & <times>` });
    await act(requester, { type: "RESUBMIT" });
    await addComment(db, round % 2 ? director : requester, requestId, `Note ${round}: ${"é".repeat(round)} <b>`, next());
  }
  await db.$transaction((tx) =>
    appendNote(tx, { requestId, actorId: director.id, actorName: director.name, role: "director", acting: true, event: "ATTACH", comment: null, at: next() }),
  );
  for (const [i, withdrawn] of [[1, false], [2, true]] as const) {
    await db.attachment.create({
      data: {
        requestId,
        fileName: `plan-${i}.pdf`,
        description: `Plan ${i}`,
        mediaType: "application/pdf",
        size: 1000 * i,
        sha256: String(i).repeat(64),
        storageKey: `reads-${i}`,
        addedById: requester.id,
        createdAt: next(),
        ...(withdrawn ? { withdrawnAt: next(), withdrawnBy: director.name } : {}),
      },
    });
  }
});

afterAll(async () => {
  await t.cleanup();
});

describe("the request page's reads, on either database", () => {
  it("gives the latest entries, the count, the comments and the files as the three reads do", async () => {
    const reads = await requestPageReads(db, requestId, 5);
    const history = await recentAudit(db, requestId, 5);
    expect(reads).toEqual({ history, comments: await commentsOn(db, requestId), files: await attachmentsOf(db, requestId) });
    expect(history.entries).toHaveLength(5);
    expect(history.total).toBe((await auditTrail(db, requestId)).length);
    expect(reads.history.entries.at(-1)).toMatchObject({ event: "ATTACH", acting: true, comment: null });
    expect(reads.history.entries[0].at).toBeInstanceOf(Date);
    expect(reads.comments.map((c) => c.body)).toEqual([1, 2, 3, 4].map((n) => `Note ${n}: ${"é".repeat(n)} <b>`));
    expect(reads.files.map((f) => [f.fileName, f.size, f.withdrawnAt instanceof Date])).toEqual([
      ["plan-1.pdf", 1000, false],
      ["plan-2.pdf", 2000, true],
    ]);
  });

  it("gives the whole history when asked", async () => {
    const whole = await auditTrail(db, requestId);
    expect((await requestPageReads(db, requestId, null)).history).toEqual({ entries: whole, total: whole.length });
  });

  it("gives empty lists for a request with nothing yet", async () => {
    const reads = await requestPageReads(db, emptyId, 5);
    expect(reads.comments).toEqual([]);
    expect(reads.files).toEqual([]);
    expect(reads.history).toEqual(await recentAudit(db, emptyId, 5));
  });
});
