// Second factor: time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s, the
// parameters every authenticator app supports) and single-use recovery codes.
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Role } from "workflows";
import type { PrismaClient } from "../db.server";

export const ISSUER = "3-1-1 Number Use Portal";
const PERIOD_SECONDS = 30;
/** One step either side of now: allows for a phone clock a little off and for typing time. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Crockford-like alphabet without 0/O and 1/I/L, so codes read aloud or typed from paper survive. */
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Roles whose accounts must have a second factor (issue 7); requesters and analysts may add one. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["director", "assistant_director", "finance", "admin"];

export function mfaRequiredFor(roles: ReadonlyArray<{ role: Role }>): boolean {
  return roles.some((r) => MFA_REQUIRED_ROLES.includes(r.role));
}

/** A new random 160-bit secret, base32 (the length RFC 4226 recommends for SHA-1). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The code an authenticator app shows at `now` (for tests and the e2e helper's twin). */
export function totpCode(secretBase32: string, now: Date = new Date()): string {
  return totp(secretBase32).generate({ timestamp: now.getTime() });
}

export interface Enrolment {
  secret: string;
  /** The secret grouped in fours, for typing into an app by hand. */
  secretForDisplay: string;
  uri: string;
  /** An SVG QR code as a data: URL, made on the server so enrolment works without JavaScript. */
  qrDataUrl: string;
}

export async function describeEnrolment(secret: string, email: string): Promise<Enrolment> {
  const uri = totp(secret, email).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    secret,
    secretForDisplay: secret.replace(/(.{4})/g, "$1 ").trim(),
    uri,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/**
 * The time step of a valid code, or null. A code whose step is not after `lastStep`
 * was already used (or is older than one that was) and is refused (RFC 6238 §5.2).
 */
export function acceptTotp(secret: string, code: string, lastStep: number | null, now: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Upper case, no spaces or dashes: how a recovery code is hashed and compared. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, "");
}

/** SHA-256 is enough: each code has 50 random bits and is used once (unlike a password). */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}

/** Ten codes like "7KQ2M-XW9DP" (10 characters from a 31-letter alphabet: ~49.5 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/**
 * Turn MFA on (or re-enrol) once the person proves their app shows the right code.
 * Returns the new recovery codes (shown once, stored only as hashes), or null when the
 * code is wrong. Old recovery codes stop working.
 */
export async function enableMfa(
  db: PrismaClient,
  userId: string,
  secret: string,
  code: string,
  now: Date = new Date(),
): Promise<string[] | null> {
  const step = acceptTotp(secret, code, null, now);
  if (step === null) return null;
  const codes = newRecoveryCodes();
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { mfaSecret: secret, mfaEnabledAt: now, mfaLastStep: step } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c), createdAt: now })) }),
  ]);
  return codes;
}

/** Replace the recovery codes (after a valid second factor). */
export async function replaceRecoveryCodes(db: PrismaClient, userId: string, now: Date = new Date()): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c), createdAt: now })) }),
  ]);
  return codes;
}

export type SecondFactorResult = "totp" | "recovery" | null;

/**
 * Check a code from the app or a recovery code. Each is accepted once: the TOTP step
 * and the recovery code are claimed with a conditional update, so two requests racing
 * with the same code cannot both succeed.
 */
export async function verifySecondFactor(
  db: PrismaClient,
  userId: string,
  input: string,
  now: Date = new Date(),
): Promise<SecondFactorResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { mfaSecret: true, mfaLastStep: true } });
  if (!user?.mfaSecret) return null;
  const compact = input.replace(/\s+/g, "");
  if (/^\d{6}$/.test(compact)) {
    const step = acceptTotp(user.mfaSecret, compact, user.mfaLastStep, now);
    if (step === null) return null;
    const claimed = await db.user.updateMany({
      where: { id: userId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] },
      data: { mfaLastStep: step },
    });
    return claimed.count === 1 ? "totp" : null;
  }
  const normalized = normalizeRecoveryCode(compact);
  if (!/^[A-Z0-9]{10}$/.test(normalized)) return null;
  const used = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(normalized), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1 ? "recovery" : null;
}

export async function unusedRecoveryCodeCount(db: PrismaClient, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
