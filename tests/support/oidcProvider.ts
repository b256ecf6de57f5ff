// A real OpenID Connect provider for the tests (issue 18): `oidc-provider`, on a loopback port of
// its own, with one test client and the people the test adds. Nothing of openid-client is
// mocked. "Signing in at the provider" is the interaction page below: it signs in as whoever the
// test named with `nextLogin`, with the amr/acr the test chose, as a person at the keyboard would.
// The test can also have the next ID token re-signed with an unpublished key, or expired.
import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export interface ProviderPerson {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  /** The groups claim (profile scope), for OIDC_ROLE_CLAIM; none when absent. */
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** A second client that authenticates with private_key_jwt: its id and the private key (PKCS#8 PEM) whose public half the provider holds. */
  keyClient: { clientId: string; privateKeyPem: string };
  /** People the provider knows, by subject. */
  people: Map<string, ProviderPerson>;
  /** Who signs in at the next interaction, and what the provider says about how. */
  nextLogin: (login: { sub: string; amr?: string[]; acr?: string }) => void;
  /** The next token answer's ID token is forged or expired (see tamperedTokenAnswer). */
  tamperNextToken: (how: TokenTampering) => void;
  /**
   * Play the browser at the provider: follow its redirects (keeping its cookies) from the
   * authorization URL until it sends the browser back to the portal; returns that URL.
   */
  authorize: (authorizationUrl: string) => Promise<URL>;
  stop: () => Promise<void>;
}

export type TokenTampering = "forged" | "expired";

type SigningKey = JsonWebKey & { kid: string };

function signingKey(): SigningKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: `k${Math.random().toString(36).slice(2)}`, use: "sig", alg: "RS256" };
}

/** RS256 with the key's kid in the header (a forged key gets a kid the issuer does not publish). */
function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: SigningKey): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ ...header, alg: "RS256", kid: key.kid })}.${part(payload)}`;
  const signature = sign("sha256", Buffer.from(input), createPrivateKey({ key, format: "jwk" }));
  return `${input}.${signature.toString("base64url")}`;
}

export async function startTestProvider(options: { redirectUri: string; postLogoutRedirectUri: string }): Promise<TestProvider> {
  const clientId = "portal-test";
  const clientSecret = "portal-test-secret-0123456789abcdef";
  const people = new Map<string, ProviderPerson>();
  let login: { sub: string; amr?: string[]; acr?: string } | null = null;
  let tampering: TokenTampering | null = null;
  const providerKey = signingKey();
  const keyClientId = "portal-test-key";
  const keyClientPair = generateKeyPairSync("ec", { namedCurve: "P-256" });

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration = (): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
      {
        client_id: keyClientId,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "ES256",
        // Only the public half: the provider checks the portal's signed assertion with it.
        jwks: { keys: [{ ...keyClientPair.publicKey.export({ format: "jwk" }), use: "sig", alg: "ES256" }] },
      },
    ],
    jwks: { keys: [providerKey] },
    cookies: { keys: ["test-provider-cookie-key-0123456789"] },
    // Like Entra ID and Okta: the e-mail in the ID token, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    // amr and acr from the sign-in (the interaction's result), in every ID token.
    claims: { openid: ["sub", "amr", "acr", "auth_time"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    acrValues: ["urn:county:loa:1", "urn:county:loa:2"],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // A plain "sign out?" page: the default one loads fonts from the internet, and the
        // browser tests fail on any resource that does not load.
        logoutSource(ctx, form) {
          ctx.body = `<!DOCTYPE html><html lang="en"><head><title>Sign out</title><link rel="icon" href="data:,"></head><body><h1>Sign out of the test provider?</h1>${form}<button form="op.logoutForm" type="submit" name="logout" value="yes">Yes, sign out</button></body></html>`;
        },
      },
    },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const person = people.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: person.email, email_verified: person.emailVerified, name: person.name, ...(person.groups ? { groups: person.groups } : {}) }),
      };
    },
    // The county's provider has already granted the portal these scopes: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  const provider = new Provider(issuer, configuration());
  const callback = provider.callback();

  server.on("request", (req, res) => {
    void (async () => {
      if (req.url?.startsWith("/interaction/")) {
        if (!login) throw new Error("The test did not say who signs in at the provider");
        const who = login;
        login = null;
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: who.sub, amr: who.amr, acr: who.acr } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      if (tampering && req.url?.startsWith("/token")) {
        const how = tampering;
        tampering = null;
        tamperedTokenAnswer(req, res, how);
        return;
      }
      callback(req, res);
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  /**
   * Let the provider answer, then replace its ID token: the same claims signed with a key the
   * issuer never published ("forged"), or signed with the provider's own key but expired an hour
   * ago ("expired").
   */
  function tamperedTokenAnswer(req: http.IncomingMessage, res: http.ServerResponse, how: TokenTampering): void {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown) => {
      chunks.push(Buffer.from(chunk as Buffer));
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown) => {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk as Buffer));
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id_token?: string };
      if (body.id_token) {
        const [header, payload] = body.id_token.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>);
        const now = Math.floor(Date.now() / 1000);
        const claims = how === "expired" ? { ...payload, iat: now - 7200, exp: now - 3600 } : payload;
        body.id_token = signJwt(header, claims, how === "expired" ? providerKey : signingKey());
      }
      const text = JSON.stringify(body);
      res.setHeader("Content-Length", Buffer.byteLength(text));
      write(text);
      end();
      return res;
    }) as typeof res.end;
    callback(req, res);
  }

  const jar = new Map<string, string>();
  async function authorize(authorizationUrl: string): Promise<URL> {
    // A fresh browser each time: no provider session carried over from an earlier sign-in.
    jar.clear();
    let url = new URL(authorizationUrl);
    for (let hops = 0; hops < 10; hops++) {
      if (url.origin !== issuer) return url;
      const response = await fetch(url, {
        redirect: "manual",
        headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const c of response.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const at = pair.indexOf("=");
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get("Location");
      if (!location) throw new Error(`The provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`);
      url = new URL(location, url);
    }
    throw new Error("Too many redirects at the provider");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    keyClient: { clientId: keyClientId, privateKeyPem: keyClientPair.privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
    people,
    nextLogin: (next) => {
      login = next;
    },
    tamperNextToken: (how) => {
      tampering = how;
    },
    authorize,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
