// Issue 17 (§4: no page's time may grow with the data): the accuracy page and the analysis form's
// calibration offer add up every compared request, so both read one memo kept per data version
// (dataVersionMemo.server.ts). Each write they depend on must move the version in its own
// transaction, or the pages would go on showing the figures from before it: an import of actual
// calls, a re-import that replaces counts, tying and untying queue codes (issue 19). Through the
// real route modules, on a real database (SQLite file, or PostgreSQL with TEST_DB=postgres).
// The proof that a read is served from the memo: a change made with SQL outside the portal is
// not seen until a write of the portal moves the version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataVersion } from "../../app/dataVersionMemo.server";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as accuracyRoute from "../../app/routes/accuracy";
import * as actualsRoute from "../../app/routes/actuals._index";
import * as uploadRoute from "../../app/routes/actuals.uploads.$id";
import * as analysisRoute from "../../app/routes/requests.$id_.analysis";
import * as queuesRoute from "../../app/routes/requests.$id_.queues";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, localDate } from "workflows";
import { FAST_SCRYPT, personAt } from "../support/people";
import { withRawSql } from "../support/rawSql";
import { requestInEffect } from "../support/requestInEffect";
import { materialsColumns } from "../support/requests";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const QUEUE = "DRAIN_POSTCARD";
let t: TestDb;
let db: PrismaClient;
const cookie: Record<string, string> = {};
type Fn = Parameters<typeof run>[0];
type Accuracy = Awaited<ReturnType<typeof accuracyRoute.loader>>;
type AnalysisPage = Awaited<ReturnType<typeof analysisRoute.loader>>;
let compared: { id: string; days: Array<{ date: string; calls: number }> };
let fresh: string;
let sourceId = "new";

const accuracy = async () => (await run(accuracyRoute.loader as Fn, get("/accuracy", cookie.director))) as Accuracy;

/** The compared request as the analysis form of another materials request offers it. */
async function similarOnTheForm() {
  const page = (await run(analysisRoute.loader as Fn, get(`/requests/${fresh}/analysis`, cookie.analyst), { id: fresh })) as AnalysisPage;
  return page.calibration.similar.find((o) => o.id === compared.id);
}

async function tie(queues: string): Promise<void> {
  expect(statusOf(await run(queuesRoute.action as Fn, post(`/requests/${compared.id}/queues`, cookie.analyst, { queues }), { id: compared.id }))).toBe(303);
}

/** Uploads an export and imports it through the pages; the answer's location. */
async function importCalls(offered: ReadonlyArray<number | string>): Promise<string> {
  const csv = ["Interval Start,Queue,Offer,Answer,Abandon,Avg Handle", ...offered.map((calls, i) => `${compared.days[i].date} 09:00,${QUEUE},${calls},${calls},0,280`)].join("\n");
  const form = new FormData();
  form.append("sourceId", sourceId);
  if (sourceId === "new") {
    form.append("newName", "Genesys Cloud");
    form.append("newSystem", "genesys");
  }
  form.append("file", new File([csv], "genesys.csv", { type: "text/csv" }));
  const uploaded = (await run(actualsRoute.action as Fn, new Request("http://localhost/actuals", { method: "POST", body: form, headers: { Cookie: cookie.analyst } }))) as Response;
  expect(statusOf(uploaded)).toBe(303);
  const uploadId = uploaded.headers.get("Location")!.split("/").pop()!;
  if (sourceId === "new") {
    const page = (await run(uploadRoute.loader as Fn, get(`/actuals/uploads/${uploadId}`, cookie.analyst), { id: uploadId })) as Awaited<ReturnType<typeof uploadRoute.loader>>;
    const mapped = await run(uploadRoute.action as Fn, post(`/actuals/uploads/${uploadId}`, cookie.analyst, { intent: "map", ...(page.mapping as Record<string, string>) }), { id: uploadId });
    expect(statusOf(mapped)).toBe(303);
    sourceId = (await db.callSource.findUniqueOrThrow({ where: { name: "Genesys Cloud" } })).id;
  }
  const imported = await run(uploadRoute.action as Fn, post(`/actuals/uploads/${uploadId}`, cookie.analyst, { intent: "import" }), { id: uploadId });
  return (imported as Response).headers?.get("Location") ?? `status ${statusOf(imported)}`;
}

/** What the accuracy page says of the compared request. */
async function shown(): Promise<{ requests: number; actual: number | undefined; forecast: number | undefined }> {
  const page = await accuracy();
  const row = page.worst.find((o) => o.requestId === compared.id);
  return { requests: page.requests, actual: row?.actual, forecast: row?.forecast };
}

