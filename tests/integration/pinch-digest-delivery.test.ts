// Issue 19: the weekly pinch-point e-mail end to end, on a real database (both engines). The
// clock ticks at given instants (as startClock does each minute, time passed in), and the real
// dispatcher delivers what it queued to a real SMTP server in this process: on a Monday whose
// coming two weeks hold a pinch point, the analyst and each COM reviewer get one message naming
// its days and hours; a second tick that week sends nothing more; a Monday with no pinch point
// ahead sends nothing at all (decision 0025: "none is sent for a week without any").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekdayOf, type DayStaffing } from "../../app/capacity/combinedStaffing";
import { tickAlone } from "../../app/clock/clock.server";
import type { PrismaClient } from "../../app/db.server";
import * as baselineRoute from "../../app/routes/capacity.baseline";
import * as calendarRoute from "../../app/routes/calendar";
import { dispatchAll } from "../../emails/dispatcher.server";
import { createTransport } from "../../emails/transport.server";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, formatDate, localDate } from "workflows";
import { calendarRequests, DIRECTOR } from "../support/calendarRequests";
import { FAST_SCRYPT } from "../support/people";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { baselineImport, FIVE_MINUTE_TARGET, NORMAL_WEEK_CSV } from "../support/staffingBaseline";
import { createTestDb, type TestDb } from "../support/testDb";
import { APP_URL, createTestSmtpServer, FROM, type TestSmtpServer } from "./support-mail";

const TZ = "America/New_York";
type Fn = Parameters<typeof run>[0];
let t: TestDb;
let db: PrismaClient;
let smtp: TestSmtpServer;
let analystCookie = "";

/** A weekday five weeks ahead: past the partner notice, and a day the baseline staffs. */
const effective = (() => {
  let date = addCalendarDays(localDate(new Date(), TZ), 35);
  while ([0, 6].includes(weekdayOf(date))) date = addCalendarDays(date, 1);
  return date;
})();
/** The Monday four to ten days before it: its two weeks hold the mailing's days. */
const monday = (() => {
  let date = addCalendarDays(effective, -10);
  while (weekdayOf(date) !== 1) date = addCalendarDays(date, 1);
  return date;
})();
/** Two weeks earlier: its two weeks end before the mailing. */
const quietMonday = addCalendarDays(monday, -14);
const COM_AND_ANALYST = ["analyst@example.gov", "assistant.director@example.gov", DIRECTOR];

/** 10:00 in the county (EST/EDT: 14:00 or 15:00 UTC) on a date. */
const at = (date: string, hourUtc = 15) => new Date(`${date}T${String(hourUtc).padStart(2, "0")}:00:00Z`);

/** The clock's tick at that instant, then the dispatcher's pass at the same instant. */
async function tickAndDeliver(now: Date) {
  const ticked = await tickAlone(db, { now, timeZone: TZ });
  const transport = createTransport({ smtpUrl: smtp.url, mailDir: "unused" });
  try {
    const sent = await dispatchAll({ db, transport, workerId: "test", now: () => now, appUrl: APP_URL, from: FROM, maxAttempts: 3, leaseMs: 60_000 });
    return { ticked, sent };
  } finally {
    transport.close();
  }
}

