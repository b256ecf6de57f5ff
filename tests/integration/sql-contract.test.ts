// Issue 17: the raw queries answer the same on both databases. `npm test` runs this file on a
// SQLite file and on a PostgreSQL database, with the same expected rows written out here, so
// what differs between the engines (case in text search, LIKE's % and _, booleans, NULLs,
// instants, JSON built by SQL) must come out the same on each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import { rangeRequests } from "../../app/calendar/capacity.server";
import { dataVersion, movesDataVersion } from "../../app/dataVersionMemo.server";
import type { PrismaClient } from "../../app/db.server";
import { disputedFees } from "../../app/fees/assessment.server";
import { feeRecords } from "../../app/fees/feeReport.server";
import { createDraft } from "../../app/requests/drafts.server";
import { readEventContext } from "../../app/requests/eventContext.server";
import { filtersFrom, listRequests, myTasks } from "../../app/requests/queries.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as analysisRoute from "../../app/routes/requests.$id_.analysis";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, AUDIENCE_ROLES, localDate } from "workflows";
import { FAST_SCRYPT, personAt } from "../support/people";
import { analysisFields, materialsColumns } from "../support/requests";
import { cookieFor, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const effective = addCalendarDays(localDate(new Date(), TZ), 30);
let t: TestDb;
let db: PrismaClient;
const people: Record<"requester" | "director" | "finance", CurrentUser> = {} as never;
const ids: Record<"leaf" | "percent" | "analysed", string> = {} as never;

async function act(id: string, by: CurrentUser, event: EventPayload) {
  const outcome = await transition(db, { request: id, by, event, now: new Date(), timeZone: TZ });
  if (!outcome.ok) throw new Error(`${event.type}: ${outcome.reason}`);
}

async function draft(title: string, description: string): Promise<string> {
  const columns = { ...materialsColumns(effective, title), description };
  return (await createDraft(db, { user: people.requester, columns, now: new Date(), timeZone: TZ })).id;
}

const search = async (user: CurrentUser, q: string) =>
  (await listRequests(db, user, filtersFrom(new URLSearchParams({ q })))).rows.map((row) => row.id).sort();

beforeAll(async () => {
  t = await createTestDb("sql-contract");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  useTestDatabase(t.url);
  people.requester = await personAt(db, "requester.partner@example.gov", new Date());
  people.director = await personAt(db, "director@example.gov", new Date());
  people.finance = await personAt(db, "finance@example.gov", new Date());
  ids.leaf = await draft("Leaf Collection Mailer", "Postcards about the autumn schedule.");
  await act(ids.leaf, people.requester, { type: "SUBMIT" });
  ids.percent = await draft("Flyer 100%_done", "A flyer for the École nobody has sent yet.");
  ids.analysed = await draft("Bulk trash postcards", "Postcards to Wheaton households.");
  await act(ids.analysed, people.requester, { type: "SUBMIT" });
  await act(ids.analysed, people.director, { type: "ORDER_ANALYSIS" });
  const analyst = await cookieFor(db, "analyst@example.gov");
  const recorded = await run(
    analysisRoute.action as Parameters<typeof run>[0],
    post(`/requests/${ids.analysed}/analysis`, analyst, { intent: "record", ...analysisFields(effective), recommendation: "Add one agent." }),
    { id: ids.analysed },
  );
  expect(statusOf(recorded)).toBe(303);
  await act(ids.analysed, people.finance, { type: "ASSESS_FEE", amount: 12.34, suggested: 10.1, scheduleVersion: null, comment: "Two mailings." });
});

afterAll(async () => {
  await t.cleanup();
});

describe(`the raw queries on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"}`, () => {
  it("search: any case, inside words, in titles and descriptions; % and _ only as themselves; drafts only for their department (R18)", async () => {
    expect(await search(people.director, "lEAF coLL")).toEqual([ids.leaf]);
    expect(await search(people.director, "EATON HOUSE")).toEqual([ids.analysed]);
    expect(await search(people.director, "ca")).toEqual([ids.leaf, ids.analysed].sort());
    expect(await search(people.requester, "0%_")).toEqual([ids.percent]);
    expect(await search(people.requester, "%")).toEqual([ids.percent]);
    expect(await search(people.requester, "r_1")).toEqual([]);
    expect(await search(people.director, "100%")).toEqual([]);
  });

  it("search: a reference in any case; letters beyond ASCII in any case; never a match across two columns", async () => {
    const { reference } = await db.request.findUniqueOrThrow({ where: { id: ids.leaf }, select: { reference: true } });
    expect(await search(people.director, reference.toLowerCase())).toEqual([ids.leaf]);
    expect(await search(people.requester, "ÉCOLE")).toEqual([ids.percent]);
    expect(await search(people.requester, "école")).toEqual([ids.percent]);
    // The title ends with "Mailer", the description begins with "Postcards".
    expect(await search(people.director, "Mailer")).toEqual([ids.leaf]);
    expect(await search(people.director, "Mailer Postcards")).toEqual([]);
    expect(await search(people.director, "MailerPostcards")).toEqual([]);
  });

  it("the Finance report and disputed fees: cents, a NULL schedule version, the boolean that lets Finance see", async () => {
    const records = await feeRecords(db, people.finance, { timeZone: TZ, fiscalYearStartMonth: 7 });
    expect(records).toEqual([
      expect.objectContaining({ requestId: ids.analysed, amount: 1234, suggested: 1010, status: "assessed", scheduleVersion: null, accountCode: null }),
    ]);
    expect(records[0].assessedOn).toBe(localDate(new Date(), TZ));
    expect(await disputedFees(db, [ids.leaf, ids.analysed])).toEqual(new Set());
    await act(ids.analysed, people.requester, { type: "DISPUTE_FEE", comment: "We budgeted for one mailing." });
    expect(await disputedFees(db, [ids.leaf, ids.analysed])).toEqual(new Set([ids.analysed]));
    expect((await feeRecords(db, people.finance, { timeZone: TZ, fiscalYearStartMonth: 7 }))[0].status).toBe("disputed");
  });

  it("the calendar: the current analysis's days in the range, as numbers; none for a request without one", async () => {
    const last = addCalendarDays(effective, 6);
    const rows = await rangeRequests(db, { first: effective, last });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect([...byId.keys()].sort()).toEqual([ids.leaf, ids.analysed].sort());
    expect(byId.get(ids.analysed)).toMatchObject({ status: "pending", from: effective, to: effective, carry: null });
    // The days as the analyst's stored outputs hold them, read in JavaScript.
    const stored = await db.analysis.findFirstOrThrow({ where: { requestId: ids.analysed } });
    const expected = (JSON.parse(stored.outputs) as { daily: Array<{ date: string; calls: number }> }).daily.filter(
      (day) => day.date >= effective && day.date <= last,
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(byId.get(ids.analysed)!.daily).toEqual(expected);
    expect(byId.get(ids.leaf)!.daily).toEqual([]);
  });

  it("my tasks: instants compared as instants, a task only for whoever may act", async () => {
    const director = await myTasks(db, people.director, new Date(), TZ);
    expect(director.tasks.map((task) => task.id)).toEqual([ids.leaf]);
    expect(director.tasks[0].taskSince).toBeInstanceOf(Date);
    const requester = await myTasks(db, people.requester, new Date(), TZ);
    expect(requester.tasks.map((task) => task.id)).toEqual([ids.percent]);
  });

  it("an event's context: the observed holidays, and each holder of an audience's role with a boolean and NULL dates as the ORM reads them", async () => {
    await db.roleAssignment.create({
      data: { user: { connect: { email: "analyst@example.gov" } }, role: "finance", acting: true, startsOn: "2026-01-05", endsOn: null },
    });
    const context = await readEventContext(db);
    const holidays = await db.holiday.findMany({ where: { observed: true }, select: { date: true } });
    expect(holidays.length).toBeGreaterThan(0);
    expect([...context.holidays].sort()).toEqual(holidays.map((h) => h.date).sort());
    const assignments = await db.roleAssignment.findMany({
      where: { user: { active: true }, role: { in: Object.values(AUDIENCE_ROLES).flat() } },
      select: { role: true, acting: true, startsOn: true, endsOn: true, user: { select: { email: true, name: true } } },
    });
    const expected = assignments.map(({ user, ...assignment }) => ({ ...user, ...assignment }));
    const key = (h: { email: string; role: string; acting: boolean }) => `${h.email} ${h.role} ${h.acting}`;
    expect(context.roleHolders.map(key).sort()).toEqual(expected.map(key).sort());
    expect(context.roleHolders).toEqual(expect.arrayContaining(expected));
    expect(context.roleHolders).toContainEqual({ email: "analyst@example.gov", name: expect.any(String), role: "finance", acting: true, startsOn: "2026-01-05", endsOn: null });
  });

  it("an event's writes read back through the ORM as written: its instant to the millisecond, its booleans, the e-mails due at once", async () => {
    const id = await draft("Door hangers for the contract check", "Hangers on Main Street.");
    await act(id, people.requester, { type: "SUBMIT" });
    const at = new Date(Date.now() + 1234);
    const outcome = await transition(db, { request: id, by: people.director, event: { type: "REQUEST_CHANGES", comment: "Say which weeks." }, now: at, timeZone: TZ });
    if (!outcome.ok) throw new Error(outcome.reason);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { requestId: id, event: "REQUEST_CHANGES" }, orderBy: { id: "desc" } });
    expect(entry.at).toEqual(at);
    expect(entry.acting).toBe(false);
    const request = await db.request.findUniqueOrThrow({ where: { id }, select: { taskSince: true, awaitsAction: true, reachedFeeAssessment: true, state: true } });
    expect(request).toEqual({ taskSince: at, awaitsAction: true, reachedFeeAssessment: false, state: "changesRequested" });
    // The dispatcher's claim compares instants in SQL: the new e-mails are due, and found, now.
    const due = await db.outboxMessage.findMany({ where: { requestId: id, status: "pending", nextAttemptAt: { lte: new Date() } } });
    expect(due.map((message) => message.template)).toContain("changes_requested");
  });

  it("the data version moves once with each audit entry that may change what the memos read, in its transaction, and not with reads", async () => {
    const before = await dataVersion(db);
    await search(people.director, "leaf");
    expect(await dataVersion(db)).toBe(before);
    await act(ids.leaf, people.director, { type: "REQUEST_CHANGES", comment: "Add the pickup dates." });
    expect(await dataVersion(db)).toBe(before + 1);
    const entries = (await db.auditEntry.findMany({ select: { event: true } })).filter((entry) => movesDataVersion(entry.event)).length;
    const [{ version }] = await db.$queryRaw<Array<{ version: number }>>`SELECT version FROM "DataVersion"`;
    expect(Number(version)).toBe(entries);
  });
});
