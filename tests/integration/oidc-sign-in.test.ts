// Single sign-on with a real OpenID Connect provider (issue 18): `oidc-provider` on a loopback
// port, the portal's openid-client against it, through the real routes. Claiming an invitation,
// finding the account by subject afterwards, refusing the unknown and the deactivated, refusing
// a tampered state, a replayed code, a wrong nonce, a forged or expired ID token, the provider's
// MFA standing in for the portal's code (SPEC R2: directors, assistant directors, finance and
// administrators sign in with two steps), sign-out at the provider, and LOCAL_SIGN_IN=off.
import { generateKeyPairSync } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "../../app/admin/invitations.server";
import { inviteUser } from "../../app/admin/users.server";
import { loader as usersLoader } from "../../app/routes/admin.users._index";
import { getSessionStore } from "../../app/auth/session.server";
import { getDb } from "../../app/db.server";
import { action as signInAction, loader as signInLoader } from "../../app/routes/sign-in";
import { loader as startLoader } from "../../app/routes/sign-in_.oidc";
import { loader as callbackLoader } from "../../app/routes/sign-in_.oidc_.callback";
import { action as signOutAction } from "../../app/routes/sign-out";
import { action as inviteAction, loader as inviteLoader } from "../../app/routes/invite.$token";
import { action as passwordAction, loader as passwordLoader } from "../../app/routes/account.password";
import { loader as mfaLoader } from "../../app/routes/account.mfa";
import { loader as rootLoader } from "../../app/root";
import { action as userAction, loader as userLoader } from "../../app/routes/admin.users.$id";
import { action as verifyAction } from "../../app/routes/sign-in_.verify";
import { totpCode } from "../../app/auth/mfa.server";
import { loadSettings, resetSettings, type Settings } from "../../app/settings.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PERSONAS } from "../../prisma/demo-accounts";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT } from "../support/people";
import { startTestProvider, type TestProvider } from "../support/oidcProvider";
import { createTestDb, type TestDb } from "../support/testDb";
import { cookieHeader, outcomeOf, type Outcome } from "../support/routes";

const PORTAL = "http://portal.test";
let t: TestDb;
let idp: TestProvider;
let settings: Settings;

/** The portal's settings with this provider; `env` changes or adds variables (undefined removes one). */
const portalSettings = (env: Record<string, string | undefined> = {}) =>
  loadSettings({
    NODE_ENV: "test",
    SESSION_SECRET: "s".repeat(40),
    DATABASE_URL: t.url,
    APP_URL: PORTAL,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_NAME: "County ID",
    OIDC_MFA_ACR: "urn:county:loa:2",
    ...env,
  });

/** Run `body` with other settings in force, then the usual ones again. */
async function withSettings(other: Settings, body: () => Promise<void>) {
  resetSettings(other);
  try {
    await body();
  } finally {
    resetSettings(settings);
  }
}

beforeAll(async () => {
  t = await createTestDb("oidc-sign-in");
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT });
  idp = await startTestProvider({ redirectUri: `${PORTAL}/sign-in/oidc/callback`, postLogoutRedirectUri: `${PORTAL}/sign-in` });
  settings = portalSettings();
  resetSettings(settings);
});

afterAll(async () => {
  await getDb().$disconnect();
  await idp?.stop();
  await t.cleanup();
  resetSettings();
});

const context = { cspNonce: "n", clientAddress: "10.18.0.1" } as AppLoadContext;



const get = (url: string, cookie?: string) => new Request(url, { headers: cookie ? { Cookie: cookie } : {} });

/** The button: the portal sends the browser to the provider, with its flow cookie. */
async function start(redirectTo = "/requests") {
  const started = await outcomeOf(() => startLoader({ request: get(`${PORTAL}/sign-in/oidc?redirectTo=${encodeURIComponent(redirectTo)}`), context, params: {} }));
  expect(started.status).toBe(303);
  expect(started.location).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
  return { authorizationUrl: started.location!, flowCookie: cookieHeader(started.cookies) };
}

const callback = (url: URL | string, flowCookie: string) =>
  outcomeOf(() => callbackLoader({ request: get(url.toString(), flowCookie), context, params: {} }));