/** The calendar's own pinch points over the two weeks from a date: what the e-mail must name. */
async function calendarPinchPoints(from: string): Promise<DayStaffing[]> {
  const last = addCalendarDays(from, 13);
  const days = new Map<string, DayStaffing>();
  // The weeks holding the fortnight's first day, its eighth and its last: every day of it, in week views.
  for (const date of [from, addCalendarDays(from, 7), last]) {
    const page = (await run(calendarRoute.loader as Fn, get(`/calendar?view=week&date=${date}`, analystCookie))) as { staffing: DayStaffing[] };
    for (const s of page.staffing) if (s.date >= from && s.date <= last && s.shortfall > 0) days.set(s.date, s);
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

beforeAll(async () => {
  t = await createTestDb("pinch-digest-delivery");
  db = t.db;
  useTestDatabase(t.url);
  smtp = await createTestSmtpServer();
  await smtp.start();
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  analystCookie = await cookieFor(db, "analyst@example.gov");
  // The normal week and its service target, through the baseline page.
  expect(statusOf(await run(baselineRoute.action as Fn, baselineImport(analystCookie, NORMAL_WEEK_CSV)))).toBe(303);
  expect(statusOf(await run(baselineRoute.action as Fn, post("/capacity/baseline", analystCookie, FIVE_MINUTE_TARGET)))).toBe(303);
  // One mailing of 800 calls on the effective date, approved.
  const steps = calendarRequests({ db, analystCookie, effective, timeZone: TZ });
  const id = await steps.analysedToDecision("Leaf collection mailer");
  await steps.act(id, DIRECTOR, { type: "APPROVE", slot: "director" });
  await steps.act(id, "assistant.director@example.gov", { type: "APPROVE", slot: "assistantDirector" });
  // The set-up's own notifications, delivered now so that only the clock's e-mails follow.
  await tickAndDeliver(new Date());
  smtp.received.length = 0;
});

afterAll(async () => {
  await smtp?.stop();
  await t?.cleanup();
});

describe("the weekly pinch-point e-mail, delivered (issue 19)", () => {
  it("a Monday with no pinch point in its two weeks sends nothing, and the next is due a week later", async () => {
    expect(await calendarPinchPoints(quietMonday)).toEqual([]);
    const { ticked, sent } = await tickAndDeliver(at(quietMonday));
    expect(ticked?.pinchPointMails).toBe(0);
    expect(sent.sent).toBe(0);
    expect(smtp.received).toEqual([]);
    expect((await db.staffingBaselineTarget.findUniqueOrThrow({ where: { id: 1 } })).nextDigestOn).toBe(addCalendarDays(quietMonday, 7));
  });

  it("on the Monday before the mailing, the analyst and each COM reviewer get one message naming its days and hours", async () => {
    const expected = await calendarPinchPoints(monday);
    expect(expected.map((d) => d.date)).toContain(effective);
    // The normal week's hours carry equal calls, so the mailing's calls spread evenly and the
    // first staffed hour is as short as any: the day's tightest hour is 08:00–09:00.
    expect(expected.find((d) => d.date === effective)?.hour).toBe(8);

    const { ticked, sent } = await tickAndDeliver(at(monday));
    expect(ticked?.pinchPointMails).toBe(3);
    expect(sent).toMatchObject({ sent: 3, failed: 0, retrying: 0 });
    expect(smtp.received.flatMap((r) => r.rcptTo).sort()).toEqual(COM_AND_ANALYST);
    for (const { parsed, rcptTo } of smtp.received) {
      expect(rcptTo).toHaveLength(1);
      const n = expected.length;
      expect(parsed.subject).toBe(
        `3-1-1 Number Use Portal: ${n} ${n === 1 ? "pinch point" : "pinch points"} from ${formatDate(monday)} to ${formatDate(addCalendarDays(monday, 13))}`,
      );
      const text = parsed.text ?? "";
      for (const day of expected) {
        const hour = `${String(day.hour).padStart(2, "0")}:00–${String(day.hour + 1).padStart(2, "0")}:00`;
        expect(text).toContain(`${formatDate(day.date)}: ${day.shortfall} agent${day.shortfall === 1 ? "" : "s"} short at ${hour} (${day.needed} needed, ${day.planned} planned)`);
      }
      expect(text).toContain(`${APP_URL}/calendar?view=week&date=${monday}`);
    }
  });

  it("a second tick that week, and another later in the week, send nothing more", async () => {
    const before = smtp.received.length;
    expect((await tickAndDeliver(at(monday, 21))).ticked?.pinchPointMails).toBe(0);
    expect((await tickAndDeliver(at(addCalendarDays(monday, 3)))).ticked?.pinchPointMails).toBe(0);
    expect(smtp.received).toHaveLength(before);
    expect(await db.outboxMessage.count({ where: { template: "pinch_points" } })).toBe(3);
  });
});
