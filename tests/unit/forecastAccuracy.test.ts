// Issue 19 (part A): forecast against actual, and forecast accuracy, checked against figures
// worked by hand.
import { describe, expect, it } from "vitest";
import { accuracyBy, calibrationFrom, similarOutcomes, worstMisses, type RequestOutcome } from "~/actuals/accuracy";
import { compareForecast, staffingCheck, staffingSentence } from "~/actuals/forecastVsActual";

describe("issue 19: a request's forecast against its actual calls", () => {
  const forecast = [
    { date: "2026-12-01", calls: 100 },
    { date: "2026-12-02", calls: 60 },
    { date: "2026-12-03", calls: 40 },
    { date: "2026-12-04", calls: 20 },
  ];

  it("compares the days the imports reach: totals, peaks and their errors", () => {
    // Imports reach Dec 3; Dec 2 had no calls on the queues at all.
    const result = compareForecast(forecast, new Map([["2026-12-01", 70], ["2026-12-03", 90]]), "2026-12-03");
    expect(result.days.map((d) => d.actual)).toEqual([70, 0, 90, null]);
    expect(result.comparedDays).toBe(3);
    // Forecast 100 + 60 + 40 = 200; actual 70 + 0 + 90 = 160; error −40, −20 % of the forecast.
    expect(result.forecastTotal).toBe(200);
    expect(result.actualTotal).toBe(160);
    expect(result.totalError).toBe(-40);
    expect(result.totalErrorShare).toBeCloseTo(-0.2, 10);
    // Peaks: forecast Dec 1 (100), actual Dec 3 (90): 10 fewer at the peak.
    expect(result.forecastPeak).toEqual({ date: "2026-12-01", calls: 100 });
    expect(result.actualPeak).toEqual({ date: "2026-12-03", calls: 90 });
    expect(result.peakError).toBe(-10);
  });

  it("before any import reaches the request, nothing is compared", () => {
    const result = compareForecast(forecast, new Map(), null);
    expect(result.comparedDays).toBe(0);
    expect(result.totalErrorShare).toBeNull();
    expect(result.actualPeak).toBeNull();
  });
});

describe("issue 19: was the extra staffing needed (Erlang C on the analysis's assumptions)", () => {
  // Issue 5's example: 100 calls an hour at 3 minutes, 80 % in 20 s, needs 8 agents (tests/unit/erlang.test.ts).
  const inputs = { handleTimeMinutes: 3, targetAnswerSeconds: 20, targetServiceLevel: 0.8, baselineCallsPerHour: 0 };
  const plan = { extraAgentsAtPeak: 8, peakHourShare: 0.1 };

  it("an actual peak of 1 000 calls (100 in its busiest hour) needed the 8 planned", () => {
    const check = staffingCheck(inputs, plan, 1000);
    expect(check).toEqual({ planned: 8, needed: 8, actualPeakHourCalls: 100, verdict: "needed" });
    expect(staffingSentence(check)).toContain("was needed");
  });

  it("no calls at all: the staffing was not needed", () => {
    expect(staffingCheck(inputs, plan, 0).verdict).toBe("not_needed");
  });

  it("twice the calls needed more than planned", () => {
    const check = staffingCheck(inputs, plan, 2000);
    expect(check.needed).toBeGreaterThan(8);
    expect(check.verdict).toBe("more_than_planned");
  });
});

const outcome = (over: Partial<RequestOutcome> & Pick<RequestOutcome, "reference" | "forecast" | "actual">): RequestOutcome => ({
  requestId: over.reference,
  title: over.reference,
  type: "materials",
  department: "Parks",
  departmentId: over.department ?? "Parks",
  month: "2026-12",
  calculated: over.forecast,
  ...over,
});

describe("issue 19: mean absolute percentage error and bias", () => {
  // A: forecast 100, actual 80 → APE 20/80 = 25 %, bias +25 %.
  // B: forecast 50, actual 100 → APE 50 %, bias −50 %.
  // C: forecast 30, actual 0 → no percentage error: counted apart.
  // D (call routing): forecast 90, actual 100 → APE 10 %, bias −10 %.
  const outcomes = [
    outcome({ reference: "A", forecast: 100, actual: 80 }),
    outcome({ reference: "B", forecast: 50, actual: 100, month: "2027-01" }),
    outcome({ reference: "C", forecast: 30, actual: 0 }),
    outcome({ reference: "D", forecast: 90, actual: 100, type: "call_routing", department: "Water" }),
  ];

  it("by type: materials MAPE (25 + 50) ÷ 2 = 37.5 %, bias (25 − 50) ÷ 2 = −12.5 %", () => {
    const byType = accuracyBy(outcomes, (o) => o.type);
    expect(byType.map((g) => g.key)).toEqual(["call_routing", "materials"]);
    const materials = byType[1];
    expect(materials.requests).toBe(2);
    expect(materials.withoutCalls).toBe(1);
    expect(materials.mape).toBeCloseTo(0.375, 10);
    expect(materials.bias).toBeCloseTo(-0.125, 10);
    expect(byType[0].mape).toBeCloseTo(0.1, 10);
    expect(byType[0].bias).toBeCloseTo(-0.1, 10);
  });

  it("by month: December averages A and D (25 % and 10 %)", () => {
    const [december] = accuracyBy(outcomes, (o) => o.month);
    expect(december.key).toBe("2026-12");
    expect(december.mape).toBeCloseTo(0.175, 10);
    expect(december.bias).toBeCloseTo(0.075, 10);
  });

  it("the worst misses by calls: B (50), C (30), A (20), D (10)", () => {
    expect(worstMisses(outcomes, 3).map((o) => o.reference)).toEqual(["B", "C", "A"]);
  });

  it("a calibration factor from similar requests: actual 180 ÷ forecast 150 = 1.2", () => {
    const calibration = calibrationFrom([outcomes[0], outcomes[1]], "type");
    expect(calibration.factor).toBe(1.2);
    expect(calibration.basis).toMatchObject({ requests: 2, references: ["A", "B"], forecast: 150, actual: 180 });
    expect(calibration.basis.mape).toBeCloseTo(0.375, 10);
  });

  it("no factor from a single request, but its basis all the same", () => {
    const calibration = calibrationFrom([outcomes[0]], "type");
    expect(calibration.factor).toBeNull();
    expect(calibration.basis).toMatchObject({ requests: 1, references: ["A"], forecast: 100, actual: 80 });
  });

  it("no factor and no percentages from no request", () => {
    expect(calibrationFrom([], "type")).toEqual({ factor: null, basis: { similarity: "type", requests: 0, references: [], forecast: 0, actual: 0, mape: null, bias: null } });
  });

  it("similar requests: the same type and department when there are two, else the same type", () => {
    expect(similarOutcomes(outcomes, { type: "materials", departmentId: "Parks" }).similarity).toBe("type_and_department");
    const water = similarOutcomes(outcomes, { type: "materials", departmentId: "Water" });
    expect(water.similarity).toBe("type");
    expect(water.outcomes.map((o) => o.reference)).toEqual(["A", "B", "C"]);
  });
});