beforeAll(async () => {
  t = await createTestDb("accuracy_memo");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  for (const [who, email] of Object.entries({ director: "director@example.gov", analyst: "analyst@example.gov" })) cookie[who] = await cookieFor(db, email);
  compared = await requestInEffect(db, "Storm drain postcard", TZ);
  // A materials request of the same department at the analyst: its form offers the compared one.
  const now = new Date();
  const by = await personAt(db, "requester.partner@example.gov", now, TZ);
  fresh = (await createDraft(db, { user: by, now, timeZone: TZ, columns: materialsColumns(addCalendarDays(localDate(now, TZ), 30), "Bulk trash mailer") })).id;
  for (const [email, event] of [
    ["requester.partner@example.gov", { type: "SUBMIT" }],
    ["director@example.gov", { type: "ORDER_ANALYSIS" }],
  ] as Array<[string, EventPayload]>) {
    expect((await transition(db, { request: fresh, by: await personAt(db, email, now, TZ), event, now, timeZone: TZ })).ok).toBe(true);
  }
});

afterAll(async () => {
  await t.cleanup();
});

describe("issue 17: the accuracy page and the calibration offer follow every write they read", () => {
  const forecastOf = (days: number) => compared.days.slice(0, days).reduce((sum, d) => sum + d.calls, 0);

  it("tying a queue code moves the data version; with no calls on it yet, nothing is compared", async () => {
    expect(await shown()).toEqual({ requests: 0, actual: undefined, forecast: undefined });
    const before = await dataVersion(db);
    await tie(QUEUE);
    expect(await dataVersion(db)).toBeGreaterThan(before);
    expect((await shown()).requests).toBe(0);
    expect(await similarOnTheForm()).toBeUndefined();
  });

  it("an import is on the page and the form right after it", async () => {
    expect(await importCalls([60, 40, 20])).toBe("/actuals?imported=3");
    expect(await shown()).toEqual({ requests: 1, actual: 120, forecast: forecastOf(3) });
    expect(await similarOnTheForm()).toMatchObject({ actual: 120 });
  });

  it("a re-import that replaces the counts is on the page and the form right after it", async () => {
    expect(await importCalls([70, 45, 25])).toBe("/actuals?imported=3");
    expect(await shown()).toEqual({ requests: 1, actual: 140, forecast: forecastOf(3) });
    expect(await similarOnTheForm()).toMatchObject({ actual: 140 });
  });

  it("the same file again, or a file refused for a bad row, writes nothing and leaves the version", async () => {
    const before = await dataVersion(db);
    expect(await importCalls([70, 45, 25])).toBe("/actuals?imported=again");
    expect(await importCalls([70, "forty", 25])).toBe("status 422");
    expect(await dataVersion(db)).toBe(before);
  });

  it("untying the queue code takes the request off at once, tying it again brings it back", async () => {
    await tie("");
    expect(await shown()).toEqual({ requests: 0, actual: undefined, forecast: undefined });
    expect(await similarOnTheForm()).toBeUndefined();
    await tie(QUEUE);
    expect(await shown()).toEqual({ requests: 1, actual: 140, forecast: forecastOf(3) });
    expect(await similarOnTheForm()).toMatchObject({ actual: 140 });
  });

  it("a second read with no change is the memo's: SQL outside the portal is not seen until the version moves", async () => {
    const first = await accuracy();
    // The same figures, not figures worked out again.
    expect(await accuracy()).toBe(first);
    const changed = await withRawSql(t, (sql) => sql.run(`UPDATE "ActualCalls" SET offered = offered + 1000 WHERE queue = $1`, [QUEUE]));
    expect(changed).toBe(3);
    expect(await shown()).toMatchObject({ actual: 140 });
    expect(await similarOnTheForm()).toMatchObject({ actual: 140 });
    // Saving the same codes changes nothing, so nothing moves.
    const before = await dataVersion(db);
    await tie(QUEUE);
    expect(await dataVersion(db)).toBe(before);
    expect(await shown()).toMatchObject({ actual: 140 });
    // A second code (with no calls) is a change: the version moves and the figures are read again.
    await tie(`${QUEUE}\n${QUEUE}_WEB`);
    expect(await shown()).toMatchObject({ actual: 3140 });
    expect(await similarOnTheForm()).toMatchObject({ actual: 3140 });
  });
});
