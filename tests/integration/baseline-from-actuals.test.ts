// Issue 19: the staffing baseline's calls "imported from the same CSV" as the actual calls,
// through the baseline page's action on a real database (both engines): the average calls
// offered by weekday and hour over a period, checked against an example worked by hand; the
// queues tied to requests left out; nothing written until the analyst confirms the figures
// shown; then one audited change that moves the calendar's memo, agents unchanged; a period
// of day totals only says it cannot give hours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCalls } from "../../app/actuals/callImport.server";
import { saveMapping, sha256Of, sourceNamed } from "../../app/actuals/callSources.server";
import { setRequestQueues } from "../../app/actuals/requestActuals.server";
import type { ActualsPreview } from "../../app/capacity/baselineFromActuals";
import { calendarStaffing } from "../../app/capacity/staffing.server";
import { dataVersion } from "../../app/dataVersionMemo.server";
import type { PrismaClient } from "../../app/db.server";
import * as baselineRoute from "../../app/routes/capacity.baseline";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, localDate } from "workflows";
import { calendarRequests } from "../support/calendarRequests";
import { FAST_SCRYPT } from "../support/people";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { baselineImport, NORMAL_WEEK_CSV } from "../support/staffingBaseline";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
let t: TestDb;
let db: PrismaClient;
let analystCookie = "";
let sourceId = "";
let analystId = "";
type Fn = Parameters<typeof run>[0];
type Answer = { data: { preview?: ActualsPreview; errors: Record<string, string>; stale?: boolean } };

const MAPPING = { date: "Date", interval: "Interval", queue: "Queue", offered: "Offered" };

async function importCsv(lines: string[], fileName: string) {
  const bytes = new TextEncoder().encode(["Date,Interval,Queue,Offered", ...lines].join("\n"));
  const outcome = await importCalls(db, { sourceId, mapping: MAPPING, source: bytes, fileName, sha256: sha256Of(bytes), userId: analystId, timeZone: TZ });
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
}

// Two weeks, Monday 2 to Sunday 15 November 2026. Worked by hand, queues GENERAL and BILLING
// (the normal load) and LEAF (tied to a mailing, left out):
//   Mon 2:  hour 8 = 10 + 6 (GENERAL 08:00, 08:30) + 4 (BILLING) = 20; hour 9 = 20
//   Mon 9:  hour 8 = 30;                                           hour 9 = 9;  hour 10 = 5 (10:15)
//   Monday, 2 days: hour 8 (20 + 30) / 2 = 25, hour 9 (20 + 9) / 2 = 14.5, hour 10 5 / 2 = 2.5, others 0
//   Tuesday: only the 3rd has intervals, hour 14 = 7: 1 day, 7
//   Wednesday 4: a day total only (no interval): no day with hours, so Wednesday keeps its figures
//   LEAF's 100 calls on Mon 2 at 08:00 would make Monday's hour 8 75; Mon 16 is outside the period.
const PERIOD = { from: "2026-11-02", to: "2026-11-15" };
const FILE = [
  "2026-11-02,08:00,GENERAL,10",
  "2026-11-02,08:30,GENERAL,6",
  "2026-11-02,08:00,BILLING,4",
  "2026-11-02,09:00,GENERAL,20",
  "2026-11-02,08:00,LEAF,100",
  "2026-11-09,08:00,GENERAL,30",
  "2026-11-09,09:00,GENERAL,9",
  "2026-11-09,10:15,GENERAL,5",
  "2026-11-03,14:00,GENERAL,7",
  "2026-11-16,08:00,GENERAL,1000",
  "2026-11-20,08:00,LEAF,50",
];
// Day totals come in an export of their own, without intervals: Wednesday 4 November, and the
// whole week of 5 to 11 October.
const DAY_TOTALS = ["2026-11-04,GENERAL,500", ...[5, 6, 7, 8, 9, 10, 11].map((d) => `2026-10-${String(d).padStart(2, "0")},GENERAL,400`)];

const previewOf = (period: Record<string, string>) =>
  run(baselineRoute.action as Fn, post("/capacity/baseline", analystCookie, { intent: "actuals-preview", ...period })) as Promise<Answer>;
const applyOf = (period: Record<string, string>, checked: string) =>
  run(baselineRoute.action as Fn, post("/capacity/baseline", analystCookie, { intent: "actuals-apply", ...period, checked }));

