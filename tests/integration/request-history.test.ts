// A request's page after many rounds of changes (issue 8): it shows the latest entries of its
// history and the whole history on request, in order, and the same to everyone who may see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { appendNote } from "../../app/requests/audit.server";
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
  audit: Array<{ event: string; comment: string | null }>;
  changeRequest: { comment: string; who: string } | null;
};
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
    expect(latest.audit.map((a) => a.comment)).toEqual(entries.slice(-20).map((e) => e.comment));
    expect(latest.audit.at(-1)?.comment).toBe(`Round ${ROUNDS} done.`);
    const whole = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}?history=all`, cookie), { id: requestId })) as Page;
    expect(whole.audit.map((a) => a.event)).toEqual(entries.map((e) => e.event));
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
    expect(page.audit.map((a) => a.comment)).not.toContain("Round 13: say who pays for the mailing.");
    expect(page.changeRequest?.comment).toBe("Round 13: say who pays for the mailing.");
    expect(page.historyLength).toBe(await db.auditEntry.count({ where: { requestId, event: { not: "COMMENT" } } }));
  });
});
