// Portal settings, read from the environment and validated once (SPEC §9).
// A bad value stops the process with one line naming the variable.
import { createHash, createPrivateKey, randomBytes, X509Certificate, type KeyObject } from "node:crypto";
import fs from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { ROLES, type Role } from "workflows";

export interface Settings {
  nodeEnv: "development" | "production" | "test";
  port: number;
  databaseUrl: string;
  appUrl: string;
  /** True when APP_URL is https: cookies are then marked Secure. */
  secureCookies: boolean;
  sessionSecret: string;
  /** Keys the audit chain's hashes (HMAC-SHA-256); held outside the database (issue 15). */
  auditKey: string;
  /** Earlier AUDIT_KEYs, kept to verify entries made with them until they are resealed. */
  auditPreviousKeys: string[];
  timeZone: string;
  smtpUrl: string | undefined;
  mailDir: string;
  sessionIdleMinutes: number;
  fiscalYearStartMonth: number;
  /**
   * Express's "trust proxy": which proxies' X-Forwarded-For to believe for the client's address
   * (sign-in limits). false: none, the socket's address counts.
   */
  trustProxy: false | number | string[];
  /** Attachments (issue 14): the largest file, and all of one request's files together, in bytes. */
  attachmentMaxFileBytes: number;
  attachmentMaxRequestBytes: number;
  /** Single sign-on with the county's OpenID Connect provider (issue 18); null when OIDC_ISSUER is not set. */
  oidc: OidcSettings | null;
  /** LOCAL_SIGN_IN: false hides the password form and refuses its POST (only with an OIDC provider). */
  localSignIn: boolean;
}

export interface OidcSettings {
  /** The provider's issuer URL; its /.well-known/openid-configuration is read at the first sign-in. */
  issuer: string;
  clientId: string;
  /** How the portal proves it is the client at the token endpoint. */
  clientAuth: OidcClientAuth;
  /** Space-separated; always includes openid and email. */
  scopes: string;
  /** For the button: "Sign in with <name>". */
  name: string;
  /** acr values that mean the provider asked for a second factor (besides amr "mfa"). */
  mfaAcrValues: string[];
  /** Plain http to the provider: only for a provider on this machine (tests, development). */
  allowInsecure: boolean;
  /** OIDC_ROLE_CLAIM with OIDC_ROLE_MAP: the portal roles come from this claim at each sign-in; null when off. */
  roleClaim: { claim: string; map: Array<{ group: string; role: Role }> } | null;
}

export type OidcClientAuth =
  | { method: "client_secret_basic"; secret: string }
  | {
      method: "private_key_jwt";
      /** PKCS#8 PEM of the private key that signs the client assertion. */
      privateKeyPem: string;
      algorithm: "RS256" | "ES256";
      /** OIDC_CLIENT_KEY_ID: the key's kid at the provider (Okta), if given. */
      keyId: string | null;
      /** The certificate's SHA-1 thumbprint, when the PEM holds one (Microsoft Entra ID wants it as x5t). */
      x5t: string | null;
    };

export class SettingsError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly got: string | undefined,
  ) {
    super(
      `Setting ${variable} is invalid: expected ${expected}, got ${
        got === undefined ? "nothing" : JSON.stringify(got)
      }`,
    );
    this.name = "SettingsError";
  }
}

/** A megabyte as people's computers count file sizes. */
export const MEGABYTE = 1024 * 1024;

type Env = Record<string, string | undefined>;

function blankToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

/** Parse one variable with a zod schema; throw a one-line SettingsError on failure. */
function read<T>(env: Env, name: string, expected: string, schema: z.ZodType<T>, fallback?: T): T {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new SettingsError(name, expected, raw);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new SettingsError(name, expected, raw);
  return result.data;
}

const intIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Development only: a random secret generated once and kept in var/<name>. */
function developmentSecret(cwd: string, name: "session-secret" | "audit-key"): string {
  const file = path.resolve(cwd, "var", name);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address or subnet of a proxy, as Express's "trust proxy" takes it. */
function isProxyAddress(item: string): boolean {
  if (PROXY_NAMES.has(item)) return true;
  const [address, prefix, ...rest] = item.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

function readTrustProxy(env: Env): Settings["trustProxy"] {
  const raw = blankToUndefined(env.TRUST_PROXY);
  if (raw === undefined || raw === "false") return false;
  if (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 10) return Number(raw);
  const items = raw.split(",").map((s) => s.trim());
  if (items.every(isProxyAddress)) return items;
  throw new SettingsError(
    "TRUST_PROXY",
    'the number of proxies in front of the portal (1-10), or their addresses or subnets separated by commas, or "loopback"',
    raw,
  );
}

/**
 * AUDIT_KEY: required in production, generated into var/audit-key otherwise. Not SESSION_SECRET,
 * which signs cookies and may be rotated on its own timetable.
 */
function readAuditKey(env: Env, nodeEnv: Settings["nodeEnv"], cwd: string, sessionSecret: string): string {
  const raw = blankToUndefined(env.AUDIT_KEY);
  if (raw === undefined) {
    if (nodeEnv === "production") {
      throw new SettingsError("AUDIT_KEY", "a key of at least 32 characters (required in production)", undefined);
    }
    return developmentSecret(cwd, "audit-key");
  }
  if (raw.length < 32) throw new SettingsError("AUDIT_KEY", "at least 32 characters", `${raw.length} characters`);
  if (raw === sessionSecret) throw new SettingsError("AUDIT_KEY", "a key other than SESSION_SECRET", "the same value");
  return raw;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** OIDC_*: all or nothing. The issuer must be https, except a provider on this machine. */
function readOidc(env: Env): OidcSettings | null {
  const issuer = read(
    env,
    "OIDC_ISSUER",
    "the provider's issuer URL (https://…)",
    z
      .string()
      .refine((s) => URL.canParse(s))
      .refine((s) => {
        const url = new URL(s);
        return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
      }),
    "",
  );
  if (issuer === "") return null;
  const clientId = read(env, "OIDC_CLIENT_ID", "the client (application) id the provider gave the portal", z.string().min(1).max(500));
  const clientAuth = readClientAuth(env);
  const scopes = read(
    env,
    "OIDC_SCOPES",
    'scopes separated by spaces, including "openid" and "email"',
    z
      .string()
      .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/)
      .refine((s) => s.split(" ").includes("openid") && s.split(" ").includes("email")),
    "openid email profile",
  );
  const name = read(env, "OIDC_NAME", "a short name for the button, such as \"Microsoft\" (at most 40 characters)", z.string().max(40), "your county account");
  const mfaAcrValues = (blankToUndefined(env.OIDC_MFA_ACR) ?? "").split(/\s+/).filter((v) => v !== "");
  return {
    issuer,
    clientId,
    clientAuth,
    scopes,
    name,
    mfaAcrValues,
    allowInsecure: new URL(issuer).protocol === "http:",
    roleClaim: readRoleClaim(env),
  };
}

/**
 * OIDC_CLIENT_SECRET or OIDC_CLIENT_PRIVATE_KEY, exactly one. The key is PEM text (newlines may
 * be written \n) or the path of a PEM file; it is parsed here so a bad key stops the start.
 */
function readClientAuth(env: Env): OidcClientAuth {
  const secret = blankToUndefined(env.OIDC_CLIENT_SECRET);
  const keySetting = blankToUndefined(env.OIDC_CLIENT_PRIVATE_KEY);
  const expected = "the client secret the provider gave the portal, or else OIDC_CLIENT_PRIVATE_KEY (one of the two)";
  if (secret !== undefined && keySetting !== undefined) {
    throw new SettingsError("OIDC_CLIENT_SECRET", "to be left empty when OIDC_CLIENT_PRIVATE_KEY is set (one of the two, not both)", "a secret too");
  }
  if (keySetting === undefined) {
    return { method: "client_secret_basic", secret: read(env, "OIDC_CLIENT_SECRET", expected, z.string().min(1).max(1000)) };
  }
  const keyExpected = "a PKCS#8 RSA or P-256 private key in PEM (\"-----BEGIN PRIVATE KEY-----…\"), or the path of a file holding one";
  let pem: string;
  if (keySetting.startsWith("-----BEGIN")) {
    pem = keySetting.replace(/\\n/g, "\n");
  } else {
    try {
      pem = fs.readFileSync(keySetting, "utf8");
    } catch {
      throw new SettingsError("OIDC_CLIENT_PRIVATE_KEY", `${keyExpected} (the file cannot be read)`, keySetting);
    }
  }
  // Never the key itself in the message.
  const shown = keySetting.startsWith("-----BEGIN") ? "PEM text" : keySetting;
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SettingsError("OIDC_CLIENT_PRIVATE_KEY", keyExpected, shown);
  }
  const algorithm = key.asymmetricKeyType === "rsa" ? "RS256" : key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1" ? "ES256" : null;
  if (algorithm === null) throw new SettingsError("OIDC_CLIENT_PRIVATE_KEY", `${keyExpected} (another kind of key)`, shown);
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  return {
    method: "private_key_jwt",
    privateKeyPem: key.export({ type: "pkcs8", format: "pem" }).toString(),
    algorithm,
    keyId: read(env, "OIDC_CLIENT_KEY_ID", "the key's id at the provider (at most 200 characters)", z.string().max(200), "") || null,
    x5t: certificate ? createHash("sha1").update(new X509Certificate(certificate).raw).digest("base64url") : null,
  };
}

/**
 * OIDC_ROLE_CLAIM (a claim name, such as "groups") and OIDC_ROLE_MAP ("group=role" pairs
 * separated by commas; a group may give several roles). Both or neither; unknown roles stop the start.
 */
function readRoleClaim(env: Env): OidcSettings["roleClaim"] {
  const claim = read(env, "OIDC_ROLE_CLAIM", 'the name of the claim that lists the person\'s groups, such as "groups"', z.string().regex(/^[A-Za-z0-9_:./-]{1,100}$/), "");
  const mapSetting = blankToUndefined(env.OIDC_ROLE_MAP);
  const mapExpected = `group=role pairs separated by commas, such as "portal-directors=director, portal-finance=finance"; roles are ${ROLES.join(", ")}`;
  if (claim === "") {
    if (mapSetting !== undefined) throw new SettingsError("OIDC_ROLE_CLAIM", "the claim OIDC_ROLE_MAP's groups are read from (both or neither)", undefined);
    return null;
  }
  if (mapSetting === undefined) throw new SettingsError("OIDC_ROLE_MAP", mapExpected, undefined);
  const map = mapSetting.split(",").map((pair) => {
    const at = pair.lastIndexOf("=");
    const group = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at < 0 || group === "") throw new SettingsError("OIDC_ROLE_MAP", mapExpected, pair.trim());
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new SettingsError("OIDC_ROLE_MAP", `${mapExpected} (unknown role "${role}")`, pair.trim());
    }
    return { group, role: role as Role };
  });
  return { claim, map };
}

