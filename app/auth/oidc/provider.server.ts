// The county's OpenID Connect provider, through openid-client (v6): discovery once per process,
// the authorization URL (code flow with PKCE S256, state and nonce), the code exchange with the
// ID token's checks (signature, issuer, audience, expiry, nonce), and the end-session URL.
import { createPrivateKey, webcrypto } from "node:crypto";
import * as client from "openid-client";
import { groupsOf } from "./roles";
import type { OidcClientAuth, OidcSettings } from "../../settings.server";

let cached: { settings: OidcSettings; config: Promise<client.Configuration> } | undefined;

/** The provider's configuration, discovered at first use; a failed discovery is tried again next time. */
export function providerConfig(settings: OidcSettings): Promise<client.Configuration> {
  if (cached?.settings !== settings) {
    const config = (async () => client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      undefined,
      await clientAuthentication(settings.clientAuth),
      {
        // enableNonRepudiationChecks: check the ID token's signature against the provider's
        // published keys even though it came straight from the token endpoint (openid-client
        // otherwise relies on TLS alone there): a token the provider did not sign is refused.
        execute: [client.enableNonRepudiationChecks, ...(settings.allowInsecure ? [client.allowInsecureRequests] : [])],
        timeout: 10,
      },
    ))();
    cached = { settings, config };
    config.catch(() => {
      if (cached?.config === config) cached = undefined;
    });
  }
  return cached.config;
}

/**
 * client_secret_basic, or private_key_jwt: an assertion signed with the portal's key, carrying
 * the key's kid (Okta) and the certificate's x5t (Microsoft Entra ID) when the settings have them.
 */
async function clientAuthentication(auth: OidcClientAuth): Promise<client.ClientAuth> {
  if (auth.method === "client_secret_basic") return client.ClientSecretBasic(auth.secret);
  const der = createPrivateKey(auth.privateKeyPem).export({ type: "pkcs8", format: "der" });
  const algorithm = auth.algorithm === "RS256" ? { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } : { name: "ECDSA", namedCurve: "P-256" };
  const key = await webcrypto.subtle.importKey("pkcs8", der, algorithm, false, ["sign"]);
  const { x5t } = auth;
  return client.PrivateKeyJwt(
    { key, ...(auth.keyId ? { kid: auth.keyId } : {}) },
    x5t ? { [client.modifyAssertion]: (header) => void Object.assign(header, { x5t }) } : {},
  );
}

/** The portal's redirect URI: register exactly this with the provider. */
export const callbackUrl = (appUrl: string) => `${appUrl}/sign-in/oidc/callback`;

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationRequest(settings: OidcSettings, appUrl: string): Promise<AuthorizationRequest> {
  const config = await providerConfig(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(appUrl),
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/** What the portal reads from a validated ID token. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  amr: string[];
  acr: string | null;
  /** OIDC_ROLE_CLAIM's values (none when the setting is off or the claim absent). */
  groups: string[];
  idToken: string;
}

/**
 * Exchange the code the browser brought back. Throws when anything does not hold: the state,
 * an error from the provider, the code (used, expired, not for this client or verifier), or
 * the ID token (signature, issuer, audience, expiry, nonce).
 */
export async function exchangeCode(
  settings: OidcSettings,
  appUrl: string,
  callbackSearch: string,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<ProviderIdentity> {
  const config = await providerConfig(settings);
  // The URL the provider sent the browser to, on the portal's public address (not the one a
  // proxy in front may have used): openid-client takes the redirect_uri from it.
  const current = new URL(callbackUrl(appUrl));
  current.search = callbackSearch;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new Error("The provider sent no ID token");
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email,
    // Microsoft Entra ID sends no email_verified; its optional claim xms_edov says the tenant
    // owns the address's domain (see the README).
    emailVerified: claims.email_verified === true || claims.xms_edov === true,
    name: typeof claims.name === "string" ? claims.name : null,
    amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === "string") : [],
    acr: typeof claims.acr === "string" ? claims.acr : null,
    groups: settings.roleClaim ? groupsOf(claims[settings.roleClaim.claim]) : [],
    idToken: tokens.id_token,
  };
}

/** The provider vouched for a second factor: amr "mfa", or an acr the county named as one. */
export function providerDidMfa(settings: OidcSettings, identity: Pick<ProviderIdentity, "amr" | "acr">): boolean {
  return identity.amr.includes("mfa") || (identity.acr !== null && settings.mfaAcrValues.includes(identity.acr));
}

/** Where to send the browser to end its session at the provider; null when the provider has no end-session endpoint. */
export async function endSessionUrl(settings: OidcSettings, appUrl: string, idToken: string | null): Promise<URL | null> {
  const config = await providerConfig(settings);
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, {
    post_logout_redirect_uri: `${appUrl}/sign-in`,
    // openid-client adds client_id; the hint is the ID token this session began with, when kept.
    ...(idToken ? { id_token_hint: idToken } : {}),
  });
}
