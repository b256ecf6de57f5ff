// The pages the audits visit: every page route of the portal (a route with a component), each
// for the roles that use it, and the pages every role sees (home, the list, a request, account)
// for every role. tests/unit/lighthouse-pages.test.ts checks that no page route is missing.
// Pages answered 200 only: Lighthouse refuses to audit an error page (the 404 page's look is
// the root layout's, which every page here shows).

import { DEMO_PERSONAS } from "../prisma/demo-accounts";

/** One demo account per role. */
export const ROLES = DEMO_PERSONAS;

export type Role = keyof typeof ROLES;

/** Requests added beside the demo ones (lighthouse/site.ts). */
export const DRAFT_TITLE = "Storm drain line, draft";
export const FEE_TITLE = "Storm drain hotline routed to 311";

/**
 * Page routes whose page is only ever an error answer, which Lighthouse refuses to audit
 * (ERRORED_DOCUMENT_REQUEST for any 4xx or 5xx document): single sign-on's "provider not
 * answering" (502) and "sign-in refused" pages (issue 18). tests/e2e/sso.spec.ts checks the refused page with axe.
 */
export const ERROR_ONLY_ROUTES = ["routes/sign-in_.oidc", "routes/sign-in_.oidc_.callback"];

export interface SiteFacts {
  cookies: Record<Role, string>;
  requests: Array<{ id: string; title: string; state: string }>;
  invitationToken: string;
  /** A sign-in waiting for the director's code; a newcomer's waiting for enrolment. */
  verifyCookie: string;
  enrolCookie: string;
  userIds: { newcomer: string };
  departmentId: string;
  /** A phone-system export uploaded and waiting for the analyst's preview (issue 19). */
  callUploadId: string;
  /** Today in the county (YYYY-MM-DD). */
  today: string;
}

export interface AuditPage {
  /** Unique, for reports: "role: what". */
  name: string;
  /** The Remix route id it renders (tests/unit/lighthouse-pages.test.ts). */
  route: string;
  path: string;
  /** The Cookie header; none for a signed-out visit. */
  cookie?: string;
}

