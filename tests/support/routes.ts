// Calling route modules' loaders and actions directly, as Remix would, with a real session
// cookie: the permission checks under test are the routes' own, on a real database.
import { getSessionStore } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import { loadSettings, resetSettings } from "../../app/settings.server";

/** Point the app's singletons (settings, database, session store) at a test database. */
export function useTestDatabase(url: string): void {
  resetSettings({ ...loadSettings({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), DATABASE_URL: url }), databaseUrl: url });
}

export async function cookieFor(db: PrismaClient, email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const setCookie = await getSessionStore().createSession(new Request("http://localhost/"), user.id);
  return setCookie.split(";")[0];
}

export function get(path: string, cookie: string | null): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, cookie: string | null, fields: Record<string, string | string[]>): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

/** Run a loader or action; a thrown Response (redirect, 403, 404) is returned, not thrown. */
export async function run(fn: RouteFn | undefined, request: Request, params: Record<string, string> = {}): Promise<unknown> {
  if (!fn) throw new Error("route has no such function");
  try {
    return await fn({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The HTTP status of a route's answer: a Response's, a single-fetch data() result's, or 200. */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "init" in result) {
    const init = (result as { init?: { status?: number } | null }).init;
    return init?.status ?? 200;
  }
  return 200;
}

/** A route's answer as the sign-in tests read it: status, redirect, cookies set and data. */
export interface Outcome {
  status: number;
  location: string | null;
  cookies: string[];
  body: unknown;
}

/** A loader's or action's result, whether it returned data(), returned a Response or threw one. */
export async function outcomeOf(fn: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await fn();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), cookies: result.headers.getSetCookie(), body: null };
  }
  const d = result as { type?: string; data: unknown; init?: { status?: number; headers?: HeadersInit } };
  if (d.type !== "DataWithResponseInit") return { status: 200, location: null, cookies: [], body: result };
  const headers = new Headers(d.init?.headers);
  return { status: d.init?.status ?? 200, location: null, cookies: headers.getSetCookie(), body: d.data };
}

/** The Cookie header a browser would send back for these Set-Cookie values. */
export const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");
