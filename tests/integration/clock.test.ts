// The clock on a real SQLite file: lapse, completion and reminders at their boundaries (SPEC §4, R16).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import { tick } from "../../app/clock/clock.server";
import type { PrismaClient } from "../../app/db.server";
import { columnsOf } from "../../app/requests/answers";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import { addFederalHolidays, setObserved } from "../../app/holidays/holidays.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const MONDAY = new Date("2026-11-23T15:00:00Z"); // 10:00 in New York
let t: TestDb;
let db: PrismaClient;
const who: Record<string, CurrentUser> = {};

async function newRequest(effectiveDate: string, endDate = effectiveDate) {
  const columns = columnsOf({
    type: "materials",
    title: `Mailer effective ${effectiveDate}`,
    description: "Postcards",
    effectiveDate,
    endDate,
    materialsKind: "mailing",
    audienceSize: "1000",
    languages: "English",
    contactName: "Pat",
    contactPhone: "240-777-0311",
  });
  const { id } = await createDraft(db, { user: who.partner, columns, now: MONDAY, timeZone: TZ });
  return id;
}

async function step(id: string, by: CurrentUser, event: EventPayload, now = MONDAY) {
  const outcome = await transition(db, { request: id, by, event, now, timeZone: TZ });
  if (!outcome.ok) throw new Error(outcome.reason);
}

const at = (iso: string) => ({ now: new Date(iso), timeZone: TZ });
const state = async (id: string) => (await db.request.findUniqueOrThrow({ where: { id } })).state;
const reminders = (id: string) => db.outboxMessage.findMany({ where: { requestId: id, template: "reminder" } });

beforeAll(async () => {
  t = await createTestDb("clock");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  // The calendar of 2026, whatever year the tests run in (seeding adds the current years'): R19.
  await db.holiday.deleteMany();
  await addFederalHolidays(db, 2026);
  who.partner = await personAt(db, "requester.partner@example.gov", MONDAY);
  who.admin = await personAt(db, "admin@example.gov", MONDAY);
  who.director = await personAt(db, "director@example.gov", MONDAY);
  who.assistant = await personAt(db, "assistant.director@example.gov", MONDAY);
});

afterAll(async () => {
  await t.cleanup();
});

describe("lapse", () => {
  it("not on the day before the effective date; on the effective date, with e-mails to the requester and COM", async () => {
    const id = await newRequest("2026-11-30");
    await step(id, who.partner, { type: "SUBMIT" });
    await tick(db, at("2026-11-30T04:59:00Z")); // 23:59 on 11-29 in New York
    expect(await state(id)).toBe("screening");
    const result = await tick(db, at("2026-11-30T05:00:00Z"));
    expect(result.lapsed).toBeGreaterThanOrEqual(1);
    expect(await state(id)).toBe("lapsed");
    const mail = await db.outboxMessage.findMany({ where: { requestId: id, template: "lapsed" } });
    expect(mail.map((m) => JSON.parse(m.recipients)[0].email).sort()).toEqual([
      "assistant.director@example.gov",
      "director@example.gov",
      "requester.partner@example.gov",
    ]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { requestId: id, event: "LAPSE" } });
    expect(audit).toMatchObject({ actorName: "Portal clock", role: "system", fromState: "screening", toState: "lapsed" });
  });

  it("an approved request does not lapse", async () => {
    const id = await newRequest("2026-11-30", "2026-12-02");
    await step(id, who.partner, { type: "SUBMIT" });
    await step(id, who.director, { type: "NO_ANALYSIS" });
    await step(id, who.director, { type: "APPROVE", slot: "director" });
    await step(id, who.assistant, { type: "APPROVE", slot: "assistantDirector" });
    await tick(db, at("2026-12-01T15:00:00Z"));
    expect(await state(id)).toBe("approved");
  });
});

describe("completion", () => {
  it("not on the end date; the day after it", async () => {
    const id = await newRequest("2026-11-30", "2026-12-03");
    await step(id, who.partner, { type: "SUBMIT" });
    await step(id, who.director, { type: "NO_ANALYSIS" });
    await step(id, who.director, { type: "APPROVE", slot: "director" });
    await step(id, who.assistant, { type: "APPROVE", slot: "assistantDirector" });
    await tick(db, at("2026-12-04T04:59:00Z"));
    expect(await state(id)).toBe("approved");
    await tick(db, at("2026-12-04T05:00:00Z"));
    expect(await state(id)).toBe("completed");
  });
});

