// Issue 5 end to end on the server: analysis stored with the request, fee with its working
// and R13's reason, fee schedule versions, the Finance report and CSV, the capacity calendar
// and its feed, and the administration's audited changes. Real route modules and SQLite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionStore } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import { financeReport } from "../../app/fees/financeReport.server";
import { columnsOf } from "../../app/requests/answers";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as departmentRoute from "../../app/routes/admin.departments.$id";
import * as feesRoute from "../../app/routes/admin.fees";
import * as userRoute from "../../app/routes/admin.users.$id";
import * as usersRoute from "../../app/routes/admin.users._index";
import * as calendarRoute from "../../app/routes/calendar";
import * as feedRoute from "../../app/routes/calendar_.feed.$token";
import * as financeRoute from "../../app/routes/finance";
import * as csvRoute from "../../app/routes/finance[.]csv";
import * as inviteRoute from "../../app/routes/invite.$token";
import * as requestRoute from "../../app/routes/requests.$id";
import * as signInRoute from "../../app/routes/sign-in";
import * as analysisRoute from "../../app/routes/requests.$id_.analysis";
import * as feeRoute from "../../app/routes/requests.$id_.fee";
import { addCalendarDays, localDate } from "workflows";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { analysisFields } from "../support/requests";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
/** The sign-in page without a single sign-on provider: the password form only (issue 18). */
const LOCAL_ONLY = { localSignIn: true, providerName: null };
let t: TestDb;
let db: PrismaClient;
const cookie: Record<string, string> = {};
let requestId = "";
const today = localDate(new Date(), TZ);
const effective = addCalendarDays(today, 20);

type Fn = Parameters<typeof run>[0];

async function act(email: string, event: EventPayload) {
  const outcome = await transition(db, { request: requestId, by: await personAt(db, email, new Date()), event, now: new Date(), timeZone: TZ });
  if (!outcome.ok) throw new Error(`${event.type}: ${outcome.reason}`);
}

const ANALYSIS = analysisFields(effective);

beforeAll(async () => {
  t = await createTestDb("review-flow");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  for (const role of ["director", "analyst", "finance", "admin"]) cookie[role] = await cookieFor(db, `${role}@example.gov`);
  cookie.requester = await cookieFor(db, "requester.partner@example.gov");
  const requester = await personAt(db, "requester.partner@example.gov", new Date());
  const draft = await createDraft(db, {
    user: requester,
    columns: columnsOf({
      type: "materials",
      title: "Leaf collection mailer",
      description: "Postcards about leaf collection.",
      effectiveDate: effective,
      endDate: effective,
      materialsKind: "mailing",
      audienceSize: "40000",
      languages: "English",
      contactName: "Pat Partner",
      contactPhone: "240-777-0311",
    }),
    now: new Date(),
    timeZone: TZ,
  });
  requestId = draft.id;
  await act("requester.partner@example.gov", { type: "SUBMIT" });
  await act("director@example.gov", { type: "ORDER_ANALYSIS" });
});

afterAll(async () => {
  await t.cleanup();
});

