// SPEC §9: settings come from the environment, and a bad value stops the portal with one clear
// line naming the variable (issue 3).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings, SettingsError } from "../../app/settings.server";

const cwd = os.tmpdir();
const secret = "s".repeat(40);

function refusal(env: Record<string, string>): string {
  try {
    loadSettings({ SESSION_SECRET: secret, ...env }, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error("the settings were accepted");
}

describe("settings", () => {
  it("defaults", () => {
    const settings = loadSettings({ SESSION_SECRET: secret }, cwd);
    expect(settings).toMatchObject({
      port: 3000,
      databaseUrl: "file:./var/portal.db",
      appUrl: "http://localhost:3000",
      timeZone: "America/New_York",
      sessionIdleMinutes: 30,
      fiscalYearStartMonth: 7,
    });
  });

  it.each([
    [{ PORT: "abc" }, /^Setting PORT is invalid: .*"abc"/],
    [{ PORT: "70000" }, /PORT/],
    [{ DATABASE_URL: "mysql://db/portal" }, /^Setting DATABASE_URL is invalid/],
    [{ DATABASE_URL: "mysql://db/portal" }, /DATABASE_URL.*a SQLite file .* or a PostgreSQL server/],
    [{ PORTAL_TIME_ZONE: "Mars/Olympus" }, /^Setting PORTAL_TIME_ZONE is invalid/],
    [{ APP_URL: "portal.example.gov" }, /^Setting APP_URL is invalid/],
    [{ SESSION_SECRET: "short" }, /^Setting SESSION_SECRET is invalid/],
    [{ FISCAL_YEAR_START_MONTH: "13" }, /^Setting FISCAL_YEAR_START_MONTH is invalid/],
    [{ TRUST_PROXY: "true" }, /^Setting TRUST_PROXY is invalid/],
    [{ TRUST_PROXY: "10.0.0.300" }, /^Setting TRUST_PROXY is invalid/],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /^Setting TRUST_PROXY is invalid/],
    [{ TRUST_PROXY: "0" }, /^Setting TRUST_PROXY is invalid/],
  ])("refuses %j with one line naming the variable", (env, message) => {
    const text = refusal(env);
    expect(text).toMatch(message);
    expect(text.split("\n")).toHaveLength(1);
  });

  it("TRUST_PROXY: off by default, a number of proxies, or their addresses (issue 15: behind a proxy)", () => {
    expect(loadSettings({ SESSION_SECRET: secret }, cwd).trustProxy).toBe(false);
    expect(loadSettings({ SESSION_SECRET: secret, TRUST_PROXY: "1" }, cwd).trustProxy).toBe(1);
    expect(loadSettings({ SESSION_SECRET: secret, TRUST_PROXY: "loopback, 10.0.0.0/8, ::1" }, cwd).trustProxy).toEqual(["loopback", "10.0.0.0/8", "::1"]);
  });

  it("production needs SESSION_SECRET", () => {
    expect(() => loadSettings({ NODE_ENV: "production" }, cwd)).toThrow(/SESSION_SECRET/);
  });

  it("production needs AUDIT_KEY, held apart from SESSION_SECRET; development generates one into var/ (issue 15)", () => {
    expect(() => loadSettings({ NODE_ENV: "production", SESSION_SECRET: secret }, cwd)).toThrow(/^Setting AUDIT_KEY is invalid: .*required in production/);
    expect(() => loadSettings({ NODE_ENV: "production", SESSION_SECRET: secret, AUDIT_KEY: "short" }, cwd)).toThrow(/AUDIT_KEY/);
    expect(() => loadSettings({ NODE_ENV: "production", SESSION_SECRET: secret, AUDIT_KEY: secret }, cwd)).toThrow(/other than SESSION_SECRET/);
    const key = "k".repeat(48);
    expect(loadSettings({ NODE_ENV: "production", SESSION_SECRET: secret, AUDIT_KEY: key, AUDIT_PREVIOUS_KEYS: `${"o".repeat(40)}, ${"p".repeat(40)}` }, cwd)).toMatchObject({
      auditKey: key,
      auditPreviousKeys: ["o".repeat(40), "p".repeat(40)],
    });
    const generated = loadSettings({ SESSION_SECRET: secret }, cwd).auditKey;
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(loadSettings({ SESSION_SECRET: secret }, cwd).auditKey).toBe(generated);
    expect(fs.statSync(path.join(cwd, "var", "audit-key")).mode & 0o777).toBe(0o600);
  });
});

describe("single sign-on settings (issue 18)", () => {
  const oidc = { OIDC_ISSUER: "https://login.example.gov/tenant/v2.0", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "secret" };

  it("are off by default, with local sign-in on", () => {
    expect(loadSettings({ SESSION_SECRET: secret }, cwd)).toMatchObject({ oidc: null, localSignIn: true });
  });

  it("take an https issuer, with defaults for the scopes and the button's name", () => {
    expect(loadSettings({ SESSION_SECRET: secret, ...oidc, LOCAL_SIGN_IN: "off", OIDC_MFA_ACR: "urn:a  urn:b" }, cwd)).toMatchObject({
      oidc: { issuer: oidc.OIDC_ISSUER, scopes: "openid email profile", name: "your county account", mfaAcrValues: ["urn:a", "urn:b"], allowInsecure: false },
      localSignIn: false,
    });
  });

  it("refuse a plain-http issuer off this machine, a missing client, scopes without openid or email, LOCAL_SIGN_IN=off without a provider", () => {
    expect(refusal({ ...oidc, OIDC_ISSUER: "http://login.example.gov" })).toMatch(/^Setting OIDC_ISSUER is invalid/);
    expect(loadSettings({ SESSION_SECRET: secret, ...oidc, OIDC_ISSUER: "http://127.0.0.1:9000" }, cwd).oidc?.allowInsecure).toBe(true);
    expect(refusal({ ...oidc, OIDC_CLIENT_ID: "" })).toMatch(/^Setting OIDC_CLIENT_ID is invalid/);
    expect(refusal({ ...oidc, OIDC_CLIENT_SECRET: "" })).toMatch(/^Setting OIDC_CLIENT_SECRET is invalid/);
    expect(refusal({ ...oidc, OIDC_SCOPES: "profile email" })).toMatch(/^Setting OIDC_SCOPES is invalid/);
    expect(refusal({ ...oidc, OIDC_SCOPES: "openid profile" })).toMatch(/^Setting OIDC_SCOPES is invalid/);
    expect(refusal({ LOCAL_SIGN_IN: "off" })).toMatch(/^Setting LOCAL_SIGN_IN is invalid/);
    expect(refusal({ ...oidc, LOCAL_SIGN_IN: "no" })).toMatch(/^Setting LOCAL_SIGN_IN is invalid/);
  });
});
