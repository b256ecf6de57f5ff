// `npm run lighthouse` audits every page of the portal (issue 20): each route that renders a
// page (a route module with a component) is in lighthouse/pages.ts, for each role that uses it,
// and the pages every role sees are there for every role. A page route added without an entry
// fails here.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { auditPages, DRAFT_TITLE, ERROR_ONLY_ROUTES, FEE_TITLE, ROLES, type Role } from "../../lighthouse/pages";

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");

/**
 * Route ids of the modules with a default export (a component): the pages. A POST-only route
 * (its loader answers 405, with the portal's refusal page) has no page to audit.
 */
function pageRoutes(): string[] {
  const source = (file: string) => fs.readFileSync(path.join(routesDir, file), "utf8");
  return fs
    .readdirSync(routesDir)
    .filter((file) => /^export default /m.test(source(file)) && !/status: 405/.test(source(file)))
    .map((file) => `routes/${file.replace(/\.tsx?$/, "")}`)
    .sort();
}

const titles = ["Leaf collection postcard", "Summer reading flyer", "Snow plow hotline routed to 3-1-1", DRAFT_TITLE, FEE_TITLE];
const pages = auditPages({
  cookies: Object.fromEntries(Object.keys(ROLES).map((role) => [role, `portal_session=${role}`])) as Record<Role, string>,
  requests: titles.map((title, i) => ({ id: `id-${i}`, title, state: "draft" })),
  invitationToken: "token",
  verifyCookie: "portal_mfa=verify",
  enrolCookie: "portal_mfa=enrol",
  userIds: { newcomer: "newcomer" },
  departmentId: "department",
  callUploadId: "upload",
  today: "2026-12-01",
});

test("every page route of the portal is audited, but those whose page is only ever an error answer", () => {
  const routes = pageRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const audited = [...new Set(pages.map((p) => p.route))];
  expect(audited.filter((route) => ERROR_ONLY_ROUTES.includes(route))).toEqual([]);
  expect([...audited, ...ERROR_ONLY_ROUTES].sort()).toEqual(routes);
});

test("home, the request list and account pages are audited for every role, signed in as that role", () => {
  for (const [role, cookie] of Object.entries(ROLES).map(([role]) => [role, `portal_session=${role}`])) {
    for (const route of ["routes/_index", "routes/requests._index", "routes/account.password", "routes/account.mfa"]) {
      expect(pages.some((p) => p.route === route && p.cookie === cookie), `${route} for ${role}`).toBe(true);
    }
  }
});

test("page names are unique (they name the rows of the report)", () => {
  expect(new Set(pages.map((p) => p.name)).size).toBe(pages.length);
});
