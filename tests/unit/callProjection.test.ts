// SPEC §5: the call volume projection behind the analysis form.
import { describe, expect, it } from "vitest";
import { apportion } from "~/analysis/apportion";
import { dateSeries, inclusiveDays } from "~/analysis/calendarDates";
import { projectCalls, projectionInputSchema, type ProjectionInput } from "~/analysis/callProjection";
import { agentsNeeded } from "~/analysis/erlangC";
import { RESPONSE_TAIL_DAYS } from "~/analysis/responseCurve";

const parse = (form: Record<string, string>): ProjectionInput => projectionInputSchema.parse(form);

const mailing = {
  type: "materials",
  audienceSize: "50000",
  responseRate: "0.02",
  firstDistributionDate: "2026-11-02",
  lastDistributionDate: "2026-11-04",
  handleTimeMinutes: "5",
};

const routing = {
  type: "call_routing",
  callsPerMonth: "3100",
  shareAt311: "0.5",
  startDate: "2026-03-01",
  routing: "temporary",
  endDate: "2026-03-10",
  handleTimeMinutes: "4",
};

const automated = {
  type: "automated_response",
  transferredCallsPerMonth: "1000",
  handledBySystemShare: "0.7",
  startDate: "2026-06-01",
  handleTimeMinutes: "6",
};

