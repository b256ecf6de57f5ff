// Issue 19 (part A) through the pages' loaders and actions: the analyst uploads an export, maps
// its columns, previews and imports it, ties a request to its queue code, and the request page
// and the accuracy page set the forecast against the calls that came. R1: the pages are the
// analysts' (and, for reading, COM's) only. Real route modules, sessions and database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { requestOutcomes } from "../../app/actuals/requestActuals.server";
import { createDraft } from "../../app/requests/drafts.server";
import * as accuracyRoute from "../../app/routes/accuracy";
import * as actualsRoute from "../../app/routes/actuals._index";
import * as uploadRoute from "../../app/routes/actuals.uploads.$id";
import * as requestRoute from "../../app/routes/requests.$id";
import * as queuesRoute from "../../app/routes/requests.$id_.queues";
import { seedDatabase } from "../../prisma/seed";
import { localDate } from "workflows";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { requestInEffect } from "../support/requestInEffect";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
let t: TestDb;
let db: PrismaClient;
const cookie: Record<string, string> = {};
type Fn = Parameters<typeof run>[0];
let requestId: string;
let forecastDays: Array<{ date: string; calls: number }>;

const PEOPLE = { requester: "requester.partner@example.gov", director: "director@example.gov", analyst: "analyst@example.gov", finance: "finance@example.gov" };

beforeAll(async () => {
  t = await createTestDb("actual_calls_pages");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  for (const [who, email] of Object.entries(PEOPLE)) cookie[who] = await cookieFor(db, email);
  ({ id: requestId, days: forecastDays } = await requestInEffect(db, "Leaf collection postcard", TZ));
});

afterAll(async () => {
  await t.cleanup();
});

function uploadRequest(who: string, csv: string, fields: Record<string, string>): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([csv], "genesys-december.csv", { type: "text/csv" }));
  return new Request("http://localhost/actuals", { method: "POST", body: form, headers: { Cookie: cookie[who] } });
}

const locationOf = (answer: unknown) => (answer as Response).headers.get("Location") ?? "";

describe("issue 19, R1: who may use the actual-calls pages", () => {
  it.each([
    ["/actuals", actualsRoute.loader, "requester", 403],
    ["/actuals", actualsRoute.loader, "director", 403],
    ["/accuracy", accuracyRoute.loader, "requester", 403],
    ["/accuracy", accuracyRoute.loader, "finance", 403],
    ["/accuracy", accuracyRoute.loader, "director", 200],
  ] as const)("%s for the %s: %i", async (path, loader, who, status) => {
    expect(statusOf(await run(loader as Fn, get(path, cookie[who])))).toBe(status);
  });

  it("only the analyst may tie queue codes to a request", async () => {
    expect(statusOf(await run(queuesRoute.action as Fn, post(`/requests/${requestId}/queues`, cookie.director, { queues: "X" }), { id: requestId }))).toBe(403);
    expect(await db.requestQueue.count({ where: { requestId } })).toBe(0);
  });
});

