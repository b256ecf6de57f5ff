// "My tasks" on the home page (issue 8 keeps it fast by remembering what each person may do per
// request version and local day): the list still follows every change at once. Real SQLite file,
// real transition service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { myTasks } from "../../app/requests/queries.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
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
  (await myTasks(db, user, new Date(), TZ, 500)).filter((task) => task.id === requestId).flatMap((task) => task.actions.map((a) => a.type));

async function act(email: string, event: EventPayload) {
  const outcome = await transition(db, { requestId, by: await person(email), event, now: new Date(), timeZone: TZ });
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
});
