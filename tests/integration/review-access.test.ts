// R1 per route (issue 5): every loader and action of the review, fee, finance, calendar and
// administration pages refuses a signed-in person without the role (403), and a request the
// person may not see is not found (404), a draft included (R18). Real route modules, real
// sessions, real SQLite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
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
import { materialsColumns } from "../support/requests";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

let t: TestDb;
let db: PrismaClient;
const cookie: Record<string, string> = {};
let requestId = "";
let draftId = "";
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
  const create = () => createDraft(db, { user: requester, columns: materialsColumns("2099-01-10", "Mailer"), now, timeZone: "America/New_York" });
  requestId = (await create()).id;
  const submitted = await transition(db, { request: requestId, by: requester, event: { type: "SUBMIT" }, now, timeZone: "America/New_York" });
  expect(submitted.ok).toBe(true);
  draftId = (await create()).id;
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
        expect(status).toBe(200);
      }
    });
    it(`${page.name}: sends a signed-out visitor to sign in`, async () => {
      const answer = await run(page.module.loader as Fn, get(page.path(), null), page.params());
      expect(statusOf(answer)).toBe(302);
      expect((answer as Response).headers.get("Location")).toMatch(/^\/sign-in/);
    });
  }
});

describe("the finance CSV", () => {
  it("sends someone without the Finance role to the report page, which refuses them with the portal's page", async () => {
    for (const role of ["requester", "director", "analyst", "admin"] as const) {
      const answer = await run(financeCsv.loader as Fn, get("/finance.csv?year=2027", cookie[role]));
      expect(statusOf(answer)).toBe(302);
      expect((answer as Response).headers.get("Location")).toBe("/finance?year=2027");
      expect(statusOf(await run(finance.loader as Fn, get("/finance?year=2027", cookie[role])))).toBe(403);
    }
    const file = (await run(financeCsv.loader as Fn, get("/finance.csv", cookie.finance))) as Response;
    expect(file.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  });

  it("sends a signed-out visitor to sign in", async () => {
    const answer = await run(financeCsv.loader as Fn, get("/finance.csv", null));
    expect((answer as Response).headers.get("Location")).toMatch(/^\/sign-in/);
  });
});

describe("R1: requests a person may not see do not exist for them", () => {
  it("R18: a draft is its department's own: 404 for Finance and the analyst, on page and action", async () => {
    expect(statusOf(await run(fee.loader as Fn, get(`/requests/${draftId}/fee`, cookie.finance), { id: draftId }))).toBe(404);
    const acted = await run(fee.action as Fn, post(`/requests/${draftId}/fee`, cookie.finance, { amount: "0", scheduleVersion: "1" }), {
      id: draftId,
    });
    expect(statusOf(acted)).toBe(404);
    expect(statusOf(await run(analysis.loader as Fn, get(`/requests/${draftId}/analysis`, cookie.analyst), { id: draftId }))).toBe(404);
  });

  it("an unknown request is 404 for the analyst", async () => {
    expect(statusOf(await run(analysis.loader as Fn, get("/requests/nope/analysis", cookie.analyst), { id: "nope" }))).toBe(404);
  });

  it("the calendar feed is 404 for an unknown token", async () => {
    expect(statusOf(await run(feed.loader as Fn, get("/calendar/feed/x.ics", null), { token: `${"a".repeat(43)}.ics` }))).toBe(404);
  });
});

describe("the analysis form refuses what the machine refuses", () => {
  it("shows the machine's reason and records nothing while the request is in screening", async () => {
    const page = (await run(analysis.loader as Fn, get(`/requests/${requestId}/analysis`, cookie.analyst), { id: requestId })) as {
      refusal: string | null;
    };
    expect(page.refusal).toMatch(/not possible while the request is at "Screening by COM"/);
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
