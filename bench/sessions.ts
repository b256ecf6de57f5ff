// Signed-in load without the sign-in form: a Session row made directly, and its id signed into
// the cookie by the portal's own session store. A Session row means "fully signed in" (every
// factor passed, session.server.ts); the director's demo account has MFA enrolled, as required.
import { createSessionStore } from "../app/auth/session.server";
import type { PrismaClient } from "../app/db.server";
import type { Settings } from "../app/settings.server";

export const SIGNED_IN = {
  requester: "requester.partner@example.gov",
  director: "director@example.gov",
  analyst: "analyst@example.gov",
  finance: "finance@example.gov",
} as const;

export type Persona = keyof typeof SIGNED_IN;

/** A Cookie header value per persona. */
export async function signIn(db: PrismaClient, settings: Settings): Promise<Record<Persona, string>> {
  const store = createSessionStore({ db, settings });
  const cookies = {} as Record<Persona, string>;
  for (const [persona, email] of Object.entries(SIGNED_IN) as Array<[Persona, string]>) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const setCookie = await store.createSession(new Request("http://127.0.0.1/"), user.id);
    cookies[persona] = setCookie.split(";")[0];
  }
  return cookies;
}