/** The whole round: button, provider (as `sub`, with `amr`), back to the portal's callback. */
async function signInAs(sub: string, login: { amr?: string[]; acr?: string } = {}) {
  const { authorizationUrl, flowCookie } = await start();
  idp.nextLogin({ sub, ...login });
  const back = await idp.authorize(authorizationUrl);
  return { outcome: await callback(back, flowCookie), back, flowCookie };
}

const sessionUser = async (setCookies: string[]) => getSessionStore().getUser(get(`${PORTAL}/`, cookieHeader(setCookies)), new Date());

const refusal = (o: Outcome) => (o.body as { reason?: string } | null)?.reason;

/** The demo administrator's row and a session cookie for them. */
async function signedInAdmin() {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
  const row = await t.db.user.findUniqueOrThrow({ where: { email: admin.email } });
  return { row, cookie: (await getSessionStore().createSession(get(`${PORTAL}/`), row.id)).split(";")[0] };
}

/** One of the administrator's buttons on a person's page. */
const onUserPage = (adminCookie: string, userId: string, intent: string) =>
  outcomeOf(() =>
    userAction({
      request: new Request(`${PORTAL}/admin/users/${userId}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: adminCookie },
        body: new URLSearchParams({ intent }),
      }),
      context,
      params: { id: userId },
    }),
  );

async function inviteWithLink(email: string, roles: Array<"requester" | "director"> = ["requester"]) {
  const department = await t.db.department.findUniqueOrThrow({ where: { code: "COM" } });
  const result = await inviteUser(
    t.db,
    { by: { id: null, name: "test" }, values: { email, name: email.split("@")[0], departmentId: department.id, roles }, now: new Date(), appUrl: PORTAL, sessionSecret: settings.sessionSecret },
    FAST_SCRYPT,
  );
  if (!result.ok) throw new Error(result.message);
  return result;
}

const invite = async (email: string, roles?: Array<"requester" | "director">) => (await inviteWithLink(email, roles)).userId;

describe("signing in at the county's provider", () => {
  it("the sign-in page offers the provider first; the authorization request carries PKCE S256, state and nonce", async () => {
    const page = await outcomeOf(() => signInLoader({ request: get(`${PORTAL}/sign-in`), context, params: {} }));
    expect(page.body).toMatchObject({ providerName: "County ID", localSignIn: true });
    const { authorizationUrl } = await start();
    const params = new URL(authorizationUrl).searchParams;
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("state")).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(params.get("nonce")).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(params.get("scope")).toBe("openid email profile");
    expect(params.get("redirect_uri")).toBe(`${PORTAL}/sign-in/oidc/callback`);
  });

  it("the first sign-in with a verified matching e-mail claims the invitation; the next finds the account by subject after the e-mail changed", async () => {
    const userId = await invite("casey.claim@example.gov");
    idp.people.set("sub-casey", { sub: "sub-casey", email: "Casey.Claim@example.gov", emailVerified: true, name: "Casey" });
    const first = await signInAs("sub-casey");
    expect(first.outcome.status).toBe(303);
    expect(first.outcome.location).toBe("/requests");
    expect((await sessionUser(first.outcome.cookies))?.id).toBe(userId);
    const linked = await t.db.user.findUniqueOrThrow({ where: { id: userId }, include: { invitations: true } });
    expect(linked).toMatchObject({ oidcIssuer: idp.issuer, oidcSubject: "sub-casey", lastSignInMethod: "oidc" });
    // The invitation is spent: its password link no longer opens the account.
    expect(linked.invitations.every((i) => i.usedAt !== null)).toBe(true);
    const audit = await t.db.auditEntry.findMany({ where: { actorId: userId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.event)).toEqual(["SSO_LINKED", "SIGNED_IN"]);
    expect(audit[1].comment).toBe(`casey.claim <casey.claim@example.gov> signed in with single sign-on at ${idp.issuer} (subject sub-casey); second factor: none`);

    idp.people.set("sub-casey", { sub: "sub-casey", email: "casey.renamed@example.gov", emailVerified: true, name: "Casey" });
    const second = await signInAs("sub-casey");
    expect(second.outcome.status).toBe(303);
    expect((await sessionUser(second.outcome.cookies))?.id).toBe(userId);
  });

  it("a person with no account gets the 'ask your administrator' page, and no account is made", async () => {
    const before = await t.db.user.count();
    idp.people.set("sub-stranger", { sub: "sub-stranger", email: "stranger@example.gov", emailVerified: true, name: "Stranger" });
    const { outcome } = await signInAs("sub-stranger");
    expect(outcome.status).toBe(403);
    expect(refusal(outcome)).toBe("unknown");
    expect(await t.db.user.count()).toBe(before);
  });

  it("an unverified e-mail claims nothing; an account linked to another subject is not taken by e-mail", async () => {
    await invite("uma.unverified@example.gov");
    idp.people.set("sub-uma", { sub: "sub-uma", email: "uma.unverified@example.gov", emailVerified: false, name: "Uma" });
    expect(refusal((await signInAs("sub-uma")).outcome)).toBe("unknown");

    idp.people.set("sub-casey-twin", { sub: "sub-casey-twin", email: "casey.claim@example.gov", emailVerified: true, name: "Twin" });
    const twin = await signInAs("sub-casey-twin");
    expect(twin.outcome.status).toBe(403);
    expect(refusal(twin.outcome)).toBe("linkedElsewhere");
  });

  it("deactivation in the portal ends the single sign-on sessions at once, and the provider's next yes is refused", async () => {
    const userId = await invite("dee.gone@example.gov");
    idp.people.set("sub-dee", { sub: "sub-dee", email: "dee.gone@example.gov", emailVerified: true, name: "Dee" });
    const first = await signInAs("sub-dee", { amr: ["mfa"] });
    expect((await sessionUser(first.outcome.cookies))?.id).toBe(userId);

    const { cookie: adminCookie } = await signedInAdmin();
    const deactivated = await onUserPage(adminCookie, userId, "deactivate");
    expect(deactivated.status).toBe(303);
    expect(await sessionUser(first.outcome.cookies)).toBeNull();
    expect(await t.db.session.count({ where: { userId } })).toBe(0);

    const again = await signInAs("sub-dee", { amr: ["mfa"] });
    expect(again.outcome.status).toBe(403);
    expect(refusal(again.outcome)).toBe("inactive");
    expect(again.outcome.cookies.join()).not.toContain("portal_session");
  });
});

describe("a callback that does not hold is refused with the portal's page", () => {
  beforeAll(async () => {
    await invite("tess.tamper@example.gov");
    idp.people.set("sub-tess", { sub: "sub-tess", email: "tess.tamper@example.gov", emailVerified: true, name: "Tess" });
  });

  const refusedWithPage = (o: Outcome) => {
    expect(o.status).toBe(400);
    expect(refusal(o)).toBe("failed");
    expect(o.cookies.some((c) => c.startsWith("portal_session="))).toBe(false);
  };

  it("a tampered state", async () => {
    const { authorizationUrl, flowCookie } = await start();
    idp.nextLogin({ sub: "sub-tess" });
    const back = await idp.authorize(authorizationUrl);
    back.searchParams.set("state", "tampered-state-0123456789abcdef");
    refusedWithPage(await callback(back, flowCookie));
  });

  it("a tampered flow cookie, or none", async () => {
    const { authorizationUrl, flowCookie } = await start();
    idp.nextLogin({ sub: "sub-tess" });
    const back = await idp.authorize(authorizationUrl);
    refusedWithPage(await callback(back, flowCookie.replace(/=([A-Za-z0-9])/, (_m, c: string) => `=${c === "e" ? "f" : "e"}`)));
    refusedWithPage(await callback(back, ""));
  });

  it("a replayed code", async () => {
    const { outcome, back, flowCookie } = await signInAs("sub-tess");
    expect(outcome.status).toBe(303);
    refusedWithPage(await callback(back, flowCookie));
  });

  it("a wrong nonce (the authorization request's nonce swapped on the way)", async () => {
    const { authorizationUrl, flowCookie } = await start();
    const swapped = new URL(authorizationUrl);
    swapped.searchParams.set("nonce", "not-the-portals-nonce-0123456789");
    idp.nextLogin({ sub: "sub-tess" });
    refusedWithPage(await callback(await idp.authorize(swapped.href), flowCookie));
  });

  it("an ID token signed with a key the issuer does not publish, or expired", async () => {
    for (const how of ["forged", "expired"] as const) {
      const { authorizationUrl, flowCookie } = await start();
      idp.nextLogin({ sub: "sub-tess" });
      const back = await idp.authorize(authorizationUrl);
      idp.tamperNextToken(how);
      refusedWithPage(await callback(back, flowCookie));
    }
  });
});

describe("two-step sign-in with the provider", () => {
  const director = DEMO_ACCOUNTS.find((a) => a.role === "director")!;

  beforeAll(async () => {
    idp.people.set("sub-dana", { sub: "sub-dana", email: director.email, emailVerified: true, name: "Dana" });
  });

  it("a director without the provider's MFA is asked for the portal's code, and gets a session after it", async () => {
    const { outcome } = await signInAs("sub-dana", { amr: ["pwd"] });
    expect(outcome.status).toBe(303);
    expect(outcome.location).toBe("/sign-in/verify");
    expect(outcome.cookies.some((c) => c.startsWith("portal_session="))).toBe(false);
    const verified = await outcomeOf(() =>
      verifyAction({
        request: new Request(`${PORTAL}/sign-in/verify`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(outcome.cookies) },
          body: new URLSearchParams({ code: totpCode(director.totpSecret!) }),
        }),
        context,
        params: {},
      }),
    );
    expect(verified.status).toBe(303);
    expect((await sessionUser(verified.cookies))?.email).toBe(director.email);
    const session = await t.db.session.findFirstOrThrow({ where: { user: { email: director.email } }, orderBy: { createdAt: "desc" } });
    expect(session).toMatchObject({ method: "oidc", providerMfa: false });
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { event: "SIGNED_IN", actorId: session.userId }, orderBy: { id: "desc" } });
    expect(entry.comment).toMatch(/signed in with single sign-on at .* \(subject sub-dana\); second factor: the portal's code$/);
  });

  it("a director whose provider says amr mfa is not asked for the code", async () => {
    const { outcome } = await signInAs("sub-dana", { amr: ["pwd", "mfa"] });
    expect(outcome.status).toBe(303);
    expect(outcome.location).toBe("/requests");
    expect((await sessionUser(outcome.cookies))?.email).toBe(director.email);
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { event: "SIGNED_IN" }, orderBy: { id: "desc" } });
    expect(entry.comment).toMatch(/\(subject sub-dana\); second factor: the provider's MFA$/);
  });

  it("an acr the county named as MFA (OIDC_MFA_ACR) counts too; another acr does not", async () => {
    expect((await signInAs("sub-dana", { acr: "urn:county:loa:2" })).outcome.location).toBe("/requests");
    expect((await signInAs("sub-dana", { acr: "urn:county:loa:1" })).outcome.location).toBe("/sign-in/verify");
  });

  it("a director with no portal code at all keeps the session the provider's MFA opened", async () => {
    const userId = await invite("drew.director@example.gov", ["director"]);
    idp.people.set("sub-drew", { sub: "sub-drew", email: "drew.director@example.gov", emailVerified: true, name: "Drew" });
    const without = await signInAs("sub-drew");
    expect(without.outcome.location).toBe("/sign-in/set-up-mfa");
    const withMfa = await signInAs("sub-drew", { amr: ["mfa"] });
    expect(withMfa.outcome.location).toBe("/requests");
    expect((await sessionUser(withMfa.outcome.cookies))?.id).toBe(userId);
  });
});

describe("a portal client that proves itself with a private key (private_key_jwt)", () => {
  it("signs in with OIDC_CLIENT_PRIVATE_KEY in place of a secret; a key the provider does not hold is refused", async () => {
    await invite("kim.key@example.gov");
    idp.people.set("sub-kim", { sub: "sub-kim", email: "kim.key@example.gov", emailVerified: true, name: "Kim" });
    const keySettings = portalSettings({ OIDC_CLIENT_ID: idp.keyClient.clientId, OIDC_CLIENT_SECRET: undefined, OIDC_CLIENT_PRIVATE_KEY: idp.keyClient.privateKeyPem });
    expect(keySettings.oidc?.clientAuth).toMatchObject({ method: "private_key_jwt", algorithm: "ES256" });
    await withSettings(keySettings, async () => {
      const { outcome } = await signInAs("sub-kim");
      expect(outcome.status).toBe(303);
      expect((await sessionUser(outcome.cookies))?.email).toBe("kim.key@example.gov");
    });

    const otherKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await withSettings(portalSettings({ OIDC_CLIENT_ID: idp.keyClient.clientId, OIDC_CLIENT_SECRET: undefined, OIDC_CLIENT_PRIVATE_KEY: otherKey }), async () => {
      const { outcome } = await signInAs("sub-kim");
      expect(outcome.status).toBe(400);
      expect(refusal(outcome)).toBe("failed");
    });
  });
});

describe("roles from the provider's groups (OIDC_ROLE_CLAIM, off by default)", () => {
  const roleSettings = () => portalSettings({ OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "portal-analysts=analyst, portal-finance=finance, portal-leads=analyst, portal-leads=finance" });
  const rolesOf = async (userId: string) =>
    (await t.db.roleAssignment.findMany({ where: { userId } })).map((r) => `${r.acting ? "acting " : ""}${r.role}`).sort();

  it("off: the provider's groups change nothing", async () => {
    const userId = await invite("otto.off@example.gov");
    idp.people.set("sub-otto", { sub: "sub-otto", email: "otto.off@example.gov", emailVerified: true, name: "Otto", groups: ["portal-finance"] });
    expect((await signInAs("sub-otto")).outcome.status).toBe(303);
    expect(await rolesOf(userId)).toEqual(["requester"]);
  });

  it("on: each sign-in sets the roles from the groups, audited when they change; acting appointments stay", async () => {
    const userId = await invite("gita.groups@example.gov");
    await t.db.roleAssignment.create({ data: { userId, role: "director", acting: true, startsOn: "2026-01-01", endsOn: "2026-12-31" } });
    idp.people.set("sub-gita", { sub: "sub-gita", email: "gita.groups@example.gov", emailVerified: true, name: "Gita", groups: ["portal-analysts", "unrelated"] });
    await withSettings(roleSettings(), async () => {
      const first = await signInAs("sub-gita");
      expect(first.outcome.status).toBe(303);
      expect(await rolesOf(userId)).toEqual(["acting director", "analyst"]);
      const set = await t.db.auditEntry.findFirstOrThrow({ where: { event: "SSO_ROLES_SET" }, orderBy: { id: "desc" } });
      expect(set).toMatchObject({ actorId: null, role: "system" });
      expect(set.comment).toBe(`gita.groups <gita.groups@example.gov>: roles from the provider's "groups" claim: Requester → Contact Center analyst`);

      // The same groups again: nothing to record.
      const entries = await t.db.auditEntry.count({ where: { event: "SSO_ROLES_SET" } });
      await signInAs("sub-gita");
      expect(await t.db.auditEntry.count({ where: { event: "SSO_ROLES_SET" } })).toBe(entries);

      // One group giving two roles.
      idp.people.set("sub-gita", { ...idp.people.get("sub-gita")!, groups: ["portal-leads"] });
      expect((await signInAs("sub-gita", { amr: ["mfa"] })).outcome.status).toBe(303);
      expect(await rolesOf(userId)).toEqual(["acting director", "analyst", "finance"]);

      // Out of every group (the claim absent, as Entra ID leaves it): no roles.
      idp.people.set("sub-gita", { ...idp.people.get("sub-gita")!, groups: undefined });
      expect((await signInAs("sub-gita")).outcome.status).toBe(303);
      expect(await rolesOf(userId)).toEqual(["acting director"]);
    });
  });

  it("on: a group giving a two-step role asks for the portal's code when the provider did no MFA (R2)", async () => {
    await invite("fay.finance@example.gov");
    idp.people.set("sub-fay", { sub: "sub-fay", email: "fay.finance@example.gov", emailVerified: true, name: "Fay", groups: ["portal-finance"] });
    await withSettings(roleSettings(), async () => {
      expect((await signInAs("sub-fay")).outcome.location).toBe("/sign-in/set-up-mfa");
    });
  });

  it("on: still no account for a person without one, whatever their groups", async () => {
    const before = await t.db.user.count();
    idp.people.set("sub-gus", { sub: "sub-gus", email: "gus.groups@example.gov", emailVerified: true, name: "Gus", groups: ["portal-analysts"] });
    await withSettings(roleSettings(), async () => {
      expect(refusal((await signInAs("sub-gus")).outcome)).toBe("unknown");
    });
    expect(await t.db.user.count()).toBe(before);
  });
});

