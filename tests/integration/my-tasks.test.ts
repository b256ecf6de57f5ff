// "My tasks" on the home page (issue 8 keeps it fast by remembering what each person may do per
// request version and local day): the list still follows every change at once. Real SQLite file,
// real transition service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { myTasks, taskCandidatesSql } from "../../app/requests/queries.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { watchedQueries, orderedPlan } from "../support/queryPlans";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
let t: TestDb;
let db: PrismaClient;
let requestId = "";

beforeAll(async () => {
  t = await createTestDb("my-tasks");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  const requester = await personAt(db, "requester.partner@example.gov", new Date());
  const draft = await createDraft(db, { user: requester, columns: materialsColumns("2099-01-10", "Tasks mailer"), now: new Date(), timeZone: TZ });
  requestId = draft.id;
});

afterAll(async () => {
  await t.cleanup();
});

const person = (email: string) => personAt(db, email, new Date());
const tasksOf = async (user: CurrentUser) =>
  (await myTasks(db, user, new Date(), TZ, { limit: 500 })).tasks.filter((task) => task.id === requestId).flatMap((task) => task.actions.map((a) => a.type));

async function act(email: string, event: EventPayload) {
  const outcome = await transition(db, { request: requestId, by: await person(email), event, now: new Date(), timeZone: TZ });
  if (!outcome.ok) throw new Error(outcome.reason);
}

describe("my tasks (issue 8)", () => {
  it("moves a request from one person's tasks to the next as each acts, asked again after each change", async () => {
    const requester = await person("requester.partner@example.gov");
    const director = await person("director@example.gov");
    const analyst = await person("analyst@example.gov");
    expect(await tasksOf(requester)).toEqual(["SUBMIT"]);
    expect(await tasksOf(director)).toEqual([]);

    await act("requester.partner@example.gov", { type: "SUBMIT" });
    // Each asked twice: the second answer is the remembered one, and must be the same.
    for (let i = 0; i < 2; i++) {
      expect(await tasksOf(requester)).toEqual([]);
      expect(await tasksOf(director)).toEqual(["ORDER_ANALYSIS", "NO_ANALYSIS"]);
      expect(await tasksOf(analyst)).toEqual([]);
    }

    await act("director@example.gov", { type: "ORDER_ANALYSIS" });
    expect(await tasksOf(director)).toEqual([]);
    expect(await tasksOf(analyst)).toEqual(["RECORD_ANALYSIS"]);
  });

  it("follows the person's roles: the same request, someone without a reviewing role, no task", async () => {
    const finance = await person("finance@example.gov");
    expect(await tasksOf(finance)).toEqual([]);
  });

  it("lists the fewest days left before the effective date first, then the longest waiting; pages by cursor: the pages together are the whole list, none repeated (issue 13)", async () => {
    const requester = await person("requester.nonpartner@example.gov");
    const start = Date.parse("2026-10-01T12:00:00Z");
    // Made in an order that is neither the effective dates' nor the reverse; two share a date.
    const effective = ["2099-03-01", "2099-02-01", "2099-02-15", "2099-02-01", "2099-04-01", "2099-01-20", "2099-03-01"];
    for (let i = 0; i < 7; i++) {
      const at = new Date(start + i * 60_000);
      await createDraft(db, { user: requester, columns: materialsColumns(effective[i], `Paged mailer ${i}`), now: at, timeZone: TZ });
    }
    // Three of them submitted: tasks for the reviewers (read through the open-task index), no longer the requester's.
    const drafts = (await myTasks(db, requester, new Date(), TZ, { limit: 500 })).tasks.filter((t) => t.title.startsWith("Paged"));
    for (const draft of drafts.slice(0, 3)) {
      const outcome = await transition(db, { request: draft.id, by: requester, event: { type: "SUBMIT" }, now: new Date(), timeZone: TZ });
      expect(outcome.ok).toBe(true);
    }

    for (const email of ["requester.nonpartner@example.gov", "director@example.gov"]) {
      const who = await person(email);
      const whole = await myTasks(db, who, new Date(), TZ, { limit: 500 });
      expect(whole.next).toBeNull();
      expect(whole.tasks.length).toBeGreaterThanOrEqual(3);
      const order = whole.tasks.map((t) => [t.effectiveDate ?? "9999-12-31", t.taskSince!.getTime()] as const);
      expect(order).toEqual([...order].sort(([d1, t1], [d2, t2]) => d1.localeCompare(d2) || t1 - t2));
      const pagedDates = whole.tasks.filter((t) => t.title.startsWith("Paged")).map((t) => t.effectiveDate);
      expect(pagedDates).toEqual([...pagedDates].sort());

      const paged: string[] = [];
      let page = await myTasks(db, who, new Date(), TZ, { limit: 2 });
      while (true) {
        expect(page.tasks.length).toBeLessThanOrEqual(2);
        paged.push(...page.tasks.map((t) => t.id));
        if (!page.next) break;
        page = await myTasks(db, who, new Date(), TZ, { limit: 2, after: page.next });
      }
      expect(paged).toEqual(whole.tasks.map((t) => t.id));
    }
  });

  it("reads the tasks in order from the open-task index, without sorting every open request, on the first page and after a cursor (issue 17: home at 100 000 requests)", async () => {
    const director = await person("director@example.gov");
    const cursor = { due: "2099-02-01", at: new Date().toISOString(), id: requestId };
    for (const from of [undefined, cursor]) {
      const { plan, sorts } = await orderedPlan(db, taskCandidatesSql(db, director, from));
      expect(plan).toContain("Request_awaiting_due_idx");
      expect(sorts).toBe(false);
    }
  });

  it("reads a request's snapshot only when the machine was not yet asked about it at that version (issue 17: home at 100 000 requests)", async () => {
    const analyst = await person("analyst@example.gov");
    const { db: watched, sent } = watchedQueries(db);
    const tasks = async () => (await myTasks(watched, analyst, new Date(), TZ, { limit: 500 })).tasks.filter((t) => t.id === requestId);
    // A version the machine was not asked about: the first visit reads its snapshot, the next does not.
    await db.request.update({ where: { id: requestId }, data: { version: { increment: 1 } } });
    sent.length = 0;
    expect((await tasks()).flatMap((t) => t.actions.map((a) => a.type))).toEqual(["RECORD_ANALYSIS"]);
    expect(sent.some((sql) => /\bsnapshot\b/.test(sql))).toBe(true);
    sent.length = 0;
    expect((await tasks()).flatMap((t) => t.actions.map((a) => a.type))).toEqual(["RECORD_ANALYSIS"]);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((sql) => /\bsnapshot\b/.test(sql))).toEqual([]);

    // Nor when the page fills before the batch ends: the batch's later snapshots were read too.
    const director = await person("director@example.gov");
    await db.request.updateMany({ data: { version: { increment: 1 } } });
    expect((await myTasks(watched, director, new Date(), TZ, { limit: 1 })).next).not.toBeNull();
    sent.length = 0;
    await myTasks(watched, director, new Date(), TZ, { limit: 1 });
    expect(sent.filter((sql) => /\bsnapshot\b/.test(sql))).toEqual([]);
  });
});
