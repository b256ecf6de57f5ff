// The state of one sign-in at the county's provider, between sending the browser there and its
// return to the callback: state, nonce and the PKCE verifier, in a short-lived signed cookie
// (not a table: nothing to clean up, and a flow started in one browser cannot be finished in
// another). Signed, not encrypted: the values are this browser's own, useless to anyone else
// without the provider's code, which goes only to the redirect URI.
import type { Cookie } from "@remix-run/node";
import { z } from "zod";
import type { Settings } from "../../settings.server";
import { portalCookie } from "../cookies.server";

/** Ten minutes at the provider to sign in (and perhaps answer its second factor). */
export const FLOW_MINUTES = 10;

const token = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/);

const flowSchema = z.object({
  state: token,
  nonce: token,
  codeVerifier: token,
  redirectTo: z.string().startsWith("/").max(2000),
  expiresAt: z.number().int(),
});

export type OidcFlow = z.infer<typeof flowSchema>;

export function createOidcFlowStore(settings: Settings) {
  const cookie: Cookie = portalCookie("portal_oidc", settings, FLOW_MINUTES * 60);

  /** The flow, or null when absent, tampered with or expired. */
  async function read(request: Request, now = new Date()): Promise<OidcFlow | null> {
    const parsed = flowSchema.safeParse(await cookie.parse(request.headers.get("Cookie")));
    if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return null;
    return parsed.data;
  }

  async function start(flow: Omit<OidcFlow, "expiresAt">, now = new Date()): Promise<string> {
    return cookie.serialize({ ...flow, expiresAt: now.getTime() + FLOW_MINUTES * 60_000 } satisfies OidcFlow);
  }

  /** Used once: cleared whatever the callback's outcome. */
  async function clear(): Promise<string> {
    return cookie.serialize("", { maxAge: 0 });
  }

  return { cookie, read, start, clear };
}

export type OidcFlowStore = ReturnType<typeof createOidcFlowStore>;
