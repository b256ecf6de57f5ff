// Issue 19 B, overlapping campaigns (SPEC §5: "the capacity calendar staffs the combined load of
// overlapping requests with Erlang C, flagging the days the Center cannot cover"), on a real
// database (SQLite file, or PostgreSQL with TEST_DATABASE_URL): the baseline's CSV import
// through the page's action, the calendar's combined staffing and pinch points, the analysis
// form's warning, and the weekly e-mail queued once by the clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { combinedAgentsNeeded, hourlyShares, weekdayHours, weekdayOf } from "../../app/capacity/combinedStaffing";
import { sendPinchDigest } from "../../app/capacity/pinchDigest.server";
import type { PinchWith } from "../../app/capacity/combinedStaffing";
import { tick } from "../../app/clock/clock.server";
import { dataVersion } from "../../app/dataVersionMemo.server";
import { connectDb, type PrismaClient } from "../../app/db.server";
import * as baselineRoute from "../../app/routes/capacity.baseline";
import * as analysisRoute from "../../app/routes/requests.$id_.analysis";
import { parseOutboxPayload } from "../../emails/payload";
import { renderEmail } from "../../emails/render";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, localDate } from "workflows";
import { calendarRequests, DIRECTOR, type CalendarRequests } from "../support/calendarRequests";
import { FAST_SCRYPT } from "../support/people";
import { analysisFields } from "../support/requests";
import { cookieFor, post, run, statusOf, useTestDatabase } from "../support/routes";
import { baselineImport, FIVE_MINUTE_TARGET, NORMAL_WEEK_CSV } from "../support/staffingBaseline";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
let t: TestDb;
let db: PrismaClient;
let analystCookie = "";
type Fn = Parameters<typeof run>[0];

/** A weekday at least three weeks ahead: inside the partner notice, and a day the baseline staffs. */
function aWeekdayAhead(): string {
  let date = addCalendarDays(localDate(new Date(), TZ), 21);
  while ([0, 6].includes(weekdayOf(date))) date = addCalendarDays(date, 1);
  return date;
}
const effective = aWeekdayAhead();

const importFile = (text: string, name?: string) => baselineImport(analystCookie, text, name);

let steps: CalendarRequests;

beforeAll(async () => {
  t = await createTestDb("capacity-staffing");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  analystCookie = await cookieFor(db, "analyst@example.gov");
  steps = calendarRequests({ db, analystCookie, effective, timeZone: TZ });
});

afterAll(async () => {
  await t.cleanup();
});