describe("call volume analysis", () => {
  it("prefills the calculator from the request's answers", async () => {
    const page = (await run(analysisRoute.loader as Fn, get(`/requests/${requestId}/analysis`, cookie.analyst), { id: requestId })) as {
      defaults: Record<string, string>;
      refusal: string | null;
    };
    expect(page.refusal).toBeNull();
    expect(page.defaults).toMatchObject({ audienceSize: "40000", firstDistributionDate: effective, handleTimeMinutes: "5" });
  });

  it("previews without recording, and shows each field's problem", async () => {
    const preview = (await run(analysisRoute.action as Fn, post(`/requests/${requestId}/analysis`, cookie.analyst, { intent: "preview", ...ANALYSIS }), {
      id: requestId,
    })) as { result: { projection: { totalCalls: number } } };
    expect(preview.result.projection.totalCalls).toBe(800);
    expect(await db.analysis.count()).toBe(0);
    const bad = await run(
      analysisRoute.action as Fn,
      post(`/requests/${requestId}/analysis`, cookie.analyst, { intent: "preview", ...ANALYSIS, responseRate: "2" }),
      { id: requestId },
    );
    expect(statusOf(bad)).toBe(400);
    expect((bad as { data: { errors: Record<string, string> } }).data.errors.responseRate).toMatch(/at most 1/);
  });

  it("records: the machine moves on and the inputs and outputs are stored with the request", async () => {
    const answer = await run(
      analysisRoute.action as Fn,
      post(`/requests/${requestId}/analysis`, cookie.analyst, { intent: "record", ...ANALYSIS, recommendation: "Add one agent." }),
      { id: requestId },
    );
    expect(statusOf(answer)).toBe(303);
    const row = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.state).toBe("feeAssessment");
    const stored = await db.analysis.findFirstOrThrow({ where: { requestId } });
    expect(JSON.parse(stored.outputs)).toMatchObject({ totalCalls: 800, analystRecommendation: "Add one agent." });
    const page = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}`, cookie.director), { id: requestId })) as {
      storedAnalysis: { outputs: { totalCalls: number; daily: unknown[] }; recommendation: string } | null;
    };
    expect(page.storedAnalysis?.outputs.totalCalls).toBe(800);
    expect(page.storedAnalysis?.recommendation).toBe("Add one agent.");
  });
});

describe("fee assessment (R13)", () => {
  it("shows the suggestion with its working and schedule version", async () => {
    const page = (await run(feeRoute.loader as Fn, get(`/requests/${requestId}/fee`, cookie.finance), { id: requestId })) as {
      suggestion: { working: string; scheduleVersion: number };
      defaults: { amount: string };
    };
    expect(page.suggestion.working).toBe("$0.00 set-up + 800 calls × $4.33 = $3,464.00");
    expect(page.suggestion.scheduleVersion).toBe(1);
    expect(page.defaults.amount).toBe("3464.00");
  });

  it("refuses a fee that differs from the suggestion without a reason, with the machine's message beside the reason field", async () => {
    const answer = await run(feeRoute.action as Fn, post(`/requests/${requestId}/fee`, cookie.finance, { amount: "3000", scheduleVersion: "1" }), {
      id: requestId,
    });
    expect(statusOf(answer)).toBe(422);
    const errors = (answer as { data: { errors: Record<string, string> } }).data.errors;
    expect(Object.keys(errors)).toEqual(["reason"]);
    expect(errors.reason).toMatch(/reason/);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).state).toBe("feeAssessment");
  });

  it("a new fee schedule version makes the page's suggestion stale: Finance is told, nothing changes", async () => {
    const saved = await run(
      feesRoute.action as Fn,
      post("/admin/fees", cookie.admin, {
        loadedHourlyCost: "60",
        averageHandleMinutes: "5",
        "setupFees.materials": "0",
        "setupFees.call_routing": "300",
        "setupFees.automated_response": "500",
      }),
    );
    expect((saved as Response).headers.get("Location")).toBe("/admin/fees?saved=2");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { requestId: null, event: "FEE_SCHEDULE_SAVED" } });
    expect(audit.actorName).toBe("Addy Admin");
    const stale = await run(feeRoute.action as Fn, post(`/requests/${requestId}/fee`, cookie.finance, { amount: "3464", scheduleVersion: "1" }), {
      id: requestId,
    });
    expect(statusOf(stale)).toBe(409);
  });

  it("accepts a fee with a reason and keeps the schedule version it used", async () => {
    const answer = await run(
      feeRoute.action as Fn,
      post(`/requests/${requestId}/fee`, cookie.finance, { amount: "3000", reason: "Partner discount.", scheduleVersion: "2" }),
      { id: requestId },
    );
    expect(statusOf(answer)).toBe(303);
    const page = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}`, cookie.finance), { id: requestId })) as {
      fee: { amount: number; suggested: number; scheduleVersion: number; reason: string };
    };
    // $5.00 a call under version 2: 800 × $5.00.
    expect(page.fee).toMatchObject({ amount: 3000, suggested: 4000, scheduleVersion: 2, reason: "Partner discount." });
  });
});

