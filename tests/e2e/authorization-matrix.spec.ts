// The authorization matrix (issue 7, R1): every route of the portal, read from the Remix route
// manifest, × every role and anonymous, for GET and for the route's action, against the running
// server. A route added without a row here fails this test. No GET changes anything.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, DEMO_PERSONAS } from "../../prisma/demo-accounts";
import { closeSeedDb, seedRequest } from "./seedRequest";
import { account, totpCodeFor } from "./support";
import { databaseFingerprint, e2eDb } from "./database";

type Persona = "anonymous" | "requester" | "otherRequester" | "director" | "assistant" | "analyst" | "finance" | "admin";
const PERSONAS: Record<Exclude<Persona, "anonymous">, string> = DEMO_PERSONAS;

/**
 * What a person gets: the page (200), a redirect to sign-in, another redirect, 403, 404 or 405.
 * For an action, "reached" means the action ran and judged the (deliberately empty) form:
 * a 400/409/422 answer or a redirect elsewhere than sign-in — permission was granted.
 */
type Outcome = "page" | "signin" | "redirect" | "403" | "404" | "405" | "reached";

async function signedIn(baseURL: string, email: string | null): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (email === null) return context;
  await context.post("/sign-in", { form: { email, password: DEMO_PASSWORD, redirectTo: "/" } });
  if (account(email).totpSecret) {
    await context.post("/sign-in/verify", { form: { code: await totpCodeFor(email) } });
  }
  const home = await context.get("/");
  expect(await home.text(), `${email} is signed in`).toContain(account(email).name);
  return context;
}

function outcomeOf(status: number, location: string | undefined, method: "GET" | "POST"): Outcome {
  if (status >= 300 && status < 400) {
    if (location?.startsWith("/sign-in")) return "signin";
    return method === "POST" ? "reached" : "redirect";
  }
  if (status === 403 || status === 404 || status === 405) return String(status) as Outcome;
  if (method === "POST" && [200, 400, 409, 422, 429].includes(status)) return "reached";
  if (status === 200) return "page";
  return String(status) as Outcome;
}


/** The server's dispatcher sends queued e-mail on its own; wait until it has, so it cannot be mistaken for a GET's doing. */
async function outboxSettled() {
  await expect
    .poll(async () => (await e2eDb()).outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } }), { timeout: 30_000 })
    .toBe(0);
}


// Columns: anonymous, requester (Public Works, owns the request), other requester (Libraries),
// director, assistant director, analyst, finance, admin. The request is in screening.
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
const ORDER: Persona[] = ["anonymous", "requester", "otherRequester", "director", "assistant", "analyst", "finance", "admin"];
const everyone = (o: Outcome): Row => [o, o, o, o, o, o, o, o];
const signedInOnly = (o: Outcome): Row => ["signin", o, o, o, o, o, o, o];
const adminOnly: Row = ["signin", "403", "403", "403", "403", "403", "403", "page"];
const adminOnlyAction: Row = ["signin", "403", "403", "403", "403", "403", "403", "reached"];