export function auditPages(facts: SiteFacts): AuditPage[] {
  const id = (title: string) => {
    const found = facts.requests.find((r) => r.title === title);
    if (!found) throw new Error(`No request "${title}" in the audit database`);
    return found.id;
  };
  const anyDepartment = id("Leaf collection postcard");
  const pages: AuditPage[] = [
    { name: "signed out: sign-in", route: "routes/sign-in", path: "/sign-in" },
    { name: "signed out: two-step code", route: "routes/sign-in_.verify", path: "/sign-in/verify", cookie: facts.verifyCookie },
    { name: "signed out: set up two-step sign-in", route: "routes/sign-in_.set-up-mfa", path: "/sign-in/set-up-mfa", cookie: facts.enrolCookie },
    { name: "signed out: invitation", route: "routes/invite.$token", path: `/invite/${facts.invitationToken}` },
  ];
  // A request each role may see (R1): the partner's for COM, Finance and the Contact Center.
  // The administrator manages accounts and departments and sees no request.
  const ownRequest: Partial<Record<Role, string>> = {
    requester: anyDepartment,
    otherRequester: id("Summer reading flyer"),
    director: anyDepartment,
    assistant: anyDepartment,
    analyst: id("Snow plow hotline routed to 3-1-1"),
    finance: id(FEE_TITLE),
  };
  for (const role of Object.keys(ROLES) as Role[]) {
    const cookie = facts.cookies[role];
    const request = ownRequest[role];
    pages.push(
      { name: `${role}: home`, route: "routes/_index", path: "/", cookie },
      { name: `${role}: requests`, route: "routes/requests._index", path: "/requests", cookie },
      ...(request ? [{ name: `${role}: request`, route: "routes/requests.$id", path: `/requests/${request}`, cookie }] : []),
      { name: `${role}: password`, route: "routes/account.password", path: "/account/password", cookie },
      { name: `${role}: two-step sign-in`, route: "routes/account.mfa", path: "/account/mfa", cookie },
    );
  }
  const { requester, otherRequester, director, analyst, finance, admin } = facts.cookies;
  pages.push(
    { name: "requester: help", route: "routes/help", path: "/help", cookie: requester },
    { name: "requester: new request", route: "routes/requests.new", path: "/requests/new", cookie: requester },
    { name: "requester: check answers", route: "routes/requests.$id_.check", path: `/requests/${id(DRAFT_TITLE)}/check`, cookie: requester },
    { name: "requester: edit draft", route: "routes/requests.$id_.edit", path: `/requests/${id(DRAFT_TITLE)}/edit`, cookie: requester },
    { name: "requester: files", route: "routes/requests.$id_.attachments", path: `/requests/${id(DRAFT_TITLE)}/attachments`, cookie: requester },
    { name: "requester: confirmation", route: "routes/requests.$id_.confirmation", path: `/requests/${anyDepartment}/confirmation`, cookie: requester },
    { name: "requester: search", route: "routes/requests._index", path: "/requests?q=Leaf", cookie: requester },
    { name: "otherRequester: changes requested", route: "routes/requests.$id_.edit", path: `/requests/${id("Summer reading flyer")}/edit`, cookie: otherRequester },
    { name: "director: calendar, month", route: "routes/calendar", path: "/calendar", cookie: director },
    { name: "analyst: calendar, week", route: "routes/calendar", path: "/calendar?view=week", cookie: analyst },
    { name: "analyst: calendar, day", route: "routes/calendar", path: `/calendar?day=${facts.today}`, cookie: analyst },
    { name: "analyst: staffing baseline", route: "routes/capacity.baseline", path: "/capacity/baseline", cookie: analyst },
    { name: "analyst: actual calls", route: "routes/actuals._index", path: "/actuals", cookie: analyst },
    { name: "analyst: actual calls, preview", route: "routes/actuals.uploads.$id", path: `/actuals/uploads/${facts.callUploadId}`, cookie: analyst },
    { name: "analyst: queue codes", route: "routes/requests.$id_.queues", path: `/requests/${id("Snow plow hotline routed to 3-1-1")}/queues`, cookie: analyst },
    { name: "director: forecast accuracy", route: "routes/accuracy", path: "/accuracy", cookie: director },
    { name: "analyst: analysis", route: "routes/requests.$id_.analysis", path: `/requests/${id("Snow plow hotline routed to 3-1-1")}/analysis`, cookie: analyst },
    { name: "finance: fees report", route: "routes/finance", path: "/finance", cookie: finance },
    { name: "finance: fee", route: "routes/requests.$id_.fee", path: `/requests/${id(FEE_TITLE)}/fee`, cookie: finance },
    { name: "finance: verify a letter", route: "routes/verify.$reference", path: "/verify/311-2026-0001?code=0000-0000", cookie: finance },
    { name: "admin: administration", route: "routes/admin._index", path: "/admin", cookie: admin },
    { name: "admin: users", route: "routes/admin.users._index", path: "/admin/users", cookie: admin },
    { name: "admin: user", route: "routes/admin.users.$id", path: `/admin/users/${facts.userIds.newcomer}`, cookie: admin },
    { name: "admin: departments", route: "routes/admin.departments._index", path: "/admin/departments", cookie: admin },
    { name: "admin: department", route: "routes/admin.departments.$id", path: `/admin/departments/${facts.departmentId}`, cookie: admin },
    { name: "admin: fee schedule", route: "routes/admin.fees", path: "/admin/fees", cookie: admin },
    { name: "admin: holidays", route: "routes/admin.holidays", path: "/admin/holidays", cookie: admin },
    { name: "admin: e-mail", route: "routes/admin.mail", path: "/admin/mail", cookie: admin },
  );
  return pages;
}