describe("signing out", () => {
  it("ends the portal session and sends the browser to the provider's end-session endpoint with the ID token", async () => {
    const { outcome } = await signInAs("sub-tess");
    const cookie = cookieHeader(outcome.cookies.filter((c) => c.startsWith("portal_session=")));
    const out = await outcomeOf(() =>
      signOutAction({ request: new Request(`${PORTAL}/sign-out`, { method: "POST", headers: { Cookie: cookie } }), context, params: {} }),
    );
    expect(out.status).toBe(303);
    const endSession = new URL(out.location!);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${PORTAL}/sign-in`);
    expect(endSession.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(await getSessionStore().getUser(get(`${PORTAL}/`, cookie), new Date())).toBeNull();
    // The provider accepts it (its "sign out?" page).
    expect((await fetch(endSession)).status).toBe(200);
  });
});

describe("the administrator's user page", () => {
  it("shows the sign-in method and linked subject, and unlinking is audited and ends the SSO sessions", async () => {
    const userId = await invite("ulla.unlink@example.gov");
    idp.people.set("sub-ulla", { sub: "sub-ulla", email: "ulla.unlink@example.gov", emailVerified: true, name: "Ulla" });
    const { outcome } = await signInAs("sub-ulla");
    const { row: adminRow, cookie: adminCookie } = await signedInAdmin();

    const page = await outcomeOf(() => userLoader({ request: get(`${PORTAL}/admin/users/${userId}`, adminCookie), context, params: { id: userId } }));
    expect((page.body as { person: unknown }).person).toMatchObject({
      signInMethod: "Single sign-on",
      lastSignIn: { method: "oidc" },
      linked: { issuer: idp.issuer, subject: "sub-ulla" },
    });

    const unlinked = await onUserPage(adminCookie, userId, "unlinkSso");
    expect(unlinked.status).toBe(303);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ oidcIssuer: null, oidcSubject: null });
    expect(await sessionUser(outcome.cookies)).toBeNull();
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { event: "SSO_UNLINKED" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: adminRow.id });
    expect(entry.comment).toContain("sub-ulla");
  });
});

describe("the administrator's users list says how each person signs in", () => {
  it("password, single sign-on, both, or none yet; a password does not count with LOCAL_SIGN_IN=off", async () => {
    const { cookie: adminCookie } = await signedInAdmin();

    // Invited and not yet in: no password of their own, nothing linked.
    await invite("nina.none@example.gov");
    // Invited, then chose a password with the link.
    const link = (await inviteWithLink("pam.password@example.gov")).link.split("/invite/")[1];
    expect(await acceptInvitation(t.db, { token: link, password: "a long passphrase of my own 18", now: new Date() }, FAST_SCRYPT)).toMatchObject({ ok: true });
    // Invited, then claimed at the provider: single sign-on only.
    await invite("sol.sso@example.gov");
    idp.people.set("sub-sol", { sub: "sub-sol", email: "sol.sso@example.gov", emailVerified: true, name: "Sol" });
    expect((await signInAs("sub-sol")).outcome.status).toBe(303);
    // A seeded password account that then signed in at the provider: both.
    const analyst = DEMO_ACCOUNTS.find((a) => a.role === "analyst")!;
    idp.people.set("sub-ana", { sub: "sub-ana", email: analyst.email, emailVerified: true, name: "Ana" });
    expect((await signInAs("sub-ana")).outcome.status).toBe(303);

    const listed = async () => {
      const page = await outcomeOf(() => usersLoader({ request: get(`${PORTAL}/admin/users`, adminCookie), context, params: {} }));
      const users = (page.body as { users: Array<{ email: string; signIn: string }> }).users;
      return Object.fromEntries(
        ["nina.none@example.gov", "pam.password@example.gov", "sol.sso@example.gov", analyst.email, "finance@example.gov"].map((email) => [email, users.find((u) => u.email === email)?.signIn]),
      );
    };
    expect(await listed()).toEqual({
      "nina.none@example.gov": "None yet",
      "pam.password@example.gov": "Password",
      "sol.sso@example.gov": "Single sign-on",
      [analyst.email]: "Password and single sign-on",
      "finance@example.gov": "Password",
    });
    await withSettings({ ...settings, localSignIn: false }, async () => {
      expect(await listed()).toEqual({
        "nina.none@example.gov": "None yet",
        "pam.password@example.gov": "None yet",
        "sol.sso@example.gov": "Single sign-on",
        [analyst.email]: "Single sign-on",
        "finance@example.gov": "None yet",
      });
    });
  });
});

describe("the audit trail says how each person signed in", () => {
  it("with the portal password too", async () => {
    const analyst = DEMO_ACCOUNTS.find((a) => a.role === "analyst")!;
    const signedIn = await outcomeOf(() =>
      signInAction({
        request: new Request(`${PORTAL}/sign-in`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: analyst.email, password: DEMO_PASSWORD, redirectTo: "/" }),
        }),
        context,
        params: {},
      }),
    );
    expect(signedIn.status).toBe(303);
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { event: "SIGNED_IN" }, orderBy: { id: "desc" } });
    expect(entry.comment).toBe(`${analyst.name} <${analyst.email}> signed in with the portal password; second factor: none`);
    expect(await t.db.user.findUniqueOrThrow({ where: { email: analyst.email } })).toMatchObject({ lastSignInMethod: "password" });
  });
});

describe("LOCAL_SIGN_IN=off", () => {
  const director = DEMO_ACCOUNTS[0];
  it("hides the password form, refuses its POST, and sends invitation links to the sign-in page", async () => {
    await withSettings({ ...settings, localSignIn: false }, async () => {
      const page = await outcomeOf(() => signInLoader({ request: get(`${PORTAL}/sign-in`), context, params: {} }));
      expect(page.body).toMatchObject({ providerName: "County ID", localSignIn: false });
      const post = await outcomeOf(() =>
        signInAction({
          request: new Request(`${PORTAL}/sign-in`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ email: director.email, password: "anything at all" }),
          }),
          context,
          params: {},
        }),
      );
      expect(post.status).toBe(403);
      // An invitation link chooses no password: the first sign-in at the provider claims the account.
      const invitation = await outcomeOf(() => inviteLoader({ request: get(`${PORTAL}/invite/abc`), context, params: { token: "abc" } }));
      expect(invitation).toMatchObject({ status: 302, location: "/sign-in" });
      // The e-mail asks the person to sign in at the provider, not to choose a password.
      const userId = await invite("ivy.invited@example.gov");
      const mail = await t.db.outboxMessage.findFirstOrThrow({ where: { template: "invitation", recipients: { contains: "ivy.invited@example.gov" } } });
      expect(JSON.parse(mail.data)).toMatchObject({ choosesPassword: false });
      expect(userId).toBeTruthy();
    });
  });

  it("no password to change: the Account link leads to two-step sign-in, and /account/password refuses with its page, the form unread", async () => {
    const analyst = DEMO_ACCOUNTS.find((a) => a.role === "analyst")!;
    const row = await t.db.user.findUniqueOrThrow({ where: { email: analyst.email } });
    const cookie = (await getSessionStore().createSession(get(`${PORTAL}/`), row.id)).split(";")[0];
    const hashBefore = row.passwordHash;
    const change = () =>
      outcomeOf(() =>
        passwordAction({
          request: new Request(`${PORTAL}/account/password`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
            body: new URLSearchParams({ currentPassword: DEMO_PASSWORD, newPassword: "a brand new long passphrase 18", confirmPassword: "a brand new long passphrase 18" }),
          }),
          context,
          params: {},
        }),
      );
    const mfaPage = () => outcomeOf(() => mfaLoader({ request: get(`${PORTAL}/account/mfa`, cookie), context, params: {} }));
    const root = () => outcomeOf(() => rootLoader({ request: get(`${PORTAL}/`, cookie), context, params: {} }));

    // On (the default): the link, the page and its form.
    expect((await root()).body).toMatchObject({ user: { account: "/account/password" } });
    expect((await mfaPage()).body).toMatchObject({ localSignIn: true });
    expect(await outcomeOf(() => passwordLoader({ request: get(`${PORTAL}/account/password`, cookie), context, params: {} }))).toMatchObject({ status: 200, body: { off: false } });

    await withSettings({ ...settings, localSignIn: false }, async () => {
      expect((await root()).body).toMatchObject({ user: { account: "/account/mfa" } });
      expect((await mfaPage()).body).toMatchObject({ localSignIn: false });
      const page = await outcomeOf(() => passwordLoader({ request: get(`${PORTAL}/account/password`, cookie), context, params: {} }));
      expect(page).toMatchObject({ status: 403, body: { off: true, providerName: "County ID" } });
      expect(await change()).toMatchObject({ status: 403, body: { off: true } });
      expect((await t.db.user.findUniqueOrThrow({ where: { id: row.id } })).passwordHash).toBe(hashBefore);
    });
  });

  it("every role × the sign-in routes and the password page (the authorization matrix with LOCAL_SIGN_IN=off and a provider)", async () => {
    const personas = ["anonymous", ...Object.keys(DEMO_PERSONAS)] as Array<"anonymous" | keyof typeof DEMO_PERSONAS>;
    const cookies: Record<string, string> = { anonymous: "" };
    for (const [persona, email] of Object.entries(DEMO_PERSONAS)) {
      const row = await t.db.user.findUniqueOrThrow({ where: { email } });
      cookies[persona] = (await getSessionStore().createSession(get(`${PORTAL}/`), row.id)).split(";")[0];
    }
    const form = (path: string, cookie: string) =>
      new Request(`${PORTAL}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
        body: new URLSearchParams({ email: director.email, password: DEMO_PASSWORD, currentPassword: DEMO_PASSWORD, newPassword: "x", confirmPassword: "x" }),
      });
    /** status, and where a redirect goes (the provider's address shortened to "provider"). */
    const shown = (o: Outcome) => (o.location ? `${o.status} ${o.location.startsWith(idp.issuer) ? "provider" : o.location.replace(/\?.*$/, "")}` : String(o.status));
    const routes: Record<string, (cookie: string) => Promise<Outcome>> = {
      "GET /sign-in": (c) => outcomeOf(() => signInLoader({ request: get(`${PORTAL}/sign-in`, c), context, params: {} })),
      "POST /sign-in": (c) => outcomeOf(() => signInAction({ request: form("/sign-in", c), context, params: {} })),
      "GET /sign-in/oidc": (c) => outcomeOf(() => startLoader({ request: get(`${PORTAL}/sign-in/oidc`, c), context, params: {} })),
      "GET /sign-in/oidc/callback": (c) => outcomeOf(() => callbackLoader({ request: get(`${PORTAL}/sign-in/oidc/callback?code=x&state=y`, c), context, params: {} })),
      "GET /account/password": (c) => outcomeOf(() => passwordLoader({ request: get(`${PORTAL}/account/password`, c), context, params: {} })),
      "POST /account/password": (c) => outcomeOf(() => passwordAction({ request: form("/account/password", c), context, params: {} })),
      "GET /invite/$token": (c) => outcomeOf(() => inviteLoader({ request: get(`${PORTAL}/invite/abc`, c), context, params: { token: "abc" } })),
      "POST /invite/$token": (c) => outcomeOf(() => inviteAction({ request: form("/invite/abc", c), context, params: { token: "abc" } })),
    };
    // Columns: anonymous, then every role; the same for every role, signed in or not, save where noted.
    const expected: Record<string, [string, string]> = {
      "GET /sign-in": ["200", "302 /"],
      "POST /sign-in": ["403", "403"],
      "GET /sign-in/oidc": ["303 provider", "303 provider"],
      "GET /sign-in/oidc/callback": ["400", "400"],
      "GET /account/password": ["302 /sign-in", "403"],
      "POST /account/password": ["302 /sign-in", "403"],
      "GET /invite/$token": ["302 /sign-in", "302 /sign-in"],
      "POST /invite/$token": ["303 /sign-in", "303 /sign-in"],
    };
    await withSettings({ ...settings, localSignIn: false }, async () => {
      const actual: string[] = [];
      const wanted: string[] = [];
      for (const [route, call] of Object.entries(routes)) {
        for (const persona of personas) {
          actual.push(`${route} as ${persona}: ${shown(await call(cookies[persona]))}`);
          wanted.push(`${route} as ${persona}: ${expected[route][persona === "anonymous" ? 0 : 1]}`);
        }
      }
      expect(actual).toEqual(wanted);
    });
  });
});
