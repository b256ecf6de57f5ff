// The state between "password right" and "signed in" for accounts with a second factor:
// a short-lived signed cookie, not a session row, so that no Session ever exists for a
// person who has not passed every factor their account needs.
// The cookie is signed (not encrypted). It may carry the secret being enrolled: that is
// the person's own secret, also shown on their screen, and useless without their password.
import type { Cookie } from "@remix-run/node";
import { z } from "zod";
import type { Settings } from "../settings.server";
import { portalCookie } from "./cookies.server";
import type { SignInHow } from "./session.server";

/** Ten minutes to type a code or scan a QR code. */
export const PENDING_MINUTES = 10;

const pendingSchema = z.object({
  userId: z.string().min(1).max(64),
  redirectTo: z.string().startsWith("/").max(2000),
  expiresAt: z.number().int(),
  /** The secret shown on the enrolment page (present only while enrolling). */
  enrolSecret: z
    .string()
    .regex(/^[A-Z2-7]{32}$/)
    .optional(),
  /** Signed in at the county's provider (issue 18); absent for the password. */
  method: z.literal("oidc").optional(),
  /** The provider's ID token, for sign-out at the provider; left out when too long for a cookie. */
  idToken: z.string().max(2500).optional(),
});

export type PendingSignIn = z.infer<typeof pendingSchema>;

export function createPendingStore(settings: Settings) {
  const cookie: Cookie = portalCookie("portal_mfa", settings, PENDING_MINUTES * 60);

  /** The pending sign-in, or null when absent, tampered with or expired (the cookie's own max-age is the browser's to obey). */
  async function read(request: Request, now = new Date()): Promise<PendingSignIn | null> {
    const parsed = pendingSchema.safeParse(await cookie.parse(request.headers.get("Cookie")));
    if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return null;
    return parsed.data;
  }

  async function start(userId: string, redirectTo: string, now = new Date(), via?: { idToken: string }): Promise<string> {
    const value: PendingSignIn = { userId, redirectTo, expiresAt: now.getTime() + PENDING_MINUTES * 60_000 };
    if (via) {
      value.method = "oidc";
      if (via.idToken.length <= 2500) value.idToken = via.idToken;
    }
    return cookie.serialize(value);
  }

  /** How the session made at the end of this pending sign-in was begun. */
  function how(pending: PendingSignIn): SignInHow {
    return pending.method === "oidc" ? { method: "oidc", idToken: pending.idToken } : { method: "password" };
  }

  /** Keep the pending sign-in and remember the secret being enrolled. */
  async function withEnrolSecret(pending: PendingSignIn, secret: string): Promise<string> {
    return cookie.serialize({ ...pending, enrolSecret: secret } satisfies PendingSignIn);
  }

  async function clear(): Promise<string> {
    return cookie.serialize("", { maxAge: 0 });
  }

  return { cookie, read, start, how, withEnrolSecret, clear };
}

const enrolSchema = z.object({
  userId: z.string().min(1).max(64),
  secret: z.string().regex(/^[A-Z2-7]{32}$/),
  expiresAt: z.number().int(),
});

/**
 * For a signed-in person enrolling from their account page: the secret generated on the
 * server when the page was shown, so the one confirmed is the one the server made
 * (NIST SP 800-63B-4: the verifier generates OTP secrets), never one sent in a form.
 */
export function createEnrolStore(settings: Settings) {
  const cookie: Cookie = portalCookie("portal_mfa_enrol", settings, PENDING_MINUTES * 60);

  async function read(request: Request, userId: string, now = new Date()): Promise<string | null> {
    const parsed = enrolSchema.safeParse(await cookie.parse(request.headers.get("Cookie")));
    if (!parsed.success || parsed.data.userId !== userId || parsed.data.expiresAt <= now.getTime()) return null;
    return parsed.data.secret;
  }

  async function start(userId: string, secret: string, now = new Date()): Promise<string> {
    return cookie.serialize({ userId, secret, expiresAt: now.getTime() + PENDING_MINUTES * 60_000 });
  }

  async function clear(): Promise<string> {
    return cookie.serialize("", { maxAge: 0 });
  }

  return { cookie, read, start, clear };
}
