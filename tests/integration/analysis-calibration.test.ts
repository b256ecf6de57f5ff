// Issue 19 (calibration) through the analysis page's loader and action, on a real database: past
// requests with imported actual calls give the analysis form its past accuracy and a suggested
// calibration factor; the analyst decides; the factor, the suggestion and its basis are recorded
// with the analysis, and the stored days are the calibrated ones. R1: the page is the analysts'.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { requestOutcomes } from "../../app/actuals/requestActuals.server";
import { analysisFormSchema } from "../../app/analysis/analysisForm";
import { preview, recordAnalysis } from "../../app/analysis/recordAnalysis.server";
import { createDraft } from "../../app/requests/drafts.server";
import { findRequest } from "../../app/requests/queries.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as analysisRoute from "../../app/routes/requests.$id_.analysis";
import * as requestRoute from "../../app/routes/requests.$id";
import { seedDatabase } from "../../prisma/seed";
import { addCalendarDays, localDate, restore } from "workflows";
import { FAST_SCRYPT, personAt } from "../support/people";
import { analysisFields, materialsColumns } from "../support/requests";
import { cookieFor, get, post, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const PARTNER = "requester.partner@example.gov"; // Public Works
const NONPARTNER = "requester.nonpartner@example.gov"; // Libraries
const DIRECTOR = "director@example.gov";
const ANALYST = "analyst@example.gov";
type Fn = Parameters<typeof run>[0];
type Page = Awaited<ReturnType<typeof analysisRoute.loader>>;
/** The action's answer for a preview or a refusal. */
type ActionData = { values: Record<string, string | undefined>; errors: Record<string, string>; result: ReturnType<typeof preview> | null };

let t: TestDb;
let db: PrismaClient;
const cookie: Record<string, string> = {};
let sourceId: string;
const effective = addCalendarDays(localDate(new Date(), TZ), 30);

/** A materials request by `by`, submitted and sent to the analyst. */
async function inAnalysis(by: string, title: string): Promise<{ id: string; reference: string }> {
  const now = new Date();
  const created = await createDraft(db, { user: await personAt(db, by, now, TZ), now, timeZone: TZ, columns: materialsColumns(effective, title) });
  for (const [email, event] of [
    [by, { type: "SUBMIT" }],
    [DIRECTOR, { type: "ORDER_ANALYSIS" }],
  ] as Array<[string, EventPayload]>) {
    const outcome = await transition(db, { request: created.id, by: await personAt(db, email, now, TZ), event, now, timeZone: TZ });
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  }
  return created;
}

/**
 * Setup only: a past request in effect, its analysis (a one-day mailing the calculator puts at
 * 800 calls) recorded with `factor`, tied to its own queue, with `actual` calls imported: all on
 * its first forecast day, and a zero on its last, so every forecast day is compared.
 */
async function pastRequest(by: string, title: string, factor: string, actual: number): Promise<{ id: string; reference: string }> {
  const created = await inAnalysis(by, title);
  const now = new Date();
  const form = analysisFormSchema.parse({ type: "materials", ...analysisFields(effective), calibrationFactor: factor });
  const recorded = await recordAnalysis(db, { by: await personAt(db, ANALYST, now, TZ), request: (await findRequest(db, created.id))!, form, offer: null, now, timeZone: TZ });
  expect(recorded.ok).toBe(true);
  for (const [email, event] of [
    ["finance@example.gov", { type: "ASSESS_FEE", amount: 0, suggested: 3464, scheduleVersion: 1, comment: "No fee." }],
    [DIRECTOR, { type: "APPROVE", slot: "director" }],
    ["assistant.director@example.gov", { type: "APPROVE", slot: "assistantDirector" }],
  ] as Array<[string, EventPayload]>) {
    const outcome = await transition(db, { request: created.id, by: await personAt(db, email, now, TZ), event, now, timeZone: TZ });
    expect(outcome.ok, `${email}: ${JSON.stringify(outcome)}`).toBe(true);
  }
  await db.request.update({ where: { id: created.id }, data: { effectiveDate: localDate(now, TZ) } });
  const days = await db.analysisDay.findMany({ where: { analysis: { requestId: created.id } }, orderBy: { date: "asc" } });
  const queue = `Q_${created.reference}`;
  await db.requestQueue.create({ data: { requestId: created.id, queue } });
  await db.actualCalls.createMany({
    data: [
      { sourceId, date: days[0].date, interval: "", queue, offered: actual, importId: "setup", line: 2 },
      { sourceId, date: days[days.length - 1].date, interval: "", queue, offered: 0, importId: "setup", line: 3 },
    ],
  });
  return created;
}

const loadPage = async (id: string) => (await run(analysisRoute.loader as Fn, get(`/requests/${id}/analysis`, cookie.analyst), { id })) as Page;

const postForm = (id: string, fields: Record<string, string>, who = "analyst") =>
  run(analysisRoute.action as Fn, post(`/requests/${id}/analysis`, cookie[who], { ...analysisFields(effective), ...fields }), { id });

/** What the action answered with a status: data() for a refusal, the plain object for a preview. */
function answered(result: unknown): ActionData {
  return (result && typeof result === "object" && "data" in result ? (result as { data: unknown }).data : result) as ActionData;
}

beforeAll(async () => {
  t = await createTestDb("analysis_calibration");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  for (const [who, email] of Object.entries({ analyst: ANALYST, director: DIRECTOR, requester: PARTNER })) cookie[who] = await cookieFor(db, email);
  sourceId = (await db.callSource.create({ data: { name: "Test phone system", system: "other" } })).id;
});

afterAll(async () => {
  await t.cleanup();
});

describe("issue 19: too few similar requests, no suggestion", () => {
  let library: { reference: string };
  let fresh: { id: string };

  beforeAll(async () => {
    library = await pastRequest(NONPARTNER, "Library card mailer", "1", 500);
    fresh = await inAnalysis(PARTNER, "Storm drain mailer (few)");
  });

  it("the form says so plainly and offers no factor", async () => {
    const page = await loadPage(fresh.id);
    // Public Works has none of its own; of the same type there is one, from Libraries.
    expect(page.calibration.offer).toEqual({
      suggested: null,
      basis: { similarity: "type", requests: 1, references: [library.reference], forecast: 800, actual: 500, mape: 300 / 500, bias: 300 / 500 },
    });
    expect(page.calibration.similar).toMatchObject([{ reference: library.reference, calculated: 800, actual: 500 }]);
    expect(page.defaults.calibrationFactor).toBe("1");
  });

  it("“Use the suggested factor” with nothing suggested leaves the factor as typed", async () => {
    const preview = answered(await postForm(fresh.id, { intent: "calibrate", calibrationFactor: "1.1" }));
    expect(preview.values.calibrationFactor).toBe("1.1");
    expect(preview.result?.projection.totalCalls).toBe(880);
  });

  it("recording stores no suggestion, the basis, and the factor the analyst chose", async () => {
    const recorded = await postForm(fresh.id, { intent: "record", calibrationFactor: "" });
    expect(statusOf(recorded)).toBe(303);
    const row = await db.analysis.findFirstOrThrow({ where: { requestId: fresh.id } });
    expect(row.calibrationFactor).toBe(1);
    expect(JSON.parse(row.calibration!)).toMatchObject({ suggested: null, basis: { similarity: "type", requests: 1, references: [library.reference] } });
    const page = (await run(requestRoute.loader as Fn, get(`/requests/${fresh.id}`, cookie.director), { id: fresh.id })) as Awaited<ReturnType<typeof requestRoute.loader>>;
    expect(page.storedAnalysis?.calibration).toBe("Not calibrated (no factor suggested: only 1 similar request with actual calls)");
  });
});

describe("issue 19: a factor from similar requests, used and recorded", () => {
  let drains: { id: string; reference: string };
  let leaves: { id: string; reference: string };
  let fresh: { id: string };
  // Drains: calculated 800, 600 came. Leaves: calculated 800 but calibrated × 0.5 by its analyst
  // (400 stored), 760 came. The calculator's error is what a factor corrects:
  // (600 + 760) ÷ (800 + 800) = 0.85; each was too high, by 200 ÷ 600 and 40 ÷ 760.
  const error = (200 / 600 + 40 / 760) / 2;

  beforeAll(async () => {
    drains = await pastRequest(PARTNER, "Storm drain mailer", "1", 600);
    leaves = await pastRequest(PARTNER, "Leaf collection mailer", "0.5", 760);
    fresh = await inAnalysis(PARTNER, "Bulk trash mailer");
  });

  it("the loader offers 0.85 from Public Works' two, with its basis", async () => {
    const { offer, similar, more, linked } = (await loadPage(fresh.id)).calibration;
    expect(offer.suggested).toBe(0.85);
    expect(offer.basis).toMatchObject({ similarity: "type_and_department", requests: 2, references: [drains.reference, leaves.reference], forecast: 1600, actual: 1360 });
    expect(offer.basis.mape).toBeCloseTo(error, 10);
    expect(offer.basis.bias).toBeCloseTo(error, 10);
    expect(similar.map((o) => [o.id, o.calculated, o.actual])).toEqual([
      [drains.id, 800, 600],
      [leaves.id, 800, 760],
    ]);
    expect(more).toBe(0);
    expect(linked).toBe(true);
  });

  it("the accuracy page still measures what was planned: the leaves' 400, not the calculator's 800", async () => {
    const leavesOutcome = (await requestOutcomes(db, localDate(new Date(), TZ))).find((o) => o.requestId === leaves.id);
    expect(leavesOutcome).toMatchObject({ forecast: 400, calculated: 800, actual: 760 });
  });

  it("“Use the suggested factor” fills it and previews both totals, recording nothing", async () => {
    const preview = answered(await postForm(fresh.id, { intent: "calibrate", calibrationFactor: "1" }));
    expect(preview.errors).toEqual({});
    expect(preview.values.calibrationFactor).toBe("0.85");
    expect(preview.result?.calibration).toEqual({ factor: 0.85, calculatedCalls: 800 });
    expect(preview.result?.projection.totalCalls).toBe(680);
    expect(await db.analysis.count({ where: { requestId: fresh.id } })).toBe(0);
  });

  it.each([
    ["5", "The calibration factor must be at most 4"],
    ["0.1", "The calibration factor must be at least 0.25"],
    ["0.855", "Give the calibration factor with at most two decimals, such as 0.85"],
    ["eighty-five", "Enter the calibration factor as a number, such as 0.85 (1 for none)"],
  ])("a factor of %s is refused (%s), every value kept and nothing recorded", async (factor, message) => {
    const before = await db.request.findUniqueOrThrow({ where: { id: fresh.id }, select: { state: true, version: true } });
    const refused = await postForm(fresh.id, { intent: "record", calibrationFactor: factor, recommendation: "Add two agents." });
    expect(statusOf(refused)).toBe(400);
    const { errors, values } = answered(refused);
    expect(errors).toEqual({ calibrationFactor: message });
    expect(values).toMatchObject({ ...analysisFields(effective), calibrationFactor: factor, recommendation: "Add two agents." });
    expect(await db.analysis.count({ where: { requestId: fresh.id } })).toBe(0);
    expect(await db.request.findUniqueOrThrow({ where: { id: fresh.id }, select: { state: true, version: true } })).toEqual(before);
  });

  it("R1: only the analyst may use the form's calibration", async () => {
    expect(statusOf(await postForm(fresh.id, { intent: "calibrate" }, "director"))).toBe(403);
    expect(statusOf(await run(analysisRoute.loader as Fn, get(`/requests/${fresh.id}/analysis`, cookie.director), { id: fresh.id }))).toBe(403);
  });

  it("recording with the factor stores it, the suggestion and its basis, and the calibrated days", async () => {
    const recorded = await postForm(fresh.id, { intent: "record", calibrationFactor: "0.85" });
    expect(statusOf(recorded)).toBe(303);
    const row = await db.analysis.findFirstOrThrow({ where: { requestId: fresh.id }, include: { days: true } });
    expect(row.calibrationFactor).toBe(0.85);
    const stored = JSON.parse(row.calibration!) as { suggested: number; basis: Record<string, unknown> };
    expect(stored.suggested).toBe(0.85);
    expect(stored.basis).toMatchObject({ similarity: "type_and_department", requests: 2, references: [drains.reference, leaves.reference], forecast: 1600, actual: 1360 });
    expect(stored.basis.mape).toBeCloseTo(error, 10);
    // The calibrated calls are what the calendar adds up and what the machine was told.
    expect(row.days.reduce((s, d) => s + d.calls, 0)).toBe(680);
    expect(JSON.parse(row.outputs)).toMatchObject({ totalCalls: 680 });
    const request = (await findRequest(db, fresh.id))!;
    expect(restore(request.snapshot, request.machineVersion).context.analysis?.projectedCalls).toBe(680);

    const comPage = (await run(requestRoute.loader as Fn, get(`/requests/${fresh.id}`, cookie.director), { id: fresh.id })) as Awaited<ReturnType<typeof requestRoute.loader>>;
    expect(comPage.storedAnalysis?.calibration).toBe("Calibrated × 0.85 (suggested 0.85 from 2 similar requests)");
    // The department reads the decision, not which other requests it rested on (R1).
    const theirs = await run(requestRoute.loader as Fn, get(`/requests/${fresh.id}`, cookie.requester), { id: fresh.id });
    expect(JSON.stringify(theirs)).not.toContain(drains.reference);
  });
});