function issuesOf(form: Record<string, string>): Record<string, string> {
  const result = projectionInputSchema.safeParse(form);
  expect(result.success).toBe(false);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("projection input schema", () => {
  it("reads form strings and fills the Center's defaults (80 % in 60 s, 8-hour day)", () => {
    expect(parse({ ...mailing, targetServiceLevel: "", peakHourShare: "" })).toEqual({
      type: "materials",
      audienceSize: 50000,
      responseRate: 0.02,
      firstDistributionDate: "2026-11-02",
      lastDistributionDate: "2026-11-04",
      handleTimeMinutes: 5,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 60,
      businessHoursPerDay: 8,
      peakHourShare: undefined,
      baselineCallsPerHour: 0,
    });
  });

  it("a blank required number is missing, not 0", () => {
    expect(issuesOf({ ...routing, callsPerMonth: "" })).toEqual({
      callsPerMonth: "Enter the current calls a month as a number",
    });
    expect(issuesOf({ ...mailing, handleTimeMinutes: " " })).toHaveProperty("handleTimeMinutes");
  });

  it("refuses shares outside 0..1, fractional audiences and impossible dates", () => {
    expect(issuesOf({ ...routing, shareAt311: "1.5" })).toEqual({
      shareAt311: "The share expected at 3-1-1 must be at most 1",
    });
    expect(issuesOf({ ...mailing, audienceSize: "10.5" })).toHaveProperty("audienceSize");
    expect(issuesOf({ ...mailing, firstDistributionDate: "2026-02-30" })).toEqual({
      firstDistributionDate: "Enter the first distribution date as a real date between 1900 and 2099",
    });
    expect(issuesOf({ ...mailing, targetServiceLevel: "1" })).toHaveProperty("targetServiceLevel");
  });

  it("checks windows: last day not before the first, at most 366 days", () => {
    expect(issuesOf({ ...mailing, lastDistributionDate: "2026-11-01" })).toEqual({
      lastDistributionDate: "The last distribution date must be on or after the first day",
    });
    expect(issuesOf({ ...routing, endDate: "2027-03-02" })).toEqual({
      endDate: "The end date must be within 366 days of the first day",
    });
    expect(projectionInputSchema.safeParse({ ...routing, endDate: "2027-03-01" }).success).toBe(true);
  });

  it("temporary routing needs an end date; permanent routing does not (R10)", () => {
    expect(issuesOf({ ...routing, endDate: "" })).toEqual({ endDate: "Temporary routing needs an end date" });
    expect(projectionInputSchema.safeParse({ ...routing, routing: "permanent", endDate: "" }).success).toBe(true);
  });

  it("a peak-hour share below an average hour's share is refused", () => {
    expect(issuesOf({ ...automated, peakHourShare: "0.1", businessHoursPerDay: "8" })).toHaveProperty("peakHourShare");
    expect(projectionInputSchema.safeParse({ ...automated, peakHourShare: "0.125" }).success).toBe(true);
  });

  it("refuses an unknown request type", () => {
    expect(projectionInputSchema.safeParse({ ...mailing, type: "billboard" }).success).toBe(false);
  });
});

describe("materials: a burst after each distribution day, halving every 3 days", () => {
  const projection = projectCalls(parse(mailing));

  it("projects audience × response rate calls in whole calls per day that add up to the total", () => {
    expect(projection.totalCalls).toBe(1000);
    expect(projection.daily.reduce((s, d) => s + d.calls, 0)).toBe(1000);
    expect(projection.daily.every((d) => Number.isInteger(d.calls) && d.calls >= 0)).toBe(true);
  });

  it("runs from the first distribution day to 30 days after the last", () => {
    expect(projection.daily).toHaveLength(3 + RESPONSE_TAIL_DAYS - 1);
    expect(projection.daily[0].date).toBe("2026-11-02");
    expect(projection.daily.at(-1)?.date).toBe("2026-12-03");
  });

  it("peaks on the last distribution day and then falls every day", () => {
    expect(projection.peakDate).toBe("2026-11-04");
    expect(projection.peakDayCalls).toBe(167);
    const after = projection.daily.slice(2).map((d) => d.calls);
    after.slice(1).forEach((calls, i) => expect(calls).toBeLessThanOrEqual(after[i]));
  });

  it("a one-day mailing brings about half its calls in the first 3 days", () => {
    const oneDay = projectCalls(parse({ ...mailing, lastDistributionDate: "2026-11-02" }));
    const firstThree = oneDay.daily.slice(0, 3).reduce((s, d) => s + d.calls, 0);
    expect(firstThree / oneDay.totalCalls).toBeCloseTo(0.5, 2);
    expect(oneDay.peakDate).toBe("2026-11-02");
  });

  it("works out agent-hours, the peak hour and the agents to add", () => {
    expect(projection.extraAgentHours).toBe(83.3); // 1,000 calls × 5 min
    expect(projection.peakHourShare).toBe(0.15); // 1.2 ÷ 8 business hours
    expect(projection.peakHourCalls).toBe(25.1); // 167 × 15 %
    expect(projection.extraAgentsAtPeak).toBe(
      agentsNeeded({ callsPerHour: 167 * 0.15, handleTimeSeconds: 300, targetSeconds: 60, targetServiceLevel: 0.8 }),
    );
    expect(projection.extraAgentsAtPeak).toBe(4);
    expect(projection.recommendation).toBe(
      "Add 4 agents at the peak hour on Wed, Nov 4, 2026, tapering over the following days " +
        "(about 167 extra calls on the busiest day). " +
        "Consider a recorded IVR message that answers the mailing's common questions.",
    );
  });

  it("no audience, no calls, no change", () => {
    const none = projectCalls(parse({ ...mailing, audienceSize: "0" }));
    expect(none.totalCalls).toBe(0);
    expect(none.peakDate).toBeNull();
    expect(none.extraAgentsAtPeak).toBe(0);
    expect(none.extraAgentHours).toBe(0);
    expect(none.recommendation).toBe("No extra calls expected. No schedule change needed.");
  });
});

describe("call routing: the monthly calls spread over each month's days", () => {
  it("temporary: from the start to the end date, calls a month × share ÷ days in the month", () => {
    const p = projectCalls(parse(routing));
    expect(p.daily).toHaveLength(10);
    expect(p.daily.every((d) => d.calls === 50)).toBe(true); // 3,100 × 0.5 ÷ 31
    expect(p.totalCalls).toBe(500);
    expect(p.peakDate).toBe("2026-03-01");
    expect(p.extraAgentHours).toBe(33.3); // 500 × 4 min
    expect(p.peakHourCalls).toBe(7.5);
    expect(p.extraAgentsAtPeak).toBe(2);
    expect(p.recommendation).toBe(
      "Add 2 agents at the peak hour from Sun, Mar 1, 2026 to Tue, Mar 10, 2026 " +
        "(about 50 extra calls on the busiest day).",
    );
  });

  it("a month boundary changes the daily rate (February's days carry more)", () => {
    const p = projectCalls(parse({ ...routing, callsPerMonth: "2800", shareAt311: "1", startDate: "2026-02-27", endDate: "2026-03-02" }));
    expect(p.daily).toEqual([
      { date: "2026-02-27", calls: 100 },
      { date: "2026-02-28", calls: 100 },
      { date: "2026-03-01", calls: 91 },
      { date: "2026-03-02", calls: 90 },
    ]);
    expect(p.totalCalls).toBe(381); // 2 × 2,800/28 + 2 × 2,800/31 = 380.6
  });

  it("permanent: shows the first 30 days and says to change the standing schedule", () => {
    const p = projectCalls(parse({ ...routing, routing: "permanent", endDate: "" }));
    expect(p.daily).toHaveLength(30);
    expect(p.daily.at(-1)?.date).toBe("2026-03-30");
    expect(p.totalCalls).toBe(1500);
    expect(p.recommendation).toMatch(/^Add 2 agents at the peak hour from Sun, Mar 1, 2026 onward, in the standing schedule/);
  });

  it("a small flow needs no schedule change", () => {
    const p = projectCalls(parse({ ...routing, callsPerMonth: "300", shareAt311: "0.5" }));
    expect(p.peakDayCalls).toBe(5);
    expect(p.recommendation).toBe(
      "No schedule change needed: the busiest day, Sun, Mar 1, 2026, adds about 5 calls (0.3 agent-hours).",
    );
  });
});

describe("automated response: callers the system does not serve call 311 again", () => {
  it("projects transferred × (1 − share handled) a month over the first 30 days", () => {
    const p = projectCalls(parse(automated));
    expect(p.daily).toHaveLength(30);
    expect(p.daily.every((d) => d.calls === 10)).toBe(true); // 300 a month ÷ 30 days of June
    expect(p.totalCalls).toBe(300);
    expect(p.extraAgentHours).toBe(30);
  });

  it("a system that serves everyone adds no calls", () => {
    expect(projectCalls(parse({ ...automated, handledBySystemShare: "1" })).totalCalls).toBe(0);
  });
});

describe("peak-hour staffing options", () => {
  it("an explicit peak-hour share replaces the business-hours default", () => {
    const p = projectCalls(parse({ ...mailing, peakHourShare: "0.25" }));
    expect(p.peakHourShare).toBe(0.25);
    expect(p.peakHourCalls).toBe(41.8);
  });

  it("a longer business day lowers the default share", () => {
    expect(projectCalls(parse({ ...mailing, businessHoursPerDay: "12" })).peakHourShare).toBeCloseTo(0.1, 10);
  });

  it("pooling with the Center's current calls needs no more extra agents than staffing alone", () => {
    const alone = projectCalls(parse(mailing)).extraAgentsAtPeak;
    const pooled = projectCalls(parse({ ...mailing, baselineCallsPerHour: "300" })).extraAgentsAtPeak;
    expect(pooled).toBeLessThanOrEqual(alone);
    expect(pooled).toBe(
      agentsNeeded({ callsPerHour: 300 + 167 * 0.15, handleTimeSeconds: 300, targetSeconds: 60, targetServiceLevel: 0.8 }) -
        agentsNeeded({ callsPerHour: 300, handleTimeSeconds: 300, targetSeconds: 60, targetServiceLevel: 0.8 }),
    );
  });

  it("a stricter service target never needs fewer agents", () => {
    const loose = projectCalls(parse(mailing)).extraAgentsAtPeak;
    const strict = projectCalls(parse({ ...mailing, targetServiceLevel: "0.9", targetAnswerSeconds: "20" })).extraAgentsAtPeak;
    expect(strict).toBeGreaterThanOrEqual(loose);
  });
});

describe("calendar dates", () => {
  it("steps one calendar day at a time across daylight-saving changes", () => {
    expect(dateSeries("2026-03-07", 3)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(dateSeries("2026-10-31", 3)).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(inclusiveDays("2026-03-01", "2026-03-31")).toBe(31);
    expect(inclusiveDays("2028-02-28", "2028-03-01")).toBe(3);
  });
});

describe("apportion", () => {
  it("shares a whole total in proportion, adding up exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]); // 3.5, 1.75, 1.75
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it("refuses a fractional total or no days to share over", () => {
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(3, [])).toThrow(RangeError);
  });
});
