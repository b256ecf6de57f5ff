// R1 per route (issue 5): every loader and action of the review, fee, finance, calendar and
// administration pages refuses a signed-in person without the role (403), and a request the
// person may not see is not found (404). Real route modules, real sessions, real SQLite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { columnsOf } from "../../app/requests/answers";
import { createDraft } from "../../app/requests/drafts.server";
import * as adminHome from "../../app/routes/admin._index";
import * as adminDepartment from "../../app/routes/admin.departments.$id";
import * as adminDepartments from "../../app/routes/admin.departments._index";
import * as adminFees from "../../app/routes/admin.fees";
import * as adminUser from "../../app/routes/admin.users.$id";
import * as adminUsers from "../../app/routes/admin.users._index";
import * as calendar from "../../app/routes/calendar";
import * as feed from "../../app/routes/calendar_.feed.$token";
import * as finance from "../../app/routes/finance";
import * as financeCsv from "../../app/routes/finance[.]csv";
import * as analysis from "../../app/routes/requests.$id_.analysis";
import * as fee from "../../app/routes/requests.$id_.fee";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

let t: TestDb;
let db: PrismaClient;
const cookie: Record<string, string> = {};
let requestId = "";
let departmentId = "";
let someUserId = "";

const EMAILS = {
  requester: "requester.partner@example.gov",
  director: "director@example.gov",
  analyst: "analyst@example.gov",
  finance: "finance@example.gov",
  admin: "admin@example.gov",
};

beforeAll(async () => {
  t = await createTestDb("review-access");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  for (const [role, email] of Object.entries(EMAILS)) cookie[role] = await cookieFor(db, email);
  const now = new Date();
  const requester = await personAt(db, EMAILS.requester, now);
  const draft = await createDraft(db, {
    user: requester,
    columns: columnsOf({ type: "materials", title: "Mailer", description: "d", effectiveDate: "2099-01-10", endDate: "2099-01-10" }),
    now,
    timeZone: "America/New_York",
  });
  requestId = draft.id;
  departmentId = (await db.department.findUniqueOrThrow({ where: { code: "DPW" } })).id;
  someUserId = requester.id;
});

afterAll(async () => {
  await t.cleanup();
});

interface RouteCase {
  name: string;
  module: { loader?: unknown; action?: unknown };
  path: () => string;
  params: () => Record<string, string>;
  allowed: Array<keyof typeof EMAILS>;
}

const PAGES: RouteCase[] = [
  { name: "analysis form", module: analysis, path: () => `/requests/${requestId}/analysis`, params: () => ({ id: requestId }), allowed: ["analyst"] },
  { name: "fee form", module: fee, path: () => `/requests/${requestId}/fee`, params: () => ({ id: requestId }), allowed: ["finance"] },
  { name: "finance report", module: finance, path: () => "/finance", params: () => ({}), allowed: ["finance"] },
  { name: "finance CSV", module: financeCsv, path: () => "/finance.csv", params: () => ({}), allowed: ["finance"] },
  { name: "capacity calendar", module: calendar, path: () => "/calendar", params: () => ({}), allowed: ["analyst", "director"] },
  { name: "administration", module: adminHome, path: () => "/admin", params: () => ({}), allowed: ["admin"] },
  { name: "fee schedule", module: adminFees, path: () => "/admin/fees", params: () => ({}), allowed: ["admin"] },
  { name: "departments", module: adminDepartments, path: () => "/admin/departments", params: () => ({}), allowed: ["admin"] },
  {
    name: "one department",
    module: adminDepartment,
    path: () => `/admin/departments/${departmentId}`,
    params: () => ({ id: departmentId }),
    allowed: ["admin"],
  },
  { name: "users", module: adminUsers, path: () => "/admin/users", params: () => ({}), allowed: ["admin"] },
  { name: "one user", module: adminUser, path: () => `/admin/users/${someUserId}`, params: () => ({ id: someUserId }), allowed: ["admin"] },
];

type Fn = Parameters<typeof run>[0];

describe("R1: pages for some roles only", () => {
  for (const page of PAGES) {
    const refused = (Object.keys(EMAILS) as Array<keyof typeof EMAILS>).filter((r) => !page.allowed.includes(r));
    for (const role of refused) {
      it(`${page.name}: refuses a ${role} (loader${page.module.action ? " and action" : ""})`, async () => {
        // The analysis and fee pages answer 404 first to people who may not see the request at all.
        const loaded = await run(page.module.loader as Fn, get(page.path(), cookie[role]), page.params());
        expect(statusOf(loaded)).toBe(403);
        if (page.module.action) {
          const before = await db.auditEntry.count();
          const acted = await run(page.module.action as Fn, post(page.path(), cookie[role], { intent: "record" }), page.params());
          expect(statusOf(acted)).toBe(403);
          expect(await db.auditEntry.count()).toBe(before);
        }
      });
    }
    it(`${page.name}: lets ${page.allowed.join(" and ")} in`, async () => {
      for (const role of page.allowed) {
        const status = statusOf(await run(page.module.loader as Fn, get(page.path(), cookie[role]), page.params()));
        // The fee page is 404 for this draft: Finance sees requests only from fee assessment on.
        expect(status).toBe(page.module === fee ? 404 : 200);
      }
    });
    it(`${page.name}: sends a signed-out visitor to sign in`, async () => {
      const answer = await run(page.module.loader as Fn, get(page.path(), null), page.params());
      expect(statusOf(answer)).toBe(302);
      expect((answer as Response).headers.get("Location")).toMatch(/^\/sign-in/);
    });
  }
});

describe("R1: requests a person may not see do not exist for them", () => {
  it("Finance gets 404 for a request that has not reached fee assessment", async () => {
    expect(statusOf(await run(fee.loader as Fn, get(`/requests/${requestId}/fee`, cookie.finance), { id: requestId }))).toBe(404);
    const acted = await run(fee.action as Fn, post(`/requests/${requestId}/fee`, cookie.finance, { amount: "0", scheduleVersion: "1" }), {
      id: requestId,
    });
    expect(statusOf(acted)).toBe(404);
  });

  it("an unknown request is 404 for the analyst", async () => {
    expect(statusOf(await run(analysis.loader as Fn, get("/requests/nope/analysis", cookie.analyst), { id: "nope" }))).toBe(404);
  });

  it("the calendar feed is 404 for an unknown token", async () => {
    expect(statusOf(await run(feed.loader as Fn, get("/calendar/feed/x.ics", null), { token: `${"a".repeat(43)}.ics` }))).toBe(404);
  });
});

describe("the analysis form refuses what the machine refuses", () => {
  it("shows the machine's reason and records nothing while the request is a draft", async () => {
    const page = (await run(analysis.loader as Fn, get(`/requests/${requestId}/analysis`, cookie.analyst), { id: requestId })) as {
      refusal: string | null;
    };
    expect(page.refusal).toMatch(/not possible while the request is at "Draft"/);
    const answer = await run(
      analysis.action as Fn,
      post(`/requests/${requestId}/analysis`, cookie.analyst, {
        intent: "record",
        audienceSize: "1000",
        responseRate: "0.01",
        firstDistributionDate: "2099-01-10",
        lastDistributionDate: "2099-01-10",
        handleTimeMinutes: "5",
      }),
      { id: requestId },
    );
    expect(statusOf(answer)).toBe(422);
    expect(await db.analysis.count()).toBe(0);
  });
});
