// A request's page after many rounds of changes (issue 8): it shows the latest entries of its
// history and the whole history on request, in order, and the same to everyone who may see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { appendNote } from "../../app/requests/audit.server";
import { addComment } from "../../app/requests/comments.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as requestRoute from "../../app/routes/requests.$id";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { cookieFor, get, run, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const ROUNDS = 12;
let t: TestDb;
let db: PrismaClient;
let requestId = "";
let cookie = "";

type Page = {
  historyLength: number;
  historyShown: number;
  /** The history's table, as HTML: a test's request is no document, so the loader's data carries it. */
  history: string | null;
  changeRequest: { comment: string; who: string } | null;
};

/** The comment column of the history's rows, in order, as the page shows them. */
function commentsShown(page: Page): string[] {
  return [...(page.history ?? "").matchAll(/<td data-label="Comment">(.*?)<\/td>/g)].map((m) => m[1]);
}
type Fn = Parameters<typeof run>[0];

async function act(email: string, event: EventPayload) {
  const outcome = await transition(db, { request: requestId, by: await personAt(db, email, new Date()), event, now: new Date(), timeZone: TZ });
  if (!outcome.ok) throw new Error(outcome.reason);
}

beforeAll(async () => {
  t = await createTestDb("request-history");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  const requester = await personAt(db, "requester.partner@example.gov", new Date());
  requestId = (await createDraft(db, { user: requester, columns: materialsColumns("2099-01-10"), now: new Date(), timeZone: TZ })).id;
  await act("requester.partner@example.gov", { type: "SUBMIT" });
  for (let round = 1; round <= ROUNDS; round++) {
    await act("director@example.gov", { type: "REQUEST_CHANGES", comment: `Round ${round}: check the dates.` });
    await act("requester.partner@example.gov", { type: "RESUBMIT", comment: `Round ${round} done.` });
  }
  cookie = await cookieFor(db, "director@example.gov");
});

afterAll(async () => {
  await t.cleanup();
});

describe("a long history on the request page (issue 8)", () => {
  it("shows the latest 20 entries, oldest of them first, and all of them on request", async () => {
    const entries = await db.auditEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(entries.length).toBeGreaterThan(2 * ROUNDS);
    const latest = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}`, cookie), { id: requestId })) as Page;
    expect(latest.historyLength).toBe(entries.length);
    expect(latest.historyShown).toBe(20);
    expect(commentsShown(latest)).toEqual(entries.slice(-20).map((e) => e.comment ?? ""));
    expect(commentsShown(latest).at(-1)).toBe(`Round ${ROUNDS} done.`);
    expect(latest.history).toContain("The latest things that happened");
    const whole = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}?history=all`, cookie), { id: requestId })) as Page;
    expect(commentsShown(whole)).toEqual(entries.map((e) => e.comment ?? ""));
    expect(whole.history).toContain("Everything that happened");
  });

  it("quotes the reviewer's words while the department makes the changes, even when older than the entries shown", async () => {
    await act("director@example.gov", { type: "REQUEST_CHANGES", comment: "Round 13: say who pays for the mailing." });
    const director = await personAt(db, "director@example.gov", new Date());
    // Notes that change nothing (a file added, say) push the reviewer's entry out of the latest 20.
    for (let i = 1; i <= 25; i++) {
      await db.$transaction((tx) =>
        appendNote(tx, { requestId, actorId: director.id, actorName: director.name, role: null, acting: false, event: "ATTACH", comment: `File ${i}`, at: new Date() }),
      );
    }
    const page = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}`, cookie), { id: requestId })) as Page;
    expect(commentsShown(page)).toHaveLength(20);
    expect(commentsShown(page)).not.toContain("Round 13: say who pays for the mailing.");
    expect(page.changeRequest?.comment).toBe("Round 13: say who pays for the mailing.");
    expect(page.historyLength).toBe(await db.auditEntry.count({ where: { requestId, event: { not: "COMMENT" } } }));
  });

  it("sends the history and the comments once in a document, and a new comment at once", async () => {
    const director = await personAt(db, "director@example.gov", new Date());
    const open = async () => {
      const documentMarkup = new Map<string, string>();
      const request = get(`/requests/${requestId}`, cookie);
      const data = (await requestRoute.loader({ request, params: { id: requestId }, context: { documentMarkup } } as never)) as unknown as Page & {
        comments: string | null;
        commentCount: number;
      };
      return { data, documentMarkup };
    };
    await addComment(db, director, requestId, `Fish & "chips" <b>first</b>`, new Date());
    const before = await open();
    // A document's loader data carries neither: the document's render takes them from the context.
    expect(before.data.history).toBeNull();
    expect(before.data.comments).toBeNull();
    expect(before.data.commentCount).toBe(1);
    expect(before.documentMarkup.get("request-history")).toContain("The latest things that happened");
    expect(before.documentMarkup.get("request-comments")).toContain("Fish &amp; &quot;chips&quot; &lt;b&gt;first&lt;/b&gt;");
    await addComment(db, director, requestId, "A second thought.", new Date());
    const after = await open();
    expect(after.data.commentCount).toBe(2);
    expect(after.documentMarkup.get("request-comments")).toMatch(/first.*A second thought\./s);
  });
});