/** Validate the environment. Throws SettingsError (one clear line) on the first bad value. */
export function loadSettings(env: Env = process.env, cwd: string = process.cwd()): Settings {
  const nodeEnv = read(
    env,
    "NODE_ENV",
    'one of "development", "production", "test"',
    z.enum(["development", "production", "test"]),
    "development",
  );
  const port = read(env, "PORT", "a port number 1-65535", intIn(1, 65535), 3000);
  const databaseUrl = read(
    env,
    "DATABASE_URL",
    'a SQLite file ("file:./var/portal.db") or a PostgreSQL server ("postgresql://user@host:5432/portal")',
    z.string().regex(/^(file:.+|postgres(ql)?:\/\/.+)$/),
    "file:./var/portal.db",
  );
  const appUrl = read(
    env,
    "APP_URL",
    "an http:// or https:// URL",
    z
      .string()
      .regex(/^https?:\/\//)
      .refine((s) => URL.canParse(s))
      .transform((s) => s.replace(/\/+$/, "")),
    `http://localhost:${port}`,
  );
  const rawSecret = blankToUndefined(env.SESSION_SECRET);
  let sessionSecret: string;
  if (rawSecret !== undefined) {
    if (rawSecret.length < 32) {
      throw new SettingsError("SESSION_SECRET", "at least 32 characters", `${rawSecret.length} characters`);
    }
    sessionSecret = rawSecret;
  } else if (nodeEnv === "production") {
    throw new SettingsError("SESSION_SECRET", "a secret of at least 32 characters (required in production)", undefined);
  } else {
    sessionSecret = developmentSecret(cwd, "session-secret");
  }
  const auditKey = readAuditKey(env, nodeEnv, cwd, sessionSecret);
  const auditPreviousKeys = (blankToUndefined(env.AUDIT_PREVIOUS_KEYS) ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  if (auditPreviousKeys.some((k) => k.length < 32)) {
    throw new SettingsError("AUDIT_PREVIOUS_KEYS", "earlier AUDIT_KEYs of at least 32 characters, separated by commas", "a shorter key");
  }
  const timeZone = read(
    env,
    "PORTAL_TIME_ZONE",
    'an IANA time zone such as "America/New_York"',
    z.string().refine(isValidTimeZone),
    "America/New_York",
  );
  const smtpUrl = blankToUndefined(env.SMTP_URL);
  if (smtpUrl !== undefined && !/^smtps?:\/\/.+/.test(smtpUrl)) {
    throw new SettingsError("SMTP_URL", 'an smtp:// or smtps:// URL', smtpUrl);
  }
  const mailDir = read(env, "MAIL_DIR", "a folder path", z.string().min(1), "./var/mail");
  const sessionIdleMinutes = read(
    env,
    "SESSION_IDLE_MINUTES",
    "a whole number of minutes 1-720",
    intIn(1, 720),
    30,
  );
  const fiscalYearStartMonth = read(
    env,
    "FISCAL_YEAR_START_MONTH",
    "a month number 1-12",
    intIn(1, 12),
    7,
  );
  const attachmentMaxFileMb = read(env, "ATTACHMENT_MAX_FILE_MB", "a whole number of megabytes 1-100", intIn(1, 100), 10);
  const attachmentMaxRequestMb = read(env, "ATTACHMENT_MAX_REQUEST_MB", "a whole number of megabytes 1-1000", intIn(1, 1000), 25);
  if (attachmentMaxRequestMb < attachmentMaxFileMb) {
    throw new SettingsError("ATTACHMENT_MAX_REQUEST_MB", `at least ATTACHMENT_MAX_FILE_MB (${attachmentMaxFileMb})`, String(attachmentMaxRequestMb));
  }
  const oidc = readOidc(env);
  const localSignIn = read(env, "LOCAL_SIGN_IN", '"on" or "off"', z.enum(["on", "off"]), "on") === "on";
  // Without a provider, turning local sign-in off would leave nobody able to sign in.
  if (!localSignIn && oidc === null) {
    throw new SettingsError("LOCAL_SIGN_IN", '"on" unless OIDC_ISSUER is set', "off");
  }
  return {
    nodeEnv,
    port,
    databaseUrl,
    appUrl,
    secureCookies: appUrl.startsWith("https://"),
    sessionSecret,
    auditKey,
    auditPreviousKeys,
    timeZone,
    smtpUrl,
    mailDir,
    sessionIdleMinutes,
    fiscalYearStartMonth,
    trustProxy: readTrustProxy(env),
    attachmentMaxFileBytes: attachmentMaxFileMb * MEGABYTE,
    attachmentMaxRequestBytes: attachmentMaxRequestMb * MEGABYTE,
    oidc,
    localSignIn,
  };
}

let cached: Settings | undefined;

/** The process's settings, validated on first use. */
export function getSettings(): Settings {
  cached ??= loadSettings();
  return cached;
}

/** For tests: forget the cached settings (or replace them). */
export function resetSettings(next?: Settings): void {
  cached = next;
}

/**
 * A process-wide service made from the settings on first use, and made again if they were
 * replaced (resetSettings: test files that share a worker, each with its own database and secrets).
 */
export function perSettings<T>(make: (settings: Settings) => T): () => T {
  let made: { settings: Settings; value: T } | undefined;
  return () => {
    const settings = getSettings();
    if (made?.settings !== settings) made = { settings, value: make(settings) };
    return made.value;
  };
}
