// The capacity calendar on a real SQLite file (issues 5 and 8): its day loads are remembered
// until a request changes, only a request's current analysis counts, and the day view lists
// a day's requests with their calls. Requests move through the real transition service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionStore } from "../../app/auth/session.server";
import { calendarDayLoads } from "../../app/calendar/capacity.server";
import type { DayLoad } from "../../app/calendar/dayLoads";
import { calendarDays } from "../../app/capacity/staffing.server";
import { dataVersion } from "../../app/dataVersionMemo.server";
import type { PrismaClient } from "../../app/db.server";
import { addComment } from "../../app/requests/comments.server";
import * as calendarRoute from "../../app/routes/calendar";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, localDate } from "workflows";
import { calendarRequests, DIRECTOR, type CalendarRequests } from "../support/calendarRequests";
import { FAST_SCRYPT, personAt } from "../support/people";
import { watchedQueries } from "../support/queryPlans";
import { cookieFor, get, run, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
let t: TestDb;
let db: PrismaClient;
let analystCookie = "";
const effective = addCalendarDays(localDate(new Date(), TZ), 20);
const week = [effective, addCalendarDays(effective, 1)];

type Fn = Parameters<typeof run>[0];
let steps: CalendarRequests;

const onEffective = async (): Promise<DayLoad> => (await calendarDayLoads(db, week, 8))[0];

beforeAll(async () => {
  t = await createTestDb("capacity-calendar");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  analystCookie = await cookieFor(db, "analyst@example.gov");
  steps = calendarRequests({ db, analystCookie, effective, timeZone: TZ });
});

afterAll(async () => {
  await t.cleanup();
});

describe("remembered day loads (issue 8)", () => {
  let id = "";

  it("are read once while nothing changes", async () => {
    id = await steps.newRequest("Leaf collection mailer");
    await steps.act(id, DIRECTOR, { type: "ORDER_ANALYSIS" });
    const first = await calendarDayLoads(db, week, 8);
    expect(await calendarDayLoads(db, week, 8)).toBe(first);
    expect(first[0]).toMatchObject({ inEffect: 1, approvedCalls: 0, pendingCalls: 0 });
  });

  it("are read afresh after a transition: recording the analysis, then approving", async () => {
    await steps.recordAnalysis(id);
    const pending = await onEffective();
    expect(pending.pendingCalls).toBeGreaterThan(0);
    expect(pending.approvedCalls).toBe(0);
    await steps.act(id, "finance@example.gov", { type: "ASSESS_FEE", amount: 0, suggested: 0, scheduleVersion: null });
    await steps.act(id, DIRECTOR, { type: "APPROVE", slot: "director" });
    await steps.act(id, "assistant.director@example.gov", { type: "APPROVE", slot: "assistantDirector" });
    expect(await onEffective()).toMatchObject({ approvedCalls: pending.pendingCalls, pendingCalls: 0, inEffect: 1 });
  });

  it("stay remembered through a sign-in and a comment, which change nothing they show, and not through a new request (issue 17)", async () => {
    const first = await calendarDayLoads(db, week, 8);
    const version = await dataVersion(db);
    const entries = await db.auditEntry.count();
    const director = await db.user.findUniqueOrThrow({ where: { email: DIRECTOR } });
    await getSessionStore().createSession(new Request("http://localhost/"), director.id, new Date(), { method: "password" });
    await addComment(db, await personAt(db, DIRECTOR, new Date()), id, "Looks right.", new Date());
    expect(await db.auditEntry.count()).toBe(entries + 2);
    expect(await dataVersion(db)).toBe(version);
    expect(await calendarDayLoads(db, week, 8)).toBe(first);

    const added = await steps.newRequest("Snow removal mailer");
    expect(await dataVersion(db)).toBe(version + 2);
    expect((await onEffective()).inEffect).toBe(first[0].inEffect + 1);
    await steps.act(added, "requester.partner@example.gov", { type: "WITHDRAW" });
    expect(await calendarDayLoads(db, week, 8)).toEqual(first);
  });
});

describe("the calendar page's days and staffing (issues 17, 19)", () => {
  it("come from one reading of the data version while nothing changes: one round trip, not one for each", async () => {
    const { db: watched, sent } = watchedQueries(db);
    const first = await calendarDays(watched, week, 8);
    expect(first.loads).toEqual(await calendarDayLoads(db, week, 8));
    sent.length = 0;
    expect(await calendarDays(watched, week, 8)).toBe(first);
    expect(sent).toEqual([expect.stringContaining('FROM "DataVersion"')]);
  });
});

describe("only the current analysis counts (R13, issue 8)", () => {
  let id = "";

  it("not one set aside when, after changes, COM decides no analysis is needed", async () => {
    const before = await onEffective();
    id = await steps.analysedToDecision("Recycling mailer");
    expect((await onEffective()).pendingCalls).toBe(before.approvedCalls);
    await steps.act(id, DIRECTOR, { type: "REQUEST_CHANGES", comment: "Name the neighbourhoods." });
    await steps.act(id, "requester.partner@example.gov", { type: "RESUBMIT" });
    await steps.act(id, DIRECTOR, { type: "NO_ANALYSIS" });
    expect(await db.analysis.count({ where: { requestId: id } })).toBe(1);
    expect(await onEffective()).toMatchObject({ pendingCalls: 0, approvedCalls: before.approvedCalls, inEffect: 2 });
    const page = await steps.dayView();
    expect(page.table.map((e) => [e.title, e.status, e.calls > 0])).toEqual([
      ["Leaf collection mailer", "approved", true],
      ["Recycling mailer", "pending", false],
    ]);
  });

  it("a new analysis ordered and recorded after that counts, once", async () => {
    await steps.act(id, DIRECTOR, { type: "ORDER_ANALYSIS" });
    expect((await onEffective()).pendingCalls).toBe(0);
    await steps.recordAnalysis(id);
    const after = await onEffective();
    expect(after.pendingCalls).toBe(after.approvedCalls);
  });
});

describe("day view (issue 8)", () => {
  it("shows a day's requests, a page at a time, and an address that is no date as the month", async () => {
    const page = await steps.dayView();
    expect(page.page).toEqual({ page: 1, pages: 1, offset: 0 });
    expect(page.loads[0].inEffect).toBe(2);
    const beyond = (await run(calendarRoute.loader as Fn, get(`/calendar?day=${effective}&page=9`, analystCookie))) as typeof page;
    expect(beyond.page.page).toBe(1);
    const nonsense = (await run(calendarRoute.loader as Fn, get("/calendar?day=2026-02-30", analystCookie))) as { view: { kind: string } };
    expect(nonsense.view.kind).toBe("month");
  });

  it("the month and the week send the browser only what they show: no calls per request; departments only in the week", async () => {
    const [day] = (await steps.dayView()).table;
    const { id, reference, title, status, department } = day;
    const week = (await run(calendarRoute.loader as Fn, get(`/calendar?view=week&date=${effective}`, analystCookie))) as {
      loads: Array<{ date: string; entries: Array<Record<string, unknown>> }>;
    };
    expect(week.loads.find((load) => load.date === effective)!.entries).toContainEqual({ id, reference, title, status, department });
    // The month sends its table as HTML, and no day loads besides.
    const month = await steps.monthView();
    expect(month.loads).toEqual([]);
    const cell = await steps.monthDay();
    expect(cell).toContain(`<a href="/requests/${id}">${reference}</a> <span class="usa-tag portal-tag--${status}">${status}</span>`);
    expect(cell).toContain(`<span class="portal-day__title">${title}</span>`);
    expect(cell).not.toContain(department);
  });

  it("the month's table escapes what requesters typed", async () => {
    // On a day of its own, so that it is among the few the month lists.
    const own = calendarRequests({ db, analystCookie, effective: addCalendarDays(effective, 3), timeZone: TZ });
    const id = await own.newRequest(`Fish & <b>chips</b> "night"`);
    const cell = await own.monthDay();
    expect(cell).toContain(`<span class="portal-day__title">Fish &amp; &lt;b&gt;chips&lt;/b&gt; &quot;night&quot;</span>`);
    expect(cell).toContain(`href="/requests/${id}"`);
    expect(cell).not.toContain("<b>");
  });

});