describe("issue 19: upload, map, preview, import, tie and compare", () => {
  it("goes from an export to the forecast against actual on the request and the accuracy page", async () => {
    const [d1, d2, d3] = forecastDays;
    const csv = [
      "Interval Start,Queue,Offer,Answer,Abandon,Avg Handle",
      `${d1.date} 09:00,PARKS_LEAF,60,58,2,280`,
      `${d1.date} 09:30,PARKS_LEAF,40,40,0,300`,
      `${d2.date} 09:00,PARKS_LEAF,50,50,0,290`,
      `${d3.date} 09:00,PARKS_LEAF,25,25,0,270`,
      `${d3.date} 09:00,GENERAL_INFO,999,990,9,200`,
    ].join("\n");
    const uploaded = await run(actualsRoute.action as Fn, uploadRequest("analyst", csv, { sourceId: "new", newName: "Genesys Cloud", newSystem: "genesys" }));
    expect(statusOf(uploaded)).toBe(303);
    const uploadId = locationOf(uploaded).split("/").pop()!;

    // First file of the source: not mapped yet, the guess is offered.
    const first = (await run(uploadRoute.loader as Fn, get(`/actuals/uploads/${uploadId}`, cookie.analyst), { id: uploadId })) as Awaited<ReturnType<typeof uploadRoute.loader>>;
    expect(first.mapped).toBe(false);
    expect(first.mapping).toMatchObject({ date: "Interval Start", queue: "Queue", offered: "Offer", answered: "Answer", abandoned: "Abandon", handleTime: "Avg Handle" });

    const mapped = await run(uploadRoute.action as Fn, post(`/actuals/uploads/${uploadId}`, cookie.analyst, { intent: "map", ...(first.mapping as Record<string, string>) }), { id: uploadId });
    expect(statusOf(mapped)).toBe(303);
    const checked = (await run(uploadRoute.loader as Fn, get(`/actuals/uploads/${uploadId}`, cookie.analyst), { id: uploadId })) as Awaited<ReturnType<typeof uploadRoute.loader>>;
    expect(checked.mapped).toBe(true);
    expect(checked.preview).toMatchObject({ rowCount: 5, errorCount: 0 });
    expect(checked.preview?.rows[0]).toMatchObject({ line: 2, date: d1.date, interval: "09:00", queue: "PARKS_LEAF", offered: 60 });

    const imported = await run(uploadRoute.action as Fn, post(`/actuals/uploads/${uploadId}`, cookie.analyst, { intent: "import" }), { id: uploadId });
    expect(locationOf(imported)).toBe("/actuals?imported=5");
    expect(await db.callUpload.count()).toBe(0);

    expect(statusOf(await run(queuesRoute.action as Fn, post(`/requests/${requestId}/queues`, cookie.analyst, { queues: "PARKS_LEAF\n" }), { id: requestId }))).toBe(303);

    const page = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}`, cookie.director), { id: requestId })) as Awaited<ReturnType<typeof requestRoute.loader>>;
    const compared = page.actualCalls!;
    expect(compared.queues).toEqual(["PARKS_LEAF"]);
    expect(compared.comparison.comparedDays).toBe(3);
    expect(compared.comparison.actualTotal).toBe(175);
    expect(compared.comparison.forecastTotal).toBe(d1.calls + d2.calls + d3.calls);
    expect(compared.comparison.actualPeak).toEqual({ date: d1.date, calls: 100 });
    expect(compared.series.slice(0, 4)).toEqual([100, 50, 25, null]);
    expect(compared.staffing?.sentence).toBeTruthy();
    expect(compared.chartSvg).toContain('data-testid="actual-point"');

    // The department sees its analysis, not the Center's comparison.
    const theirs = (await run(requestRoute.loader as Fn, get(`/requests/${requestId}`, cookie.requester), { id: requestId })) as Awaited<ReturnType<typeof requestRoute.loader>>;
    expect(theirs.actualCalls).toBeNull();

    const accuracy = (await run(accuracyRoute.loader as Fn, get("/accuracy", cookie.director))) as Awaited<ReturnType<typeof accuracyRoute.loader>>;
    expect(accuracy.requests).toBe(1);
    const forecast = d1.calls + d2.calls + d3.calls;
    expect(accuracy.byType[0].mape).toBeCloseTo(Math.abs(forecast - 175) / 175, 10);
    expect(accuracy.worst[0]).toMatchObject({ requestId, forecast, actual: 175 });
  });

  it("a bad line is shown with its number and the import refused, nothing stored", async () => {
    const before = await db.actualCalls.count();
    const source = await db.callSource.findUniqueOrThrow({ where: { name: "Genesys Cloud" } });
    const csv = "Interval Start,Queue,Offer,Answer,Abandon,Avg Handle\n2026-12-01 09:00,PARKS_LEAF,5,5,0,100\n2026-12-01 09:30,PARKS_LEAF,five,5,0,100\n";
    const uploaded = await run(actualsRoute.action as Fn, uploadRequest("analyst", csv, { sourceId: source.id }));
    const uploadId = locationOf(uploaded).split("/").pop()!;
    const preview = (await run(uploadRoute.loader as Fn, get(`/actuals/uploads/${uploadId}`, cookie.analyst), { id: uploadId })) as Awaited<ReturnType<typeof uploadRoute.loader>>;
    // The source's saved mapping reads the next file at once.
    expect(preview.mapped).toBe(true);
    expect(preview.preview?.errors).toEqual([{ line: 3, message: "“Offer” is not a whole number of calls (\"five\")" }]);
    const refused = await run(uploadRoute.action as Fn, post(`/actuals/uploads/${uploadId}`, cookie.analyst, { intent: "import" }), { id: uploadId });
    expect(statusOf(refused)).toBe(422);
    expect(await db.actualCalls.count()).toBe(before);
  });

  it("counts a request with two queues once, up to the last day either queue's imports reach; a request not in effect not at all", async () => {
    const [d1, , , d4] = forecastDays;
    const source = await db.callSource.findUniqueOrThrow({ where: { name: "Genesys Cloud" } });
    // A second queue whose export reaches a day further than PARKS_LEAF's (d3).
    await db.actualCalls.createMany({
      data: [
        { sourceId: source.id, date: d1.date, interval: "10:00", queue: "PARKS_LEAF_WEB", offered: 7, importId: "second-export", line: 2 },
        { sourceId: source.id, date: d4.date, interval: "10:00", queue: "PARKS_LEAF_WEB", offered: 11, importId: "second-export", line: 3 },
      ],
    });
    await db.requestQueue.create({ data: { requestId, queue: "PARKS_LEAF_WEB" } });
    // A draft tied to the same queue has no forecast in effect: it is not compared.
    const by = await personAt(db, PEOPLE.requester, new Date(), TZ);
    const { id: draftId } = await createDraft(db, { user: by, now: new Date(), timeZone: TZ, columns: materialsColumns(d1.date, "Draft mailer") });
    await db.requestQueue.create({ data: { requestId: draftId, queue: "PARKS_LEAF_WEB" } });

    const outcomes = await requestOutcomes(db, localDate(new Date(), TZ));
    expect(outcomes).toEqual([
      expect.objectContaining({ requestId, forecast: forecastDays.slice(0, 4).reduce((sum, d) => sum + d.calls, 0), actual: 175 + 7 + 11 }),
    ]);
  });
});
