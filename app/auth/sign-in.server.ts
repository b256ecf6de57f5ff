// Sign-in, step by step: throttle → password → (second factor or enrolment) → session.
import { redirect } from "@remix-run/node";
import { getDb, type PrismaClient } from "../db.server";
import { perSettings } from "../settings.server";
import { verifySecondFactor } from "./mfa.server";
import { safeRedirectTo } from "./redirectTarget";
import { getSessionStore, type CurrentUser, type SessionStore } from "./session.server";
import { createEnrolStore, createPendingStore, type PendingSignIn } from "./sign-in-flow.server";
import { getThrottles, type Throttles } from "./throttle.server";

export type PasswordOutcome =
  | { kind: "locked"; retryAfterMs: number }
  | { kind: "refused" }
  | { kind: "ok"; user: CurrentUser };

export type CodeOutcome =
  | { kind: "locked"; retryAfterMs: number }
  | { kind: "refused" }
  | { kind: "ok"; setCookies: string[] };

export type PendingStore = ReturnType<typeof createPendingStore>;
export type EnrolStore = ReturnType<typeof createEnrolStore>;

export function createSignIn(deps: { db: PrismaClient; store: SessionStore; pending: PendingStore; throttles: Throttles; appUrl: string }) {
  const { db, store, pending, throttles, appUrl } = deps;

  const accountKey = (email: string) => email.trim().toLowerCase();

  /**
   * Check the password, within the limits. The account key is the e-mail as typed, so an
   * unknown address is locked exactly like a real one and the answers never differ.
   * A locked attempt is refused before the password is looked at.
   */
  async function checkPassword(email: string, password: string, clientAddress: string): Promise<PasswordOutcome> {
    const account = accountKey(email);
    const here = `${account} ${clientAddress}`;
    const retryAfterMs = Math.max(
      await throttles.accountAtAddress.retryAfterMs(here),
      await throttles.accounts.retryAfterMs(account),
      await throttles.addresses.retryAfterMs(clientAddress),
    );
    if (retryAfterMs > 0) return { kind: "locked", retryAfterMs };
    const user = await store.authenticate(email, password);
    if (!user) {
      await throttles.accountAtAddress.recordFailure(here);
      await throttles.accounts.recordFailure(account);
      await throttles.addresses.recordFailure(clientAddress);
      return { kind: "refused" };
    }
    // A success clears this address's count for the account, not the account's cap (a guesser
    // spread over many addresses must not be let off by the owner signing in) nor the
    // address's (one good account must not let an address go on guessing at others).
    await throttles.accountAtAddress.reset(here);
    return { kind: "ok", user };
  }

  /**
   * After the password (or the provider without its MFA, `oidc` given): a session, or the
   * second-factor step (code, or enrolment when required).
   */
  async function afterPassword(request: Request, user: CurrentUser, redirectTo: string, oidc?: { idToken: string }): Promise<Response> {
    if (!user.mfaEnabled && !user.mfaRequired) {
      return store.createUserSession(request, user.id, redirectTo, oidc ? { method: "oidc", idToken: oidc.idToken } : { method: "password" });
    }
    const setCookie = await pending.start(user.id, safeRedirectTo(redirectTo, appUrl), new Date(), oidc);
    const next = user.mfaEnabled ? "/sign-in/verify" : "/sign-in/set-up-mfa";
    return redirect(next, { status: 303, headers: { "Set-Cookie": setCookie } });
  }

  /** The second step: a code from the app or a recovery code, limited per account. */
  async function checkCode(request: Request, state: PendingSignIn, code: string): Promise<CodeOutcome> {
    const retryAfterMs = await throttles.mfaCodes.retryAfterMs(state.userId);
    if (retryAfterMs > 0) return { kind: "locked", retryAfterMs };
    const result = await verifySecondFactor(db, state.userId, code);
    if (!result) {
      await throttles.mfaCodes.recordFailure(state.userId);
      return { kind: "refused" };
    }
    await throttles.mfaCodes.reset(state.userId);
    return { kind: "ok", setCookies: [await pending.clear(), await store.createSession(request, state.userId, new Date(), { ...pending.how(state), secondFactor: "portal code" })] };
  }

  return { checkPassword, afterPassword, checkCode };
}

export type SignIn = ReturnType<typeof createSignIn>;

export const getPendingStore: () => PendingStore = perSettings(createPendingStore);

export const getEnrolStore: () => EnrolStore = perSettings(createEnrolStore);

/** The process's sign-in service. */
export const getSignIn: () => SignIn = perSettings((settings) =>
  createSignIn({ db: getDb(), store: getSessionStore(), pending: getPendingStore(), throttles: getThrottles(), appUrl: settings.appUrl }),
);

/** Headers with one Set-Cookie per value (a Headers init object cannot repeat a name). */
export function setCookieHeaders(values: string[]): Headers {
  const headers = new Headers();
  for (const v of values) headers.append("Set-Cookie", v);
  return headers;
}