describe("the baseline's CSV import (issue 19)", () => {
  it("reports a bad row with its line and stores nothing", async () => {
    const audits = await db.auditEntry.count();
    const bad = NORMAL_WEEK_CSV.replace("Monday,10,60,8", "Monday,10,sixty,8");
    const answer = (await run(baselineRoute.action as Fn, importFile(bad))) as { data: { problems: Array<{ line: number; message: string }> } };
    expect(statusOf(answer)).toBe(422);
    expect(answer.data.problems).toEqual([{ line: 4, message: "Enter the calls as a number" }]);
    expect(await db.staffingBaselineHour.count()).toBe(0);
    expect(await db.staffingBaselineTarget.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("names a row listed twice, a header without the columns, and an hour out of range by line", async () => {
    const twice = (await run(baselineRoute.action as Fn, importFile(`${NORMAL_WEEK_CSV}\nMon,08:00,10,2`))) as { data: { problems: unknown[] } };
    expect(twice.data.problems).toEqual([{ line: 42, message: "Monday 08:00–09:00 is already on line 2" }]);
    const header = (await run(baselineRoute.action as Fn, importFile("day,hour,calls\nMonday,8,60"))) as { data: { problems: unknown[] } };
    expect(header.data.problems).toEqual([{ line: 1, message: "The header must name the columns weekday, hour, calls, agents; missing: weekday, agents" }]);
    const hour = (await run(baselineRoute.action as Fn, importFile("weekday,hour,calls,agents\n1,8,60,8\n2,24,60,8"))) as { data: { problems: unknown[] } };
    expect(hour.data.problems).toEqual([{ line: 3, message: 'The hour "24" is not an hour from 0 to 23' }]);
    expect(await db.staffingBaselineHour.count()).toBe(0);
  });

  it("stores the week in one change, audited; the same file again changes nothing", async () => {
    const version = await dataVersion(db);
    const first = (await run(baselineRoute.action as Fn, importFile(NORMAL_WEEK_CSV))) as Response;
    expect(first.headers.get("Location")).toBe("/capacity/baseline?done=imported");
    expect(await db.staffingBaselineHour.count()).toBe(40);
    expect(await db.staffingBaselineTarget.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ targetServiceLevel: 0.8, targetAnswerSeconds: 60 });
    expect(await db.auditEntry.count({ where: { event: "STAFFING_BASELINE_IMPORTED" } })).toBe(1);
    const afterFirst = await dataVersion(db);
    expect(afterFirst).toBeGreaterThan(version);

    const again = (await run(baselineRoute.action as Fn, importFile(NORMAL_WEEK_CSV, "same-week.csv"))) as Response;
    expect(again.headers.get("Location")).toBe("/capacity/baseline?done=unchanged");
    expect(await db.staffingBaselineHour.count()).toBe(40);
    expect(await db.auditEntry.count({ where: { event: "STAFFING_BASELINE_IMPORTED" } })).toBe(1);
    expect(await dataVersion(db)).toBe(afterFirst);
  });

  it("the service target at 5 minutes' handle time, from the page's form", async () => {
    const answer = await run(
      baselineRoute.action as Fn,
      post("/capacity/baseline", analystCookie, FIVE_MINUTE_TARGET),
    );
    expect(statusOf(answer)).toBe(303);
    expect((await db.staffingBaselineTarget.findUniqueOrThrow({ where: { id: 1 } })).handleTimeSeconds).toBe(300);
  });
});

describe("the calendar staffs the combined load (issue 19)", () => {
  it("of two overlapping pending requests: short only if they are approved, by Erlang C on the sum", async () => {
    await steps.analysedToDecision("Leaf collection mailer");
    await steps.analysedToDecision("Recycling mailer");
    const { loads, staffing } = await steps.dayView();
    const [day] = staffing!;
    expect(loads[0].approvedCalls).toBe(0);
    expect(day.shortfall).toBe(0);
    expect(day.shortfallWithPending).toBeGreaterThan(0);
    // The same hour's need computed here from the parts: the baseline's 60 calls plus that hour's share of both requests'.
    const share = hourlyShares(weekdayHours((await db.staffingBaselineHour.findMany()), weekdayOf(effective)))[9];
    const target = { handleTimeSeconds: 300, targetAnswerSeconds: 60, targetServiceLevel: 0.8 };
    const combined = combinedAgentsNeeded(target, [60, loads[0].pendingCalls * share]);
    expect(day.shortfallWithPending).toBe(combined - 8);
    // Staffing each request's calls apart and adding up the agents would ask for more.
    const apart = 2 * combinedAgentsNeeded(target, [(loads[0].pendingCalls / 2) * share]);
    expect(8 + apart).toBeGreaterThan(combined);
    // The month says the same, in words.
    expect(await steps.monthDay()).toContain(`${day.shortfallWithPending} agents short if the pending requests are approved`);
  });

  it("flags the day a pinch point once one is approved, in the day and month views", async () => {
    const id = (await db.request.findFirstOrThrow({ where: { title: "Leaf collection mailer" } })).id;
    await steps.act(id, DIRECTOR, { type: "APPROVE", slot: "director" });
    await steps.act(id, "assistant.director@example.gov", { type: "APPROVE", slot: "assistantDirector" });
    const [day] = (await steps.dayView()).staffing!;
    expect(day.shortfall).toBeGreaterThan(0);
    expect(day.planned).toBe(8);
    // The month shown before the approval is not served again: its table is made afresh at the new data version.
    const cell = await steps.monthDay();
    expect(cell).toContain(`<span class="usa-tag portal-tag--pinch">Pinch point</span> ${day.shortfall} agents short</p>`);
    expect(cell).not.toContain("if the pending requests are approved");
    expect((await steps.monthView()).pinches).toBeGreaterThanOrEqual(1);
  });

  it("is computed afresh when the baseline changes (the memo's data version moves with its audit entry)", async () => {
    const before = (await steps.dayView()).staffing![0];
    const weekday = String(weekdayOf(effective));
    const hours = Object.fromEntries([8, 9, 10, 11, 12, 13, 14, 15].flatMap((h) => [[`calls${h}`, "60"], [`agents${h}`, "40"]]));
    const answer = await run(baselineRoute.action as Fn, post("/capacity/baseline", analystCookie, { intent: "weekday", weekday, ...hours }));
    expect(statusOf(answer)).toBe(303);
    const after = (await steps.dayView()).staffing![0];
    expect(before.shortfall).toBeGreaterThan(0);
    expect(after).toMatchObject({ shortfall: 0, shortfallWithPending: 0, planned: 40 });
    // Back to 8 agents, for the tests that follow.
    const back = Object.fromEntries(Object.entries(hours).map(([k, v]) => [k, k.startsWith("agents") ? "8" : v]));
    await run(baselineRoute.action as Fn, post("/capacity/baseline", analystCookie, { intent: "weekday", weekday, ...back }));
    expect((await steps.dayView()).staffing![0].shortfall).toBe(before.shortfall);
  });
});

describe("the analysis form warns of pinch points (issue 19)", () => {
  it("names the days a new request's projection adds to", async () => {
    const id = await steps.newRequest("Snow plow postcard");
    const answer = (await run(
      analysisRoute.action as Fn,
      post(`/requests/${id}/analysis`, analystCookie, { intent: "preview", ...analysisFields(effective) }),
      { id },
    )) as { pinches: PinchWith[] };
    const onEffective = answer.pinches.find((p) => p.date === effective);
    expect(onEffective?.before).toBeGreaterThan(0);
    expect(onEffective!.after).toBeGreaterThanOrEqual(onEffective!.before);
  });
});

describe("the weekly pinch-point e-mail (issue 19)", () => {
  // The Monday four to ten days before the effective date: its two weeks hold the pinch point.
  const monday = (() => {
    let date = addCalendarDays(effective, -10);
    while (weekdayOf(date) !== 1) date = addCalendarDays(date, 1);
    return date;
  })();
  const at = (date: string, hour = 15) => ({ now: new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`), timeZone: TZ });
  const mails = () => db.outboxMessage.findMany({ where: { template: "pinch_points" } });

  it("is not sent before its Monday", async () => {
    await db.staffingBaselineTarget.update({ where: { id: 1 }, data: { nextDigestOn: monday } });
    expect(await sendPinchDigest(db, at(addCalendarDays(monday, -1)))).toEqual({ due: false, queued: 0 });
    expect(await mails()).toEqual([]);
  });

  it("is queued once on the Monday, to each analyst and COM reviewer, although two instances send it at once", async () => {
    const other = await connectDb(t.url);
    try {
      // PostgreSQL: truly at once, each on its own connection. SQLite has one writer, so its
      // instances' ticks come one after the other (decision 0020).
      const results =
        t.engine === "postgres"
          ? await Promise.all([sendPinchDigest(db, at(monday)), sendPinchDigest(other, at(monday))])
          : [await sendPinchDigest(db, at(monday)), await sendPinchDigest(other, at(monday))];
      expect(results.map((r) => r.queued).sort()).toEqual([0, 3]);
    } finally {
      await other.$disconnect();
    }
    const sent = await mails();
    expect(sent.map((m) => (JSON.parse(m.recipients) as Array<{ email: string }>)[0].email).sort()).toEqual([
      "analyst@example.gov",
      "assistant.director@example.gov",
      DIRECTOR,
    ]);
    const { template, data } = parseOutboxPayload(sent[0], { invitation: () => "" });
    const email = renderEmail(template, data, { appUrl: "https://portal.example.gov" });
    expect(email.subject).toMatch(/pinch point/);
    expect(email.text).toContain("agents short at");
    expect(email.text).toContain(`https://portal.example.gov/calendar?view=week&date=${monday}`);
    expect(await db.staffingBaselineTarget.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ nextDigestOn: addCalendarDays(monday, 7) });
  });

  it("is not queued again that week by the clock, which sends it again the next Monday", async () => {
    expect((await tick(db, at(monday, 20))).pinchPointMails).toBe(0);
    expect((await tick(db, at(addCalendarDays(monday, 6)))).pinchPointMails).toBe(0);
    expect((await mails()).length).toBe(3);
    await tick(db, at(addCalendarDays(monday, 7)));
    expect(await db.staffingBaselineTarget.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ nextDigestOn: addCalendarDays(monday, 14) });
  });
});