describe("reminders (R16)", () => {
  it("to the task holders after 2 business days, not before; once per tick moment; again 2 business days later", async () => {
    const id = await newRequest("2027-01-20", "2027-01-21");
    await step(id, who.partner, { type: "SUBMIT" }, MONDAY);
    await tick(db, at("2026-11-25T14:59:00Z")); // Wednesday 09:59: not yet 2 business days
    expect(await reminders(id)).toHaveLength(0);
    // Two ticks at the same moment send one reminder per person.
    await Promise.all([tick(db, at("2026-11-25T15:00:00Z")), tick(db, at("2026-11-25T15:00:00Z"))]);
    const first = await reminders(id);
    expect(first.map((m) => JSON.parse(m.recipients)[0].email).sort()).toEqual([
      "assistant.director@example.gov",
      "director@example.gov",
    ]);
    await tick(db, at("2026-11-25T22:00:00Z"));
    expect(await reminders(id)).toHaveLength(2);
    // Wednesday + 2 business days, Thanksgiving (Thursday) skipped = Monday (R19).
    await tick(db, at("2026-11-30T14:59:00Z"));
    expect(await reminders(id)).toHaveLength(2);
    await tick(db, at("2026-11-30T15:00:00Z"));
    expect(await reminders(id)).toHaveLength(4);
    const audit = await db.auditEntry.findMany({ where: { requestId: id, event: "REMINDER" } });
    expect(audit).toHaveLength(2);
    expect(audit[0].comment).toContain("Dana Director");
  });

  it("skip the county's holidays, and count a holiday the administrator stops observing (R19)", async () => {
    const wednesday = new Date("2026-12-23T15:00:00Z"); // 10:00, two days before Christmas (Friday)
    const kept = await newRequest("2027-01-20", "2027-01-21");
    await step(kept, who.partner, { type: "SUBMIT" }, wednesday);
    await tick(db, at("2026-12-25T15:00:00Z"));
    expect(await reminders(kept)).toHaveLength(0);
    await tick(db, at("2026-12-28T15:00:00Z")); // Monday: Thursday and Monday are the 2 business days
    expect(await reminders(kept)).toHaveLength(2);
    expect(JSON.parse((await reminders(kept))[0].data).task).toMatch(/waiting since Wed, Dec 23, 2026 \(2 business days\)/);

    expect(await setObserved(db, { by: who.admin, date: "2026-12-25", observed: false, now: wednesday })).toBe(true);
    const worked = await newRequest("2027-01-20", "2027-01-21");
    await step(worked, who.partner, { type: "SUBMIT" }, wednesday);
    await tick(db, at("2026-12-25T15:00:00Z")); // Friday the 25th is now a business day
    expect(await reminders(worked)).toHaveLength(2);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { requestId: null, event: "HOLIDAY_NOT_OBSERVED" } });
    expect(audit).toMatchObject({ actorName: "Addy Admin", comment: "2026-12-25 Christmas Day" });
  });

  it("skip the weekend: a task begun on Friday is reminded on Tuesday, not Monday", async () => {
    const friday = new Date("2026-11-27T15:00:00Z");
    const id = await newRequest("2027-01-20", "2027-01-21");
    await step(id, who.partner, { type: "SUBMIT" }, friday);
    await tick(db, at("2026-11-30T16:00:00Z")); // Monday
    expect(await reminders(id)).toHaveLength(0);
    await tick(db, at("2026-12-01T15:00:00Z")); // Tuesday 10:00
    expect((await reminders(id)).length).toBeGreaterThan(0);
  });

  it("at the decision, only the reviewer whose slot is awaited is reminded", async () => {
    const id = await newRequest("2027-01-20", "2027-01-21");
    await step(id, who.partner, { type: "SUBMIT" });
    await step(id, who.director, { type: "NO_ANALYSIS" });
    await step(id, who.director, { type: "APPROVE", slot: "director" });
    await tick(db, at("2026-11-25T15:00:00Z"));
    const sent = await reminders(id);
    expect(sent.map((m) => JSON.parse(m.recipients)[0].email)).toEqual(["assistant.director@example.gov"]);
    expect(JSON.parse(sent[0].data).task).toContain("Awaiting decision");
  });

  it("when the effective date is 3 days away, even if the task is younger than 2 business days", async () => {
    const id = await newRequest("2026-11-30", "2026-12-01");
    await step(id, who.partner, { type: "SUBMIT" }, MONDAY);
    await step(id, who.director, { type: "ORDER_ANALYSIS" }, new Date("2026-11-25T15:00:00Z")); // Wednesday
    await tick(db, at("2026-11-27T04:59:00Z")); // Thursday 23:59 in New York
    expect(await reminders(id)).toHaveLength(0);
    await tick(db, at("2026-11-27T05:00:00Z")); // Friday 00:00, three days before Monday 11-30
    const sent = await reminders(id);
    expect(sent.map((m) => JSON.parse(m.recipients)[0].email)).toEqual(["analyst@example.gov"]);
    // The 2-business-day reminder would fall later the same day: not a second one that day.
    await tick(db, at("2026-11-27T15:00:00Z"));
    expect(await reminders(id)).toHaveLength(1);
  });
});
