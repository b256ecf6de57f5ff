// The CPU slowdown that emulates Lighthouse's mid-tier phone on a given host (issue 20): the
// points of Lighthouse's CPU throttling calculator, and the line between them.
import { describe, expect, it } from "vitest";
import { calibratedSlowdown } from "../../lighthouse/cpuSlowdown";

describe("calibratedSlowdown", () => {
  it("is the calculator's slowdown at the benchmark indexes it names", () => {
    expect(calibratedSlowdown(150)).toBe(1);
    expect(calibratedSlowdown(800)).toBe(2);
    expect(calibratedSlowdown(1300)).toBe(3);
    expect(calibratedSlowdown(1533)).toBeCloseTo(4, 1);
    expect(calibratedSlowdown(2000)).toBeCloseTo(6, 1);
  });

  it("is a straight line between them, and none for a host too slow to emulate a phone", () => {
    expect(calibratedSlowdown(1100)).toBeCloseTo(2.6, 5);
    expect(calibratedSlowdown(475)).toBeCloseTo(1.5, 5);
    expect(calibratedSlowdown(149)).toBeNull();
    expect(calibratedSlowdown(Number.NaN)).toBeNull();
  });
});