const EXPECTED: Record<string, { GET: Row; POST?: Row }> = {
  "routes/_index": { GET: signedInOnly("page") },
  "routes/healthz": { GET: everyone("page") },
  // Help is for everyone, signed in or not (the contacts' names only once signed in).
  "routes/help": { GET: everyone("page") },
  "routes/favicon[.]ico": { GET: everyone("redirect") },
  "routes/sign-in": { GET: ["page", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect", "redirect"], POST: everyone("reached") },
  // Without a password step just passed there is nothing to verify or enrol: back to sign-in.
  "routes/sign-in_.verify": { GET: everyone("signin"), POST: everyone("signin") },
  "routes/sign-in_.set-up-mfa": { GET: everyone("page"), POST: everyone("signin") },
  "routes/sign-out": { GET: everyone("405"), POST: everyone("signin") },
  // Single sign-on (issue 18): this server has no OIDC_ISSUER, so there is nothing there. With
  // one, the start sends anyone to the provider and the callback refuses a visit without a
  // flow (tests/integration/oidc-sign-in.test.ts).
  "routes/sign-in_.oidc": { GET: everyone("404") },
  "routes/sign-in_.oidc_.callback": { GET: everyone("404") },
  "routes/account.password": { GET: signedInOnly("page"), POST: signedInOnly("reached") },
  "routes/account.mfa": { GET: signedInOnly("page"), POST: signedInOnly("reached") },
  "routes/invite.$token": { GET: everyone("404"), POST: everyone("reached") },
  "routes/requests._index": { GET: signedInOnly("page") },
  "routes/requests.new": {
    GET: ["signin", "page", "page", "403", "403", "403", "403", "403"],
    POST: ["signin", "reached", "reached", "403", "403", "403", "403", "403"],
  },
  // R1: what a person may not see does not exist for them (404); COM, analysts and Finance see it once submitted (R18).
  "routes/requests.$id": {
    GET: ["signin", "page", "404", "page", "page", "page", "page", "404"],
    POST: ["signin", "reached", "404", "reached", "reached", "reached", "reached", "404"],
  },
  "routes/requests.$id_.edit": {
    GET: ["signin", "page", "404", "403", "403", "403", "403", "404"],
    POST: ["signin", "reached", "404", "403", "403", "403", "403", "404"],
  },
  "routes/requests.$id_.check": {
    GET: ["signin", "redirect", "404", "redirect", "redirect", "redirect", "redirect", "404"],
    POST: ["signin", "reached", "404", "reached", "reached", "reached", "reached", "404"],
  },
  "routes/requests.$id_.confirmation": { GET: ["signin", "page", "404", "page", "page", "page", "page", "404"] },
  "routes/requests.$id_.copy": {
    GET: everyone("405"),
    POST: ["signin", "reached", "404", "403", "403", "403", "403", "404"],
  },
  "routes/requests.$id_.analysis": {
    GET: ["signin", "403", "403", "403", "403", "page", "403", "403"],
    POST: ["signin", "403", "403", "403", "403", "reached", "403", "403"],
  },
  "routes/requests.$id_.fee": {
    GET: ["signin", "403", "403", "403", "403", "403", "page", "403"],
    POST: ["signin", "403", "403", "403", "403", "403", "reached", "403"],
  },
  // Issue 14: a request's files, one file, and its letter follow the request (R1, R18); the request
  // is in screening, so it has no letter yet, and the file id is none of its files.
  "routes/requests.$id_.attachments": {
    GET: ["signin", "page", "404", "page", "page", "page", "page", "404"],
    POST: ["signin", "reached", "404", "reached", "reached", "reached", "reached", "404"],
  },
  "routes/requests.$id_.attachments_.$fileId": { GET: ["signin", "404", "404", "404", "404", "404", "404", "404"] },
  "routes/requests.$id_.letter": { GET: ["signin", "404", "404", "404", "404", "404", "404", "404"] },
  "routes/verify.$reference": { GET: signedInOnly("page") },
  "routes/calendar": {
    GET: ["signin", "403", "403", "page", "page", "page", "403", "403"],
    POST: ["signin", "403", "403", "reached", "reached", "reached", "403", "403"],
  },
  // Issue 19: the staffing baseline is the analysts' to set.
  "routes/capacity.baseline": {
    GET: ["signin", "403", "403", "403", "403", "page", "403", "403"],
    POST: ["signin", "403", "403", "403", "403", "reached", "403", "403"],
  },
  // Issue 19: the analysts import actual calls and tie a request to its queue codes; an upload
  // id that is none is not found. The accuracy page is also for COM's reviewers.
  "routes/actuals._index": {
    GET: ["signin", "403", "403", "403", "403", "page", "403", "403"],
    POST: ["signin", "403", "403", "403", "403", "reached", "403", "403"],
  },
  "routes/actuals.uploads.$id": {
    GET: ["signin", "403", "403", "403", "403", "404", "403", "403"],
    POST: ["signin", "403", "403", "403", "403", "404", "403", "403"],
  },
  "routes/requests.$id_.queues": {
    GET: ["signin", "403", "403", "403", "403", "page", "403", "403"],
    POST: ["signin", "403", "403", "403", "403", "reached", "403", "403"],
  },
  "routes/accuracy": { GET: ["signin", "403", "403", "page", "page", "page", "403", "403"] },
  // The feed's secret token is its credential: an unknown one is not found, whoever asks.
  "routes/calendar_.feed.$token": { GET: everyone("404") },
  "routes/finance": { GET: ["signin", "403", "403", "403", "403", "403", "page", "403"] },
  // Without the role, the file's address leads to the report page, which refuses with the portal's page.
  "routes/finance[.]csv": { GET: ["signin", "redirect", "redirect", "redirect", "redirect", "redirect", "page", "redirect"] },
  "routes/admin._index": { GET: adminOnly },
  "routes/admin.departments._index": { GET: adminOnly, POST: adminOnlyAction },
  "routes/admin.departments.$id": { GET: adminOnly, POST: adminOnlyAction },
  "routes/admin.users._index": { GET: adminOnly, POST: adminOnlyAction },
  "routes/admin.users.$id": { GET: adminOnly, POST: adminOnlyAction },
  "routes/admin.fees": { GET: adminOnly, POST: adminOnlyAction },
  "routes/admin.holidays": { GET: adminOnly, POST: adminOnlyAction },
  "routes/admin.mail": { GET: adminOnly, POST: adminOnlyAction },
};

test.afterAll(closeSeedDb);

test("every route × every role: the expected outcome, and no GET changes anything", async ({ baseURL }) => {
  test.setTimeout(300_000);
  // The server build made by `npm run build` before the browser tests (absent at typecheck time).
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as {
    assets: { routes: Record<string, { path?: string; hasLoader: boolean; hasAction: boolean }> };
  };
  const routes = build.assets.routes;

  const screening = await seedRequest({ title: "Matrix request", state: "screening" });
  const db = await e2eDb();
  const department = await db.department.findUniqueOrThrow({ where: { code: "DPW" }, select: { id: true } });
  const user = await db.user.findUniqueOrThrow({ where: { email: PERSONAS.requester }, select: { id: true } });
  const params: Record<string, string> = { id: screening.id, token: "not-a-token" };
  const urlOf = (routeId: string, path: string) =>
    "/" +
    path
      .replace(":id", routeId.startsWith("routes/admin.departments") ? department.id : routeId.startsWith("routes/admin.users") ? user.id : params.id)
      .replace(":token", params.token)
      .replace(":fileId", "not-a-file")
      .replace(":reference", screening.reference);

  const contexts = {} as Record<Persona, APIRequestContext>;
  contexts.anonymous = await signedIn(baseURL!, null);
  for (const [persona, email] of Object.entries(PERSONAS)) contexts[persona as Persona] = await signedIn(baseURL!, email);

  await outboxSettled();
  const before = await databaseFingerprint();
  const routeIds = Object.keys(routes).filter((id) => id !== "root");
  // A new route without a row fails here: its permissions must be stated.
  expect(routeIds.sort()).toEqual(Object.keys(EXPECTED).sort());

  const actual: string[] = [];
  const expected: string[] = [];
  const check = async (routeId: string, method: "GET" | "POST") => {
    const url = urlOf(routeId, routes[routeId].path ?? "");
    for (const [i, persona] of ORDER.entries()) {
      const response =
        method === "GET"
          ? await contexts[persona].get(url, { maxRedirects: 0 })
          : await contexts[persona].post(url, { form: { intent: "" }, maxRedirects: 0 });
      actual.push(`${method} ${routeId} as ${persona}: ${outcomeOf(response.status(), response.headers().location, method)}`);
      expected.push(`${method} ${routeId} as ${persona}: ${EXPECTED[routeId][method]![i]}`);
    }
  };
  for (const routeId of routeIds) await check(routeId, "GET");
  expect(await databaseFingerprint(), "no GET changed the database").toEqual(before);
  for (const routeId of routeIds) {
    expect(Boolean(EXPECTED[routeId].POST), `${routeId}: a row for its action exactly when it has one`).toBe(routes[routeId].hasAction);
    if (routes[routeId].hasAction) await check(routeId, "POST");
  }
  expect(actual).toEqual(expected);
});
