// Issue 19 (calibration) and SPEC §5: the analyst's calibration factor scales the calculator's
// calls before anything else is worked out from them; the form's schema refuses a bad factor
// with a specific message; the offer rests on the calculator's own forecasts of similar requests.
import { describe, expect, it } from "vitest";
import type { RequestOutcome } from "~/actuals/accuracy";
import { analysisFormSchema } from "~/analysis/analysisForm";
import { biasWords, calibrationLine, offerCalibration, previewLine } from "~/analysis/calibration";
import { projectCalls, projectionInputSchema } from "~/analysis/callProjection";
import { agentsNeeded } from "~/analysis/erlangC";

// 50 000 pieces at 2 %: 1,000 calls over the three distribution days and the month after.
const mailing = {
  type: "materials",
  audienceSize: "50000",
  responseRate: "0.02",
  firstDistributionDate: "2026-11-02",
  lastDistributionDate: "2026-11-04",
  handleTimeMinutes: "5",
};
const input = projectionInputSchema.parse(mailing);

describe("SPEC §5, issue 19: the calibrated projection", () => {
  const plain = projectCalls(input);

  it("factor 1 changes nothing", () => {
    expect(projectCalls(input, 1)).toEqual(plain);
  });

  it("× 0.85 scales the total and every day's calls, which still add up to the total", () => {
    const calibrated = projectCalls(input, 0.85);
    expect(plain.totalCalls).toBe(1000);
    expect(calibrated.totalCalls).toBe(850);
    expect(calibrated.daily.map((d) => d.date)).toEqual(plain.daily.map((d) => d.date));
    expect(calibrated.daily.reduce((s, d) => s + d.calls, 0)).toBe(850);
    // Each day within a call of 0.85 × the uncalibrated day (whole calls, shared out by largest remainder).
    calibrated.daily.forEach((d, i) => expect(Math.abs(d.calls - plain.daily[i].calls * 0.85)).toBeLessThan(1));
    expect(calibrated.extraAgentHours).toBe(70.8); // 850 calls × 5 min
  });

  it("× 2 doubles the busiest day, and Erlang C staffs the doubled peak hour", () => {
    const doubled = projectCalls(input, 2);
    expect(doubled.totalCalls).toBe(2000);
    expect(doubled.peakDate).toBe(plain.peakDate);
    expect(doubled.peakDayCalls).toBe(334); // 2 × 167
    expect(doubled.peakHourCalls).toBe(50.1); // 334 × 15 %
    expect(doubled.extraAgentsAtPeak).toBe(agentsNeeded({ callsPerHour: 334 * 0.15, handleTimeSeconds: 300, targetSeconds: 60, targetServiceLevel: 0.8 }));
    expect(doubled.extraAgentsAtPeak).toBeGreaterThan(plain.extraAgentsAtPeak);
    expect(doubled.recommendation).toContain("about 334 extra calls on the busiest day");
  });
});

describe("issue 19: the calibration factor field (one schema, browser and server)", () => {
  const factorOf = (calibrationFactor: string) => analysisFormSchema.safeParse({ ...mailing, calibrationFactor });
  const messageOf = (calibrationFactor: string) => {
    const result = factorOf(calibrationFactor);
    expect(result.success).toBe(false);
    return result.error?.issues.find((i) => i.path.join(".") === "calibrationFactor")?.message;
  };

  it("reads 0.85 and 4, and a blank field as 1 (none)", () => {
    expect(factorOf("0.85").data?.calibrationFactor).toBe(0.85);
    expect(factorOf("4").data?.calibrationFactor).toBe(4);
    expect(factorOf("0.25").data?.calibrationFactor).toBe(0.25);
    expect(factorOf("").data?.calibrationFactor).toBe(1);
    expect(analysisFormSchema.parse(mailing).calibrationFactor).toBe(1);
  });

  it.each([
    ["4.01", "The calibration factor must be at most 4"],
    ["0.2", "The calibration factor must be at least 0.25"],
    ["-1", "The calibration factor must be at least 0.25"],
    ["0.855", "Give the calibration factor with at most two decimals, such as 0.85"],
    ["abc", "Enter the calibration factor as a number, such as 0.85 (1 for none)"],
    ["1e0", "Enter the calibration factor as a number, such as 0.85 (1 for none)"],
    ["85%", "Enter the calibration factor as a number, such as 0.85 (1 for none)"],
  ])("refuses %s: %s", (value, message) => {
    expect(messageOf(value)).toBe(message);
  });
});

const outcome = (o: Partial<RequestOutcome> & Pick<RequestOutcome, "reference" | "calculated" | "actual">): RequestOutcome => ({
  requestId: o.reference,
  title: o.reference,
  type: "materials",
  departmentId: "dpw",
  department: "Public Works",
  month: "2026-12",
  forecast: o.calculated,
  ...o,
});

