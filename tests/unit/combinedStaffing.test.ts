// Issue 19 (SPEC §5, "the capacity calendar staffs the combined load of overlapping requests
// with Erlang C"): Erlang C on the sum of overlapping loads, not the sum of their agents; the
// hours a day's extra calls fall in; and which days are pinch points.
import { describe, expect, it } from "vitest";
import type { StaffingBaseline, StaffingTarget } from "~/capacity/baseline";
import { combinedAgentsNeeded, dayStaffing, hourlyShares, isPinchPoint, pinchesWith, weekdayHours } from "~/capacity/combinedStaffing";

// The published table: Call Centre Helper's worked example (callcentrehelper.com/erlang-c-formula-example-121281.htm),
// also printed in the README of the R package ErlangC: 200 calls an hour, 180 s handle time,
// 80 % within 20 s. Agents 13 → 79.56 %, 14 → 88.84 %: 14 agents.
const published: StaffingTarget = { handleTimeSeconds: 180, targetAnswerSeconds: 20, targetServiceLevel: 0.8 };

// Worked apart from the module, with Python's exact fractions and the textbook closed form
//   C(A, N) = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)),  SL = 1 − C·e^(−(N−A)·t/AHT),
// taking the fewest N with SL ≥ 0.8 (SPEC §5's default: 80 % in 60 s), handle time 300 s:
//   calls/h   A (erl)   N−1 → SL        N → SL
//     60       5.0      7 → 0.7827      8 → 0.9082
//     24       2.0      3 → 0.6361      4 → 0.8834
//     36       3.0      4 → 0.5829      5 → 0.8417
//     12       1.0      2 → 0.7271      3 → 0.9391
//    120      10.0     12 → 0.6988     13 → 0.8434
//    132      11.0     13 → 0.6874     14 → 0.8338
const specDefault: StaffingTarget = { handleTimeSeconds: 300, targetAnswerSeconds: 60, targetServiceLevel: 0.8 };

describe("combined Erlang C against an independent table (issue 19)", () => {
  it("two overlapping loads, 120 + 80 calls an hour (A = 6 + 4 = 10), need the published 14 agents, not 9 + 7 = 16", () => {
    expect(combinedAgentsNeeded(published, [120, 80])).toBe(14);
    // Each load staffed alone (the same Python table: 120 → 9 at 85.96 %, 80 → 7 at 90.32 %).
    expect(combinedAgentsNeeded(published, [120]) + combinedAgentsNeeded(published, [80])).toBe(16);
  });

  it("three overlapping loads, 100 + 60 + 40 calls an hour (A = 10), need 14 agents, not 8 + 5 + 4 = 17", () => {
    expect(combinedAgentsNeeded(published, [100, 60, 40])).toBe(14);
    const separately = [100, 60, 40].map((calls) => combinedAgentsNeeded(published, [calls]));
    expect(separately).toEqual([8, 5, 4]);
  });

  it("a baseline of 60 calls an hour and two requests (24 + 36): 13 agents, not 8 + 4 + 5 = 17", () => {
    expect(combinedAgentsNeeded(specDefault, [60])).toBe(8);
    expect(combinedAgentsNeeded(specDefault, [60, 24, 36])).toBe(13);
    expect([24, 36].map((calls) => combinedAgentsNeeded(specDefault, [calls]))).toEqual([4, 5]);
  });

  it("the same baseline and three requests (24 + 36 + 12): 14 agents, not 8 + 4 + 5 + 3 = 20", () => {
    expect(combinedAgentsNeeded(specDefault, [60, 24, 36, 12])).toBe(14);
    expect(combinedAgentsNeeded(specDefault, [12])).toBe(3);
  });
});

// A Monday (2027-03-01 is a Monday) open 08:00–12:00 with 60 calls an hour and 8 agents.
const MONDAY = "2027-03-01";
const baseline: StaffingBaseline = {
  target: specDefault,
  hours: [8, 9, 10, 11].map((hour) => ({ weekday: 1, hour, calls: 60, agents: 8 })),
};

describe("the hours a day's extra calls fall in", () => {
  it("follow the Center's normal calls that weekday", () => {
    const shares = hourlyShares(weekdayHours(baseline.hours, 1));
    expect(shares[8]).toBe(0.25);
    expect(shares[7]).toBe(0);
  });

  it("spread evenly over the staffed hours when the weekday has no normal calls, and over the day when it has no staff", () => {
    const staffedOnly: StaffingBaseline = { target: specDefault, hours: [{ weekday: 2, hour: 9, calls: 0, agents: 3 }] };
    expect(hourlyShares(weekdayHours(staffedOnly.hours, 2))[9]).toBe(1);
    expect(hourlyShares(weekdayHours(staffedOnly.hours, 0))[3]).toBeCloseTo(1 / 24, 12);
  });
});

describe("pinch points (issue 19)", () => {
  it("a day whose baseline alone fits its plan is not one", () => {
    const day = dayStaffing(baseline, { date: MONDAY, approvedCalls: 0, pendingCalls: 0 });
    expect(day).toMatchObject({ needed: 8, planned: 8, shortfall: 0 });
    expect(isPinchPoint(day)).toBe(false);
  });

  it("two requests' 240 extra calls (60 an hour) need 13 agents an hour against 8 planned: 5 short", () => {
    // 96 + 144 calls over the four hours: 24 + 36 an hour, the table's 120 calls an hour.
    const day = dayStaffing(baseline, { date: MONDAY, approvedCalls: 240, pendingCalls: 0 });
    expect(day).toMatchObject({ hour: 8, calls: 120, needed: 13, planned: 8, shortfall: 5 });
    expect(isPinchPoint(day)).toBe(true);
  });

  it("pending requests' calls make a day short only 'if approved'", () => {
    const day = dayStaffing(baseline, { date: MONDAY, approvedCalls: 0, pendingCalls: 288 });
    expect(day.shortfall).toBe(0);
    expect(day.shortfallWithPending).toBe(6); // 60 + 72 = 132 an hour → 14 agents
    expect(isPinchPoint(day)).toBe(false);
  });

  it("calls on a day nobody is planned for are a pinch point", () => {
    const sunday = dayStaffing(baseline, { date: "2027-02-28", approvedCalls: 24, pendingCalls: 0 });
    expect(sunday).toMatchObject({ planned: 0, shortfall: 1 });
  });

  it("a new request's projection is flagged on the days it adds to or makes short, not on days it leaves covered", () => {
    const loads = [
      { date: MONDAY, approvedCalls: 240, pendingCalls: 0 },
      { date: "2027-03-08", approvedCalls: 0, pendingCalls: 0 },
    ];
    const projected = [
      { date: MONDAY, calls: 48 },
      { date: "2027-03-08", calls: 4 },
      { date: "2027-03-15", calls: 240 },
    ];
    expect(pinchesWith(baseline, loads, projected)).toEqual([
      { date: MONDAY, before: 5, after: 6 },
      { date: "2027-03-15", before: 0, after: 5 },
    ]);
  });
});