describe("Finance report", () => {
  it("lists the fee by department and fiscal year, with its status, on the page and in the CSV", async () => {
    type FinancePage = { tables: string; page: number; pages: number; count: number };
    const financePage = async (path: string) => (await run(financeRoute.loader as Fn, get(path, cookie.finance))) as FinancePage;
    const departmentRow = (tables: string) => /<th scope="row" data-label="Department">Public Works<\/th>(.*?)<\/tr>/.exec(tables)?.[1];
    const page = await financePage("/finance");
    expect(departmentRow(page.tables)).toContain('<td data-label="Assessed, awaiting the department">$3,000.00</td><td data-label="Accepted">$0.00</td>');
    const pastTheEnd = await financePage("/finance?page=99");
    expect(pastTheEnd).toMatchObject({ page: 1, pages: 1, count: 1 });
    expect(pastTheEnd.tables).toContain(`<a href="/requests/${requestId}">`);
    await act("requester.partner@example.gov", { type: "ACCEPT_FEE", accountCode: "100-2000" });
    // The report is remembered per data version: the accepted fee shows at once.
    const accepted = await financePage("/finance");
    expect(departmentRow(accepted.tables)).toContain('<td data-label="Assessed, awaiting the department">$0.00</td><td data-label="Accepted">$3,000.00</td>');
    // The page shows what it lists: the account code is the CSV's alone.
    expect(accepted.tables).toContain('<td data-label="Status">Accepted</td>');
    expect(accepted.tables).not.toContain("100-2000");
    // The year's totals are worked out once per data version, not on every request (issue 17).
    const url = new URL("http://portal.test/finance");
    const finance = await personAt(db, "finance@example.gov", new Date());
    expect((await financeReport(db, finance, url)).totals).toBe((await financeReport(db, finance, url)).totals);
    const csv = (await run(csvRoute.loader as Fn, get("/finance.csv", cookie.finance))) as Response;
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("Fiscal year,Department,Request,Title,Assessed on,Fee (USD),Suggested (USD),Fee schedule version,Status,Account code");
    expect(lines[1]).toMatch(/,Public Works,.*,Leaf collection mailer,.*,3000\.00,4000\.00,2,Accepted,100-2000$/);
  });
});