describe("issue 19: the calibration offer from similar requests", () => {
  // A: calculated 800, calibrated by its analyst to 400 (× 0.5), 600 came.
  // B: calculated 800, 760 came. Factor (600 + 760) ÷ (800 + 800) = 0.85, on the calculator's figures.
  const past = [
    outcome({ reference: "A", calculated: 800, forecast: 400, actual: 600 }),
    outcome({ reference: "B", calculated: 800, actual: 760 }),
    outcome({ reference: "C", calculated: 500, actual: 100, departmentId: "lib", department: "Libraries" }),
    outcome({ reference: "D", calculated: 100, actual: 100, type: "call_routing" }),
  ];

  it("same type and department: 0.85 from A and B, the calculator's forecasts, not the calibrated ones", () => {
    const { offer, similar } = offerCalibration(past, { type: "materials", departmentId: "dpw" });
    expect(similar.map((o) => o.reference)).toEqual(["A", "B"]);
    expect(offer.suggested).toBe(0.85);
    expect(offer.basis).toMatchObject({ similarity: "type_and_department", requests: 2, references: ["A", "B"], forecast: 1600, actual: 1360 });
    // A: (800 − 600) ÷ 600 = 33.3 %; B: 40 ÷ 760 = 5.3 %; both too high.
    expect(offer.basis.bias).toBeCloseTo((200 / 600 + 40 / 760) / 2, 10);
    expect(offer.basis.mape).toBeCloseTo((200 / 600 + 40 / 760) / 2, 10);
  });

  it("too few from the department: the same type from any department", () => {
    const { offer } = offerCalibration(past, { type: "materials", departmentId: "lib" });
    expect(offer.basis.similarity).toBe("type");
    expect(offer.basis.references).toEqual(["A", "B", "C"]);
    expect(offer.suggested).toBe(0.7); // 1460 ÷ 2100 = 0.695
  });

  it("leaves the request itself out, and suggests nothing from one request", () => {
    const { offer } = offerCalibration(past, { type: "call_routing", departmentId: "dpw", excludeId: "nothing" });
    expect(offer.suggested).toBeNull();
    expect(offer.basis.requests).toBe(1);
    expect(offerCalibration(past, { type: "call_routing", departmentId: "dpw", excludeId: "D" }).offer.basis.requests).toBe(0);
  });

  it("holds the suggestion within 0.25–4", () => {
    const wild = [outcome({ reference: "E", calculated: 1000, actual: 100 }), outcome({ reference: "F", calculated: 1000, actual: 0 })];
    expect(offerCalibration(wild, { type: "materials", departmentId: "dpw" }).offer.suggested).toBe(0.25);
    const under = [outcome({ reference: "G", calculated: 10, actual: 100 }), outcome({ reference: "H", calculated: 10, actual: 50 })];
    expect(offerCalibration(under, { type: "materials", departmentId: "dpw" }).offer.suggested).toBe(4);
  });
});

describe("issue 19: what was decided, in words", () => {
  const basis = { similarity: "type_and_department" as const, requests: 6, references: [], forecast: 1000, actual: 850, mape: 0.2, bias: 0.18 };

  it("says the bias plainly", () => {
    expect(biasWords(0.18)).toBe("forecasts were 18 % too high on average");
    expect(biasWords(-0.052)).toBe("forecasts were 5 % too low on average");
    expect(biasWords(0.004)).toBe("forecasts were about right on average");
  });

  it("names the factor applied and the one suggested", () => {
    expect(calibrationLine({ factor: 0.85, offer: { suggested: 0.85, basis } })).toBe("Calibrated × 0.85 (suggested 0.85 from 6 similar requests)");
    expect(calibrationLine({ factor: 1, offer: { suggested: 0.85, basis } })).toBe("Not calibrated (suggested 0.85 from 6 similar requests)");
    expect(calibrationLine({ factor: 1.2, offer: { suggested: null, basis: { ...basis, requests: 1 } } })).toBe(
      "Calibrated × 1.2 (no factor suggested: only 1 similar request with actual calls)",
    );
    expect(calibrationLine({ factor: 1, offer: { suggested: null, basis: { ...basis, requests: 0 } } })).toBe(
      "Not calibrated (no factor suggested: no similar request with actual calls)",
    );
    // Recorded before calibration was offered: nothing to say.
    expect(calibrationLine({ factor: 1, offer: null })).toBeNull();
  });

  it("previews both totals", () => {
    expect(previewLine(0.85, 1000, 850)).toBe("Calibrated × 0.85: the calculator's 1,000 calls become 850");
    expect(previewLine(1, 1000, 1000)).toBe("Not calibrated: 1,000 calls as calculated");
  });
});
