// Sign-in at the county's provider, from the button to the portal's own session (issue 18):
// start (state, nonce and PKCE kept in a signed cookie) → provider → callback: the code is
// exchanged and the ID token checked, the account found by subject (or claimed by a verified
// e-mail), then the portal's session, or its second step when the provider did no MFA.
import { redirect } from "@remix-run/node";
import { getDb, type PrismaClient } from "../../db.server";
import { getSettings, type Settings } from "../../settings.server";
import { safeRedirectTo } from "../redirectTarget";
import { getSessionStore, loadCurrentUser, type SessionStore } from "../session.server";
import { getSignIn, type SignIn } from "../sign-in.server";
import { setRolesFromProvider } from "../../admin/users.server";
import { matchAccount } from "./accounts.server";
import { createOidcFlowStore, type OidcFlowStore } from "./flowCookie.server";
import { authorizationRequest, exchangeCode, providerDidMfa } from "./provider.server";
import { rolesFromGroups } from "./roles";

/** Why a provider sign-in ends on the portal's page instead of in a session. */
export type ProviderRefusal =
  /** State, code or ID token did not hold, or the provider answered with an error. */
  | "failed"
  /** The provider could not be reached. */
  | "unavailable"
  | "unknown"
  | "inactive"
  | "linkedElsewhere";

export type CallbackOutcome = { kind: "refused"; reason: ProviderRefusal; setCookie: string } | { kind: "signedIn"; response: Response };

export function createProviderSignIn(deps: { db: PrismaClient; settings: Settings; store: SessionStore; flows: OidcFlowStore; signIn: SignIn }) {
  const { db, settings, store, flows, signIn } = deps;
  const oidc = settings.oidc;

  /** Send the browser to the provider. Null when no provider is set; throws when it cannot be reached. */
  async function start(redirectTo: string): Promise<Response | null> {
    if (!oidc) return null;
    const auth = await authorizationRequest(oidc, settings.appUrl);
    const setCookie = await flows.start({
      state: auth.state,
      nonce: auth.nonce,
      codeVerifier: auth.codeVerifier,
      redirectTo: safeRedirectTo(redirectTo, settings.appUrl),
    });
    return redirect(auth.url.href, { status: 303, headers: { "Set-Cookie": setCookie } });
  }

  async function callback(request: Request, now = new Date()): Promise<CallbackOutcome> {
    const clear = await flows.clear();
    const refused = (reason: ProviderRefusal): CallbackOutcome => ({ kind: "refused", reason, setCookie: clear });
    const flow = await flows.read(request, now);
    if (!oidc || !flow) return refused("failed");

    let identity;
    try {
      identity = await exchangeCode(oidc, settings.appUrl, new URL(request.url).search, flow);
    } catch (error) {
      // One line for the operator: the kind of failure, never a code or a token.
      const name = error instanceof Error ? `${error.name}${"code" in error ? ` ${String(error.code)}` : ""}` : "error";
      const message = error instanceof Error ? error.message : "";
      console.warn(`OIDC sign-in refused: ${name}: ${message}`);
      return refused(error instanceof TypeError && /fetch failed/.test(message) ? "unavailable" : "failed");
    }

    const match = await matchAccount(db, identity, now);
    if (match.kind !== "linked" && match.kind !== "claimed") return refused(match.kind);
    // Before the session: the roles decide whether a second step is needed.
    if (oidc.roleClaim) {
      const roles = rolesFromGroups(oidc.roleClaim.map, identity.groups);
      await setRolesFromProvider(db, { userId: match.userId, roles, issuer: identity.issuer, claim: oidc.roleClaim.claim, now });
    }
    const user = await loadCurrentUser(db, match.userId, now, settings.timeZone);
    if (!user) return refused("inactive");

    // The audit entry is written with the session, once every factor is passed.
    const providerMfa = providerDidMfa(oidc, identity);

    const response = providerMfa
      ? await store.createUserSession(request, user.id, flow.redirectTo, { method: "oidc", secondFactor: "provider", idToken: identity.idToken })
      : await signIn.afterPassword(request, user, flow.redirectTo, { idToken: identity.idToken });
    response.headers.append("Set-Cookie", clear);
    return { kind: "signedIn", response };
  }

  return { start, callback };
}

export type ProviderSignIn = ReturnType<typeof createProviderSignIn>;

// Built for the settings in force: tests replace the settings (another client, LOCAL_SIGN_IN).
let providerSignIn: { settings: Settings; service: ProviderSignIn } | undefined;
let flowStore: { settings: Settings; store: OidcFlowStore } | undefined;

export function getOidcFlowStore(): OidcFlowStore {
  const settings = getSettings();
  if (flowStore?.settings !== settings) flowStore = { settings, store: createOidcFlowStore(settings) };
  return flowStore.store;
}

/** The process's provider sign-in service. */
export function getProviderSignIn(): ProviderSignIn {
  const settings = getSettings();
  if (providerSignIn?.settings !== settings) {
    providerSignIn = {
      settings,
      service: createProviderSignIn({ db: getDb(), settings, store: getSessionStore(), flows: getOidcFlowStore(), signIn: getSignIn() }),
    };
  }
  return providerSignIn.service;
}
