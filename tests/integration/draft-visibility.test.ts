// R18: a draft is its department's own working copy. COM (Director, Assistant Director), the
// Contact Center's analysts and Finance see a request from its first submission on, and never
// before: not in lists, search, "my tasks", the request page, the calendar's sources or by
// sending it an event. Its department's requesters see it throughout. Real SQLite, real routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { filtersFrom, findVisibleRequest, listRequests, myTasks } from "../../app/requests/queries.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as requestPage from "../../app/routes/requests.$id";
import { DEMO_PERSONAS } from "../../prisma/demo-accounts";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { cookieFor, get, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const NOW = new Date();
const EMAILS = DEMO_PERSONAS;
type Who = keyof typeof EMAILS;
const OUTSIDE_THE_DEPARTMENT: Who[] = ["director", "assistant", "analyst", "finance"];

let t: TestDb;
let db: PrismaClient;
const people = {} as Record<Who, CurrentUser>;
const cookie = {} as Record<Who, string>;

beforeAll(async () => {
  t = await createTestDb("draft-visibility");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT, demoRequests: { now: NOW, timeZone: TZ } });
  for (const [who, email] of Object.entries(EMAILS) as Array<[Who, string]>) {
    people[who] = await personAt(db, email, NOW, TZ);
    cookie[who] = await cookieFor(db, email);
  }
});

afterAll(async () => {
  await t.cleanup();
});

async function draft(title: string): Promise<string> {
  const { id } = await createDraft(db, { user: people.requester, now: NOW, timeZone: TZ, columns: materialsColumns("2099-03-10", title) });
  return id;
}

async function send(id: string, who: Who, event: EventPayload) {
  return transition(db, { request: id, by: people[who], event, now: NOW, timeZone: TZ });
}

/** Everything a person could use to reach a request: the list, search, the page, a direct read, "my tasks". */
async function sees(who: Who, id: string, title: string) {
  const user = people[who];
  const listed = (await listRequests(db, user, filtersFrom(new URLSearchParams()))).rows.some((r) => r.id === id);
  const found = (await listRequests(db, user, filtersFrom(new URLSearchParams({ q: title })))).rows.some((r) => r.id === id);
  const page = statusOf(await run(requestPage.loader as never, get(`/requests/${id}`, cookie[who]), { id }));
  const read = await findVisibleRequest(db, user, id).then(
    () => true,
    (thrown: unknown) => (thrown instanceof Response && thrown.status === 404 ? false : Promise.reject(thrown)),
  );
  const tasked = (await myTasks(db, user, NOW, TZ)).tasks.some((task) => task.id === id);
  return { listed, found, page, read, tasked };
}

const HIDDEN = { listed: false, found: false, page: 404, read: false, tasked: false };

describe("R18: a draft is its department's own", () => {
  it("the seeded Libraries draft is seen by its department only, not by COM, the analyst or Finance", async () => {
    const { id, title } = await db.request.findFirstOrThrow({ where: { title: "Library card renewals line" }, select: { id: true, title: true } });
    expect(await sees("otherRequester", id, title)).toMatchObject({ listed: true, found: true, page: 200, read: true });
    for (const who of [...OUTSIDE_THE_DEPARTMENT, "requester", "admin"] as Who[]) {
      expect(await sees(who, id, title), who).toEqual(HIDDEN);
    }
  });

  it("is seen by everyone who reviews from its first submission on, and stays seen after changes are asked for", async () => {
    const title = "Visibility mailer";
    const id = await draft(title);
    expect(await sees("requester", id, title)).toEqual({ listed: true, found: true, page: 200, read: true, tasked: true });
    for (const who of OUTSIDE_THE_DEPARTMENT) expect(await sees(who, id, title), who).toEqual(HIDDEN);

    expect((await send(id, "requester", { type: "SUBMIT" })).ok).toBe(true);
    for (const who of OUTSIDE_THE_DEPARTMENT) {
      expect(await sees(who, id, title), who).toMatchObject({ listed: true, found: true, page: 200, read: true });
    }
    // Screening waits on the Director and the Assistant Director.
    expect((await sees("director", id, title)).tasked).toBe(true);
    expect(await sees("otherRequester", id, title)).toEqual(HIDDEN);

    expect((await send(id, "director", { type: "REQUEST_CHANGES", comment: "Name the neighbourhoods." })).ok).toBe(true);
    for (const who of OUTSIDE_THE_DEPARTMENT) expect((await sees(who, id, title)).page, who).toBe(200);
  });

  it("nobody outside the department can act on a draft: the machine is never asked (404)", async () => {
    const id = await draft("Draft nobody else may touch");
    const before = await db.request.findUniqueOrThrow({ where: { id }, select: { version: true, state: true } });
    expect(await send(id, "director", { type: "REJECT", comment: "No." })).toMatchObject({ ok: false, status: 404 });
    expect(await send(id, "finance", { type: "ASSESS_FEE", amount: 0, suggested: 0, scheduleVersion: null })).toMatchObject({ ok: false, status: 404 });
    expect(await db.request.findUniqueOrThrow({ where: { id }, select: { version: true, state: true } })).toEqual(before);
  });

  it("a copy of a withdrawn request is a new draft: hidden again until it is submitted", async () => {
    const id = await draft("Mailer to copy");
    expect((await send(id, "requester", { type: "SUBMIT" })).ok).toBe(true);
    expect((await send(id, "requester", { type: "WITHDRAW" })).ok).toBe(true);
    const { id: copyId } = await createDraft(db, {
      user: people.requester,
      now: NOW,
      timeZone: TZ,
      columns: materialsColumns("2099-04-10", "Mailer copied"),
      copiedFromId: id,
    });
    for (const who of OUTSIDE_THE_DEPARTMENT) {
      expect((await sees(who, id, "Mailer to copy")).page, who).toBe(200);
      expect(await sees(who, copyId, "Mailer copied"), who).toEqual(HIDDEN);
    }
  });

  it("the draft's page says so, in the words the code keeps", async () => {
    const id = await draft("Draft page words");
    const page = (await run(requestPage.loader as never, get(`/requests/${id}`, cookie.requester), { id })) as { nextStep: string };
    expect(page.nextStep).toContain("COM, the 3-1-1 Contact Center and Finance see it only once it is submitted");
  });
});