describe("capacity calendar and feed", () => {
  it("shows the request on its day with its projected calls, pending until approved", async () => {
    const page = (await run(calendarRoute.loader as Fn, get(`/calendar?view=week&date=${effective}`, cookie.analyst))) as {
      loads: Array<{ date: string; pendingCalls: number; approvedCalls: number; entries: Array<{ status: string }> }>;
    };
    const day = page.loads.find((l) => l.date === effective);
    expect(day?.entries).toEqual([expect.objectContaining({ status: "pending" })]);
    expect(day?.pendingCalls).toBeGreaterThan(0);
    expect(day?.approvedCalls).toBe(0);
  });

  it("serves approved requests at the secret address until it is revoked", async () => {
    const made = (await run(calendarRoute.action as Fn, post("/calendar", cookie.analyst, { intent: "renew" }))) as { feedUrl: string };
    const token = made.feedUrl.split("/").pop() ?? "";
    const tokenRow = await db.calendarFeed.findFirstOrThrow();
    expect(tokenRow.tokenHash).not.toContain(token.replace(".ics", ""));
    const before = (await run(feedRoute.loader as Fn, get("/feed", null), { token })) as Response;
    expect(await before.text()).not.toContain("Leaf collection mailer");
    await act("director@example.gov", { type: "APPROVE", slot: "director" });
    await act("assistant.director@example.gov", { type: "APPROVE", slot: "assistantDirector" });
    const after = (await run(feedRoute.loader as Fn, get("/feed", null), { token })) as Response;
    expect(after.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    const ics = await after.text();
    expect(ics).toContain(`DTSTART;VALUE=DATE:${effective.replaceAll("-", "")}`);
    expect(ics).toContain("Leaf collection mailer");
    await run(calendarRoute.action as Fn, post("/calendar", cookie.analyst, { intent: "revoke" }));
    expect(statusOf(await run(feedRoute.loader as Fn, get("/feed", null), { token }))).toBe(404);
  });
});

describe("administration", () => {
  it("clearing a partnership is audited with who and when, in the portal's chain", async () => {
    const dpw = await db.department.findUniqueOrThrow({ where: { code: "DPW" } });
    const answer = await run(
      departmentRoute.action as Fn,
      post(`/admin/departments/${dpw.id}`, cookie.admin, { code: "DPW", name: "Public Works", partnerSince: "" }),
      { id: dpw.id },
    );
    expect(statusOf(answer)).toBe(303);
    expect((await db.department.findUniqueOrThrow({ where: { id: dpw.id } })).partnerSince).toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { event: "PARTNERSHIP_CLEARED" } });
    expect(entry).toMatchObject({ requestId: null, actorName: "Addy Admin", comment: "DPW: 3-1-1 partner since Fri, Mar 1, 2019 → not a 3-1-1 partner" });
  });

  it("invites a person, whose single-use link sets a first password they can sign in with", async () => {
    const invited = (await run(
      usersRoute.action as Fn,
      post("/admin/users", cookie.admin, { name: "Jane Roe", email: "Jane.Roe@example.gov", departmentId: "", roles: ["analyst"] }),
    )) as { invited: { link: string; userId: string } };
    const token = invited.invited.link.split("/invite/")[1];
    // The invitation e-mail is queued with the account, naming the invitation; its link is made as it is sent.
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { template: "invitation" } });
    expect(JSON.parse(mail.recipients)).toEqual([{ email: "jane.roe@example.gov", name: "Jane Roe" }]);
    const invitation = await db.invitation.findFirstOrThrow({ where: { user: { email: "jane.roe@example.gov" } } });
    expect(JSON.parse(mail.data)).toEqual({ name: "Jane Roe", invitationId: invitation.id, choosesPassword: true });
    expect(await getSessionStore().authenticate("jane.roe@example.gov", "")).toBeNull();
    // Invited, not active, until the link is used (issue 13).
    const statusOfJane = async () =>
      ((await run(usersRoute.loader as Fn, get("/admin/users", cookie.admin))) as { users: Array<{ name: string; status: string }> }).users.find(
        (u) => u.name === "Jane Roe",
      )?.status;
    expect(await statusOfJane()).toBe("Invited");
    const password = "correct horse battery staple 311";
    const set = await run(inviteRoute.action as Fn, post(`/invite/${token}`, null, { newPassword: password, confirmPassword: password }), { token });
    // The sign-in page says the password is set, with the address filled in.
    const signInAt = (set as Response).headers.get("Location")!;
    expect(signInAt).toBe("/sign-in?invited=1&email=jane.roe%40example.gov");
    expect(await run(signInRoute.loader as Fn, get(signInAt, null))).toEqual({
      invited: true,
      email: "jane.roe@example.gov",
      reference: null,
      ...LOCAL_ONLY,
    });
    expect((await getSessionStore().authenticate("jane.roe@example.gov", password))?.name).toBe("Jane Roe");
    expect(await statusOfJane()).toBe("Active");
    const again = await run(inviteRoute.action as Fn, post(`/invite/${token}`, null, { newPassword: password, confirmPassword: password }), { token });
    expect(statusOf(again)).toBe(400);
  });

  it("a link to a request opened while signed out names the request on the sign-in page, and nothing more", async () => {
    const { reference } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { reference: true } });
    const page = await run(signInRoute.loader as Fn, get(`/sign-in?redirectTo=${encodeURIComponent(`/requests/${requestId}`)}`, null));
    expect(page).toEqual({ invited: false, email: "", reference, ...LOCAL_ONLY });
    // An address that is not a request's, or a request that does not exist, names nothing.
    expect(await run(signInRoute.loader as Fn, get("/sign-in?redirectTo=%2Frequests%2Fnope", null))).toMatchObject({ reference: null });
    expect(await run(signInRoute.loader as Fn, get("/sign-in?redirectTo=%2Fcalendar&email=not-an-address", null))).toEqual({
      invited: false,
      email: "",
      reference: null,
      ...LOCAL_ONLY,
    });
  });

  it("an acting appointment gives the role for its dates only, and the audit says so (R3)", async () => {
    const jane = await db.user.findUniqueOrThrow({ where: { email: "jane.roe@example.gov" } });
    const answer = await run(
      userRoute.action as Fn,
      post(`/admin/users/${jane.id}`, cookie.admin, { intent: "appoint", role: "director", startsOn: today, endsOn: addCalendarDays(today, 6) }),
      { id: jane.id },
    );
    expect(statusOf(answer)).toBe(303);
    expect((await personAt(db, jane.email, new Date())).roles).toContainEqual({ role: "director", acting: true });
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect((await personAt(db, jane.email, later)).roles).not.toContainEqual({ role: "director", acting: true });
    expect((await db.auditEntry.findFirstOrThrow({ where: { event: "ACTING_APPOINTED" } })).comment).toContain("Jane Roe, acting Director");
  });

  it("deactivating ends the person's sessions and sign-in; their history stays", async () => {
    const requester = await db.user.findUniqueOrThrow({ where: { email: "requester.partner@example.gov" } });
    expect(await db.session.count({ where: { userId: requester.id } })).toBeGreaterThan(0);
    const answer = await run(userRoute.action as Fn, post(`/admin/users/${requester.id}`, cookie.admin, { intent: "deactivate" }), {
      id: requester.id,
    });
    expect(statusOf(answer)).toBe(303);
    expect(await db.session.count({ where: { userId: requester.id } })).toBe(0);
    expect(await getSessionStore().authenticate(requester.email, DEMO_PASSWORD)).toBeNull();
    expect(await db.request.count({ where: { submitterId: requester.id } })).toBe(1);
  });

  it("an admin cannot deactivate themselves", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.gov" } });
    const answer = await run(userRoute.action as Fn, post(`/admin/users/${admin.id}`, cookie.admin, { intent: "deactivate" }), { id: admin.id });
    expect(statusOf(answer)).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });
});
