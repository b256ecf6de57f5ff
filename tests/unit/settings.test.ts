// SPEC §9: settings come from the environment, and a bad value stops the portal with one clear
// line naming the variable (issue 3).
import { spawnSync } from "node:child_process";
import { generateKeyPairSync, X509Certificate } from "node:crypto";
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

  it("take a private key (PEM text or a file) in place of the client secret: one of the two, never both or neither", () => {
    const { OIDC_CLIENT_SECRET: _secret, ...noSecret } = oidc;
    const ecKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(loadSettings({ SESSION_SECRET: secret, ...oidc }, cwd).oidc?.clientAuth).toEqual({ method: "client_secret_basic", secret: "secret" });
    expect(loadSettings({ SESSION_SECRET: secret, ...noSecret, OIDC_CLIENT_PRIVATE_KEY: ecKey.replace(/\n/g, "\\n"), OIDC_CLIENT_KEY_ID: "portal-1" }, cwd).oidc?.clientAuth).toMatchObject({
      method: "private_key_jwt",
      algorithm: "ES256",
      keyId: "portal-1",
      x5t: null,
    });
    expect(refusal({ ...oidc, OIDC_CLIENT_PRIVATE_KEY: ecKey })).toBe(
      'Setting OIDC_CLIENT_SECRET is invalid: expected to be left empty when OIDC_CLIENT_PRIVATE_KEY is set (one of the two, not both), got "a secret too"',
    );
    expect(refusal(noSecret)).toMatch(/^Setting OIDC_CLIENT_SECRET is invalid: expected the client secret the provider gave the portal, or else OIDC_CLIENT_PRIVATE_KEY/);
    expect(refusal({ ...noSecret, OIDC_CLIENT_PRIVATE_KEY: "/nowhere/portal-key.pem" })).toMatch(/^Setting OIDC_CLIENT_PRIVATE_KEY is invalid: .*\(the file cannot be read\), got "\/nowhere/);
    // The key's text is never repeated in the message.
    expect(refusal({ ...noSecret, OIDC_CLIENT_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----" })).toMatch(/got "PEM text"$/);
    const edKey = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(refusal({ ...noSecret, OIDC_CLIENT_PRIVATE_KEY: edKey })).toMatch(/\(another kind of key\), got "PEM text"$/);
  });

  it("a key file with its certificate gives the certificate's thumbprint (x5t, for Microsoft Entra ID)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oidc-key-"));
    const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=portal", "-days", "1"], { cwd: dir });
    expect(made.status).toBe(0);
    const file = path.join(dir, "portal.pem");
    fs.writeFileSync(file, fs.readFileSync(path.join(dir, "key.pem"), "utf8") + fs.readFileSync(path.join(dir, "cert.pem"), "utf8"));
    const fingerprint = new X509Certificate(fs.readFileSync(path.join(dir, "cert.pem"))).fingerprint;
    const { OIDC_CLIENT_SECRET: _secret, ...noSecret } = oidc;
    expect(loadSettings({ SESSION_SECRET: secret, ...noSecret, OIDC_CLIENT_PRIVATE_KEY: file }, cwd).oidc?.clientAuth).toMatchObject({
      method: "private_key_jwt",
      algorithm: "RS256",
      keyId: null,
      x5t: Buffer.from(fingerprint.replace(/:/g, ""), "hex").toString("base64url"),
    });
    fs.rmSync(dir, { recursive: true });
  });

  it("OIDC_ROLE_CLAIM: off by default; with OIDC_ROLE_MAP's group=role pairs; an unknown role or a half setting stops the start", () => {
    expect(loadSettings({ SESSION_SECRET: secret, ...oidc }, cwd).oidc?.roleClaim).toBeNull();
    expect(loadSettings({ SESSION_SECRET: secret, ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "311 Directors=director, a=b=finance,leads=analyst,leads=finance" }, cwd).oidc?.roleClaim).toEqual({
      claim: "groups",
      map: [
        { group: "311 Directors", role: "director" },
        { group: "a=b", role: "finance" },
        { group: "leads", role: "analyst" },
        { group: "leads", role: "finance" },
      ],
    });
    expect(refusal({ ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "portal-bosses=boss" })).toBe(
      'Setting OIDC_ROLE_MAP is invalid: expected group=role pairs separated by commas, such as "portal-directors=director, portal-finance=finance"; roles are requester, director, assistant_director, analyst, finance, admin (unknown role "boss"), got "portal-bosses=boss"',
    );
    expect(refusal({ ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "directors" })).toMatch(/^Setting OIDC_ROLE_MAP is invalid: .*got "directors"$/);
    expect(refusal({ ...oidc, OIDC_ROLE_CLAIM: "groups" })).toMatch(/^Setting OIDC_ROLE_MAP is invalid: .*got nothing$/);
    expect(refusal({ ...oidc, OIDC_ROLE_MAP: "a=admin" })).toMatch(/^Setting OIDC_ROLE_CLAIM is invalid/);
  });
});
