// Sign-in through the real route actions (issue 7): the limit and its 429 message, which
// never depends on whether the e-mail exists; the TOTP step; recovery codes; no replay.
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enableMfa, totpCode } from "../../app/auth/mfa.server";
import { getDb } from "../../app/db.server";
import { action as signInAction } from "../../app/routes/sign-in";
import { action as setUpAction, loader as setUpLoader } from "../../app/routes/sign-in_.set-up-mfa";
import { action as verifyAction } from "../../app/routes/sign-in_.verify";
import { getPendingStore } from "../../app/auth/sign-in.server";
import { ACCOUNT_CAP_POLICY, getThrottles } from "../../app/auth/throttle.server";
import { loadSettings, resetSettings } from "../../app/settings.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { seedDatabase } from "../../prisma/seed";
import { addPerson, FAST_SCRYPT } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";
import { cookieHeader, outcomeOf } from "../support/routes";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb("sign-in-flow");
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT });
  // The routes use the process's settings and database: point them at this file.
  resetSettings(loadSettings({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), DATABASE_URL: t.url, APP_URL: "http://portal.test" }));
});

afterAll(async () => {
  await getDb().$disconnect();
  await t.cleanup();
  resetSettings();
});

const context = (clientAddress: string) => ({ cspNonce: "n", clientAddress }) as AppLoadContext;

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`http://portal.test${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://portal.test", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}



const signIn = (email: string, password: string, address: string) =>
  outcomeOf(() => signInAction({ request: post("/sign-in", { email, password }), context: context(address), params: {} }));


describe("the sign-in limit", () => {
  it("after five failures from one address answers 429 with the wait, the same for a real and an unknown e-mail", async () => {
    for (const email of ["analyst@example.gov", "nobody.here@example.gov"]) {
      for (let i = 0; i < 5; i++) expect((await signIn(email, "wrong password", "10.1.0.1")).status).toBe(401);
      const locked = await signIn(email, "wrong password", "10.1.0.1");
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({ email, errors: { email: "Too many attempts; try again in 1 minute" } });
    }
  });

  it("refuses even the right password while locked", async () => {
    expect((await signIn("analyst@example.gov", DEMO_PASSWORD, "10.1.0.1")).status).toBe(429);
  });

  // Issue 15, item 10: five wrong passwords from one address used to lock the account for everyone.
  it("an attacker's failures lock the account at the attacker's address only", async () => {
    for (let i = 0; i < 6; i++) await signIn("requester.nonpartner@example.gov", "wrong password", "10.20.0.1");
    expect((await signIn("requester.nonpartner@example.gov", DEMO_PASSWORD, "10.20.0.1")).status).toBe(429);
    expect((await signIn("requester.nonpartner@example.gov", DEMO_PASSWORD, "10.20.0.2")).status).toBe(303);
  });

  it("a slower cap per account stops guessing spread over many addresses, with the same words for an unknown e-mail", async () => {
    for (const email of ["analyst@example.gov", "no.such.person@example.gov"]) {
      // Failures from many addresses, none of them locked: recorded straight into the counts
      // (each sign-in attempt would cost a deliberately slow password check).
      await getThrottles().accounts.reset(email);
      for (let i = 0; i < ACCOUNT_CAP_POLICY.freeFailures - 1; i++) await getThrottles().accounts.recordFailure(email);
      expect((await signIn(email, "wrong password", "10.21.0.1")).status).toBe(401);
      const locked = await signIn(email, DEMO_PASSWORD, "10.22.0.1");
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({ email, errors: { email: "Too many attempts; try again in 1 minute" } });
    }
  });

  it("refuses junk with a field message, not an error", async () => {
    const res = await outcomeOf(() =>
      signInAction({ request: post("/sign-in", { email: "", password: "x".repeat(5000) }), context: context("10.3.0.1"), params: {} }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: { email: "Enter your e-mail address" } });
  });
});

// Issue 15, item 1: the probe's open redirect after a correct password, with and without two
// steps. Each target is what a browser would follow to another site with the old check.
describe("where sign-in leads afterwards", () => {
  const targets = ["/\t/evil.example", "/\n/evil.example", "/..//evil.example", "/\\evil.example", "https://evil.example/", "/requests\r\nX: y"];
  const signInTo = (email: string, redirectTo: string, address: string) =>
    outcomeOf(() =>
      signInAction({ request: post("/sign-in", { email, password: DEMO_PASSWORD, redirectTo }), context: context(address), params: {} }),
    );

  it("without two steps: the session's redirect stays on the portal, and a portal path is kept", async () => {
    for (const [i, target] of targets.entries()) {
      const res = await signInTo("requester.nonpartner@example.gov", target, `10.11.0.${i}`);
      expect([target, res.status]).toEqual([target, 303]);
      expect(new URL(res.location!, "http://portal.test/sign-in").origin).toBe("http://portal.test");
    }
    const kept = await signInTo("requester.nonpartner@example.gov", "/requests?status=open", "10.11.1.1");
    expect(kept.location).toBe("/requests?status=open");
  });

  it("with two steps: the code step's redirect stays on the portal", async () => {
    const director = DEMO_ACCOUNTS.find((a) => a.role === "assistant_director")!;
    for (const [i, target] of targets.entries()) {
      const first = await signInTo(director.email, target, `10.12.0.${i}`);
      expect(first.location).toBe("/sign-in/verify");
      // The code step's own redirect comes from the pending cookie: what was kept at the password step.
      const pending = await getPendingStore().read(new Request("http://portal.test/", { headers: { Cookie: cookieHeader(first.cookies) } }));
      expect(new URL(pending!.redirectTo, "http://portal.test/sign-in").origin).toBe("http://portal.test");
      expect(pending!.redirectTo).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe("two-step sign-in", () => {
  const director = DEMO_ACCOUNTS.find((a) => a.role === "director")!;

  it("an account without MFA and no role needing it gets a session at once", async () => {
    const res = await signIn("requester.nonpartner@example.gov", DEMO_PASSWORD, "10.4.0.1");
    expect(res.status).toBe(303);
    expect(res.cookies.some((c) => c.startsWith("portal_session="))).toBe(true);
  });

  it("a director gets no session until the code from the app, which works once", async () => {
    const first = await signIn(director.email, DEMO_PASSWORD, "10.5.0.1");
    expect(first.status).toBe(303);
    expect(first.location).toBe("/sign-in/verify");
    expect(first.cookies.some((c) => c.startsWith("portal_session="))).toBe(false);
    const pending = cookieHeader(first.cookies);

    const wrong = await outcomeOf(() => verifyAction({ request: post("/sign-in/verify", { code: "000000" }, pending), context: context("10.5.0.1"), params: {} }));
    expect(wrong.status).toBe(401);

    const code = totpCode(director.totpSecret!);
    const ok = await outcomeOf(() => verifyAction({ request: post("/sign-in/verify", { code }, pending), context: context("10.5.0.1"), params: {} }));
    expect(ok.status).toBe(303);
    expect(ok.location).toBe("/");
    expect(ok.cookies.some((c) => c.startsWith("portal_session="))).toBe(true);

    // The same code again, even with a new password step: refused (RFC 6238 §5.2).
    const again = await signIn(director.email, DEMO_PASSWORD, "10.5.0.1");
    const replay = await outcomeOf(() =>
      verifyAction({ request: post("/sign-in/verify", { code }, cookieHeader(again.cookies)), context: context("10.5.0.1"), params: {} }),
    );
    expect(replay.status).toBe(401);
  });

  it("locks the code step after five wrong codes", async () => {
    const fin = DEMO_ACCOUNTS.find((a) => a.role === "finance")!;
    const pending = cookieHeader((await signIn(fin.email, DEMO_PASSWORD, "10.6.0.1")).cookies);
    const attempt = (code: string) =>
      outcomeOf(() => verifyAction({ request: post("/sign-in/verify", { code }, pending), context: context("10.6.0.1"), params: {} }));
    for (let i = 0; i < 5; i++) expect((await attempt("111111")).status).toBe(401);
    const locked = await attempt(totpCode(fin.totpSecret!));
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: "Too many attempts; try again in 1 minute" });
  });

  it("a recovery code works once instead of the app", async () => {
    const requester = await t.db.user.findUniqueOrThrow({ where: { email: "requester.partner@example.gov" } });
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const codes = await enableMfa(t.db, requester.id, secret, totpCode(secret));
    expect(codes).toHaveLength(10);
    const useCode = async (code: string) => {
      const pending = cookieHeader((await signIn(requester.email, DEMO_PASSWORD, "10.7.0.1")).cookies);
      return outcomeOf(() => verifyAction({ request: post("/sign-in/verify", { code }, pending), context: context("10.7.0.1"), params: {} }));
    };
    expect((await useCode(codes![0].toLowerCase())).status).toBe(303);
    expect((await useCode(codes![0])).status).toBe(401);
    expect(await t.db.recoveryCode.count({ where: { userId: requester.id, usedAt: null } })).toBe(9);
  });

  it("an admin without MFA must enrol before getting a session, and sees recovery codes once", async () => {
    await addPerson(t.db, "second.admin@example.gov", "COM", [{ role: "admin" }]);
    await t.db.user.update({ where: { email: "second.admin@example.gov" }, data: { passwordHash: (await t.db.user.findUniqueOrThrow({ where: { email: "analyst@example.gov" } })).passwordHash } });
    const first = await signIn("second.admin@example.gov", DEMO_PASSWORD, "10.10.0.1");
    expect(first.location).toBe("/sign-in/set-up-mfa");
    expect(first.cookies.some((c) => c.startsWith("portal_session="))).toBe(false);

    const page = await outcomeOf(() =>
      setUpLoader({ request: new Request("http://portal.test/sign-in/set-up-mfa", { headers: { Cookie: cookieHeader(first.cookies) } }), context: context("10.10.0.1"), params: {} }),
    );
    const enrolment = (page.body as { enrolment: { secretForDisplay: string; qrDataUrl: string } }).enrolment;
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = enrolment.secretForDisplay.replace(/ /g, "");
    // The secret now rides in the pending cookie; a code from another secret is refused.
    const pending = cookieHeader(page.cookies);
    const wrong = await outcomeOf(() => setUpAction({ request: post("/sign-in/set-up-mfa", { code: totpCode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") }, pending), context: context("10.10.0.1"), params: {} }));
    expect(wrong.status).toBe(400);
    const done = await outcomeOf(() => setUpAction({ request: post("/sign-in/set-up-mfa", { code: totpCode(secret) }, pending), context: context("10.10.0.1"), params: {} }));
    expect(done.status).toBe(200);
    expect((done.body as { codes: string[] }).codes).toHaveLength(10);
    expect(done.cookies.some((c) => c.startsWith("portal_session="))).toBe(true);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "second.admin@example.gov" } });
    expect(user.mfaSecret).toBe(secret);
    expect(await t.db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });

  it("without the pending cookie, the code page sends you back to sign in", async () => {
    const res = await outcomeOf(() => verifyAction({ request: post("/sign-in/verify", { code: "123456" }), context: context("10.8.0.1"), params: {} }));
    expect(res.status).toBe(303);
    expect(res.location).toBe("/sign-in");
  });
});