async function shownPreview(period: Record<string, string> = PERIOD): Promise<Extract<ActualsPreview, { ok: true }>> {
  const answer = await previewOf(period);
  expect(statusOf(answer)).toBe(200);
  const preview = answer.data.preview!;
  if (!preview.ok) throw new Error(preview.message);
  return preview;
}

const hoursOf = async (weekday: number) =>
  (await db.staffingBaselineHour.findMany({ where: { weekday }, orderBy: { hour: "asc" } })).map((h) => [h.hour, h.calls, h.agents]);

beforeAll(async () => {
  t = await createTestDb("baseline-from-actuals");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  analystCookie = await cookieFor(db, "analyst@example.gov");
  analystId = (await db.user.findUniqueOrThrow({ where: { email: "analyst@example.gov" } })).id;
  const source = await sourceNamed(db, "Center ACD", "other");
  sourceId = source.id;
  await saveMapping(db, sourceId, MAPPING);
  await importCsv(FILE, "november.csv");
  const daily = await sourceNamed(db, "Center daily report", "other");
  const totals = new TextEncoder().encode(["Date,Queue,Offered", ...DAY_TOTALS].join("\n"));
  const dayMapping = { date: "Date", queue: "Queue", offered: "Offered" };
  const dayImport = await importCalls(db, { sourceId: daily.id, mapping: dayMapping, source: totals, fileName: "days.csv", sha256: sha256Of(totals), userId: analystId, timeZone: TZ });
  expect(dayImport).toMatchObject({ ok: true, rows: DAY_TOTALS.length });
  // The mailing whose queue LEAF is.
  const steps = calendarRequests({ db, analystCookie, effective: addCalendarDays(localDate(new Date(), TZ), 30), timeZone: TZ });
  await setRequestQueues(db, await steps.newRequest("Leaf collection mailer"), ["LEAF"]);
  // The normal week, Monday to Friday, 08:00 to 16:00: 60 calls and 8 agents an hour.
  expect(statusOf(await run(baselineRoute.action as Fn, baselineImport(analystCookie, NORMAL_WEEK_CSV)))).toBe(303);
});

afterAll(async () => {
  await t.cleanup();
});

