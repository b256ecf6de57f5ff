// Sessions (issue 7): idle and absolute expiry, ending all sessions on deactivation and
// password change, Secure cookies on https, MFA-required roles. A real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword, deactivateUser } from "../../app/auth/accounts.server";
import { verifyPassword } from "../../app/auth/password.server";
import { createSessionStore, type SessionStore } from "../../app/auth/session.server";
import { loadSettings, type Settings } from "../../app/settings.server";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { seedDatabase } from "../../prisma/seed";
import { addPerson, FAST_SCRYPT } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const MINUTE = 60_000;
let t: TestDb;
let settings: Settings;
let store: SessionStore;

beforeAll(async () => {
  t = await createTestDb("sessions");
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT });
  settings = loadSettings({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), DATABASE_URL: t.url });
  store = createSessionStore({ db: t.db, settings });
});

afterAll(async () => {
  await t.cleanup();
});

async function userId(email: string): Promise<string> {
  return (await t.db.user.findUniqueOrThrow({ where: { email } })).id;
}

/** A request carrying the session cookie from a Set-Cookie value. */
function withCookie(setCookie: string): Request {
  return new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0] } });
}

async function signedIn(email: string, at: Date): Promise<Request> {
  return withCookie(await store.createSession(new Request("http://localhost/"), await userId(email), at));
}

describe("expiry", () => {
  it("ends a session after SESSION_IDLE_MINUTES (30) without a request", async () => {
    expect(settings.sessionIdleMinutes).toBe(30);
    const t0 = new Date("2026-11-23T14:00:00Z");
    const req = await signedIn("requester.partner@example.gov", t0);
    expect(await store.getUser(req, new Date(t0.getTime() + 29 * MINUTE))).not.toBeNull();
    // 29 minutes after that last request: still fine; the clock restarted.
    expect(await store.getUser(req, new Date(t0.getTime() + 58 * MINUTE))).not.toBeNull();
    expect(await store.getUser(req, new Date(t0.getTime() + 88 * MINUTE))).toBeNull();
    expect(await t.db.session.count({ where: { userId: await userId("requester.partner@example.gov") } })).toBe(0);
  });

  it("ends a session 12 hours after sign-in however busy it was", async () => {
    const t0 = new Date("2026-11-23T08:00:00Z");
    const req = await signedIn("analyst@example.gov", t0);
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await store.getUser(req, new Date(t0.getTime() + m * MINUTE))).not.toBeNull();
    }
    expect(await store.getUser(req, new Date(t0.getTime() + 12 * 60 * MINUTE))).toBeNull();
  });
});

describe("ending every session", () => {
  it("endAllSessions signs the user out everywhere and no one else", async () => {
    const now = new Date();
    const a = await signedIn("requester.nonpartner@example.gov", now);
    const b = await signedIn("requester.nonpartner@example.gov", now);
    const other = await signedIn("analyst@example.gov", now);
    expect(await store.endAllSessions(await userId("requester.nonpartner@example.gov"))).toBe(2);
    expect(await store.getUser(a, now)).toBeNull();
    expect(await store.getUser(b, now)).toBeNull();
    expect(await store.getUser(other, now)).not.toBeNull();
  });

  it("deactivating a user ends their sessions", async () => {
    await addPerson(t.db, "leaver@example.gov", "DPW", [{ role: "requester" }]);
    const now = new Date();
    const req = await signedIn("leaver@example.gov", now);
    await deactivateUser(t.db, await userId("leaver@example.gov"));
    expect(await t.db.session.count({ where: { userId: await userId("leaver@example.gov") } })).toBe(0);
    expect(await store.getUser(req, now)).toBeNull();
  });

  it("a password change checks the current password and the rules, then ends every session", async () => {
    const email = "requester.partner@example.gov";
    const id = await userId(email);
    const now = new Date();
    const req = await signedIn(email, now);
    expect(await changePassword(t.db, { userId: id, currentPassword: "wrong", newPassword: "Mailbox Orbit 7 Lantern" }, FAST_SCRYPT)).toEqual({
      ok: false,
      field: "currentPassword",
      message: "Your current password is not right",
    });
    const common = await changePassword(t.db, { userId: id, currentPassword: DEMO_PASSWORD, newPassword: "passwordpassword" }, FAST_SCRYPT);
    expect(common).toMatchObject({ ok: false, field: "newPassword" });
    expect(await store.getUser(req, now)).not.toBeNull();

    expect(await changePassword(t.db, { userId: id, currentPassword: DEMO_PASSWORD, newPassword: "Mailbox Orbit 7 Lantern" }, FAST_SCRYPT)).toEqual({ ok: true });
    expect(await store.getUser(req, now)).toBeNull();
    const user = await t.db.user.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword("Mailbox Orbit 7 Lantern", user.passwordHash)).toBe(true);
  });
});

describe("MFA and sessions", () => {
  it("a session of someone whose role needs MFA but who has none does not count", async () => {
    await addPerson(t.db, "new.admin@example.gov", "COM", [{ role: "admin" }]);
    const now = new Date();
    const req = await signedIn("new.admin@example.gov", now);
    expect(await store.getUser(req, now)).toBeNull();
  });

  it("reports whether MFA is enrolled and required", async () => {
    const now = new Date();
    const director = await store.getUser(await signedIn("director@example.gov", now), now);
    expect(director).toMatchObject({ mfaEnabled: true, mfaRequired: true });
    const analyst = await store.getUser(await signedIn("analyst@example.gov", now), now);
    expect(analyst).toMatchObject({ mfaEnabled: false, mfaRequired: false });
  });
});

describe("the cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure with the __Host- prefix when APP_URL is https", async () => {
    const id = await userId("analyst@example.gov");
    const plain = await store.createSession(new Request("http://localhost/"), id);
    expect(plain).toMatch(/^portal_session=/);
    expect(plain).toContain("HttpOnly");
    expect(plain).toContain("SameSite=Lax");
    expect(plain).not.toContain("Secure");

    const https = loadSettings({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), APP_URL: "https://portal.example.gov" });
    const secure = await createSessionStore({ db: t.db, settings: https }).createSession(new Request("https://portal.example.gov/"), id);
    expect(secure).toMatch(/^__Host-portal_session=/);
    expect(secure).toContain("Secure");
    expect(secure).toContain("Path=/");
  });
});