describe("the baseline's calls from the actual calls (issue 19)", () => {
  it("offers the last eight weeks up to the last day with calls by hour on the queues that count", async () => {
    const page = (await run(baselineRoute.loader as Fn, get("/capacity/baseline", analystCookie))) as { offered: unknown };
    // Nov 16 is the last interval on GENERAL; LEAF's Nov 20 does not count. 56 days: Sep 22 to Nov 16.
    expect(page.offered).toEqual({ from: "2026-09-22", to: "2026-11-16" });
  });

  it("shows each weekday's average calls by hour, worked by hand, and writes nothing", async () => {
    const audits = await db.auditEntry.count();
    const version = await dataVersion(db);
    const before = await db.staffingBaselineHour.findMany({ orderBy: [{ weekday: "asc" }, { hour: "asc" }] });

    const preview = await shownPreview();
    const monday = preview.weekdays[1];
    expect(monday.days).toBe(2);
    expect(monday.calls.slice(8, 11)).toEqual([25, 14.5, 2.5]);
    expect(monday.calls.reduce((a, b) => a + b, 0)).toBe(42);
    expect(preview.weekdays[2]).toMatchObject({ days: 1 });
    expect(preview.weekdays[2].calls[14]).toBe(7);
    // Wednesday had a day total only; the weekend nothing.
    expect(preview.weekdays.filter((w) => w.days === 0).map((w) => w.weekday)).toEqual([0, 3, 4, 5, 6]);
    expect(preview.weekdays[3].current[8]).toMatchObject({ calls: 60, agents: 8 });
    expect(preview.leftOut).toEqual(["LEAF"]);

    expect(await db.staffingBaselineHour.findMany({ orderBy: [{ weekday: "asc" }, { hour: "asc" }] })).toEqual(before);
    expect(await db.auditEntry.count()).toBe(audits);
    expect(await dataVersion(db)).toBe(version);
  });

  it("saves the figures confirmed as one audited change: calls replaced, agents as planned, other weekdays kept", async () => {
    const aMonday = "2026-11-23";
    const staffedBefore = (await calendarStaffing(db, [aMonday], 0))![0];
    expect(staffedBefore.calls).toBe(60);
    const version = await dataVersion(db);

    const answer = await applyOf(PERIOD, (await shownPreview()).checked);
    expect((answer as Response).headers.get("Location")).toBe("/capacity/baseline?done=actuals");
    // Monday: 25, 14.5 and 2.5 calls at 08:00–11:00, none in the other hours the 8 agents are planned for.
    expect(await hoursOf(1)).toEqual([
      [8, 25, 8],
      [9, 14.5, 8],
      [10, 2.5, 8],
      [11, 0, 8],
      [12, 0, 8],
      [13, 0, 8],
      [14, 0, 8],
      [15, 0, 8],
    ]);
    expect(await hoursOf(2)).toEqual([8, 9, 10, 11, 12, 13, 14, 15].map((h) => [h, h === 14 ? 7 : 0, 8]));
    expect(await hoursOf(3)).toEqual([8, 9, 10, 11, 12, 13, 14, 15].map((h) => [h, 60, 8]));
    const entries = await db.auditEntry.findMany({ where: { event: "STAFFING_BASELINE_FROM_ACTUALS" } });
    expect(entries).toHaveLength(1);
    expect(entries[0].comment).toContain("2026-11-02 to 2026-11-15");
    // The calendar's staffing is read afresh: the data version moved with the audit entry.
    expect(await dataVersion(db)).toBeGreaterThan(version);
    expect((await calendarStaffing(db, [aMonday], 0))![0]).toMatchObject({ hour: 8, calls: 25, planned: 8 });
  });

  it("confirming the same figures again changes nothing", async () => {
    const answer = await applyOf(PERIOD, (await shownPreview()).checked);
    expect((answer as Response).headers.get("Location")).toBe("/capacity/baseline?done=unchanged");
    expect(await db.auditEntry.count({ where: { event: "STAFFING_BASELINE_FROM_ACTUALS" } })).toBe(1);
  });

  it("saves nothing when the calls changed after the preview, and shows the new figures", async () => {
    const seen = await shownPreview();
    await importCsv(["2026-11-09,11:00,GENERAL,8"], "late-correction.csv");
    const before = await hoursOf(1);
    const answer = (await applyOf(PERIOD, seen.checked)) as Answer;
    expect(statusOf(answer)).toBe(409);
    expect(answer.data.stale).toBe(true);
    const fresh = answer.data.preview as Extract<ActualsPreview, { ok: true }>;
    expect(fresh.weekdays[1].calls[11]).toBe(4);
    expect(fresh.checked).not.toBe(seen.checked);
    expect(await hoursOf(1)).toEqual(before);
  });

  it("says a period of day totals only cannot give hours, and a period without calls says so too", async () => {
    const audits = await db.auditEntry.count();
    const totals = await previewOf({ from: "2026-10-05", to: "2026-10-11" });
    expect(statusOf(totals)).toBe(422);
    const message = (totals.data.preview as { message: string }).message;
    expect(message).toContain("are totals by day, without intervals: they cannot give calls by hour");
    expect(message).toContain("Mon, Oct 5, 2026 to Sun, Oct 11, 2026");
    const none = await previewOf({ from: "2025-01-01", to: "2025-01-31" });
    expect(statusOf(none)).toBe(422);
    expect((none.data.preview as { message: string }).message).toMatch(/^No calls by hour are imported for/);
    // Confirming such a period (a forged form) writes nothing either.
    expect(statusOf(await applyOf({ from: "2026-10-05", to: "2026-10-11" }, "anything"))).toBe(409);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it.each([
    [{ from: "2026-11-15", to: "2026-11-02" }, { to: "The last day must be on or after the first day" }],
    [{ from: "2026-11-02", to: "2026-11-07" }, { to: "The period must be at least 7 days, so that every weekday is in it" }],
    [{ from: "2025-11-01", to: "2026-11-15" }, { to: "The period must be at most 366 days: a normal week is not the average of several seasons" }],
    [{ from: "2026-02-30", to: "" }, { from: "Enter the first day of the period as a real date, like 2026-11-30", to: "Enter the last day of the period as a real date, like 2026-11-30" }],
  ])("refuses the period %j with a message by its field", async (period, errors) => {
    const answer = await previewOf(period);
    expect(statusOf(answer)).toBe(400);
    expect(answer.data.errors).toEqual(errors);
  });

  it("is the analysts' only (R1): COM's director is refused", async () => {
    const director = await cookieFor(db, "director@example.gov");
    const answer = await run(baselineRoute.action as Fn, post("/capacity/baseline", director, { intent: "actuals-preview", ...PERIOD }));
    expect(statusOf(answer)).toBe(403);
  });
});
