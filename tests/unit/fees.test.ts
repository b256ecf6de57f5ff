// SPEC §6: fee schedule and the suggested fee with its working.
import { describe, expect, it } from "vitest";
import { costPerCall, DEFAULT_FEE_SCHEDULE, feeScheduleSchema, type FeeSchedule } from "~/fees/feeSchedule";
import { formatUsd, isWholeCents, toCents } from "~/fees/money";
import { suggestedFee } from "~/fees/suggestedFee";

describe("money in cents", () => {
  it("formats US dollars with thousands separators", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(5)).toBe("$0.05");
    expect(formatUsd(433)).toBe("$4.33");
    expect(formatUsd(544_600)).toBe("$5,446.00");
    expect(formatUsd(123_456_789_01)).toBe("$123,456,789.01");
    expect(formatUsd(-1250)).toBe("-$12.50");
    expect(() => formatUsd(4.5)).toThrow(RangeError);
  });

  it("turns whole-cent dollar amounts into exact integers", () => {
    expect(toCents(4.33)).toBe(433);
    expect(toCents(1.1)).toBe(110);
    expect(toCents(0.29)).toBe(29);
    expect(isWholeCents(52)).toBe(true);
    expect(isWholeCents(19.99)).toBe(true);
    expect(isWholeCents(4.335)).toBe(false);
  });
});

describe("fee schedule", () => {
  it("defaults: $52.00 an hour loaded, 5 minutes a call → $4.33 a call", () => {
    expect(feeScheduleSchema.parse(DEFAULT_FEE_SCHEDULE)).toEqual(DEFAULT_FEE_SCHEDULE);
    expect(costPerCall(DEFAULT_FEE_SCHEDULE)).toBe(433);
  });

  it("the default cost per call lies within Montgomery County MD's reported $3.90–$5.44 per contact", () => {
    expect(costPerCall(DEFAULT_FEE_SCHEDULE)).toBeGreaterThanOrEqual(390);
    expect(costPerCall(DEFAULT_FEE_SCHEDULE)).toBeLessThanOrEqual(544);
  });

  it("rounds the cost per call to the nearest cent", () => {
    const at = (loadedHourlyCost: number, averageHandleMinutes: number) =>
      costPerCall({ ...DEFAULT_FEE_SCHEDULE, loadedHourlyCost, averageHandleMinutes });
    expect(at(60, 4.5)).toBe(450);
    expect(at(47.5, 3)).toBe(238); // 237.5 → 238
    expect(at(45.01, 4)).toBe(300); // 300.07 → 300
    expect(at(0, 5)).toBe(0);
  });

  it("reads the admin form's strings", () => {
    expect(
      feeScheduleSchema.parse({
        version: "2",
        loadedHourlyCost: "55.50",
        averageHandleMinutes: "4.5",
        setupFees: { materials: "0", call_routing: "300", automated_response: "650.00" },
      }),
    ).toEqual({
      version: 2,
      loadedHourlyCost: 55.5,
      averageHandleMinutes: 4.5,
      setupFees: { materials: 0, call_routing: 300, automated_response: 650 },
    });
  });

  it("refuses blanks, negatives, fractions of a cent and a zero handle time", () => {
    const result = feeScheduleSchema.safeParse({
      version: "1",
      loadedHourlyCost: "",
      averageHandleMinutes: "0",
      setupFees: { materials: "-1", call_routing: "250.005", automated_response: "500" },
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      loadedHourlyCost: "Enter the loaded hourly cost in dollars and cents, like 1250.00",
      averageHandleMinutes: "The average handle time must be more than 0 minutes",
      "setupFees.materials": "The materials set-up fee cannot be negative",
      "setupFees.call_routing": "The call routing set-up fee must be in whole cents",
    });
  });
});

describe("suggested fee", () => {
  it("set-up + projected calls × cost per call, with its working (SPEC §6)", () => {
    expect(suggestedFee({ schedule: DEFAULT_FEE_SCHEDULE, type: "call_routing", projectedCalls: 1200 })).toEqual({
      setup: 25_000,
      calls: 1200,
      costPerCall: 433,
      callsCost: 519_600,
      total: 544_600,
      scheduleVersion: 1,
      working: "$250.00 set-up + 1,200 calls × $4.33 = $5,446.00",
    });
  });

  it("uses the set-up fee of the request's type", () => {
    expect(suggestedFee({ schedule: DEFAULT_FEE_SCHEDULE, type: "materials", projectedCalls: 1 }).working).toBe(
      "$0.00 set-up + 1 call × $4.33 = $4.33",
    );
    expect(suggestedFee({ schedule: DEFAULT_FEE_SCHEDULE, type: "automated_response", projectedCalls: 0 }).total).toBe(
      50_000,
    );
  });

  it("stays exact where dollar floats would drift", () => {
    // 0.1 + 0.2 style error: 3 × $0.10 a call plus $0.20 set-up is exactly $0.50.
    const schedule: FeeSchedule = {
      ...DEFAULT_FEE_SCHEDULE,
      loadedHourlyCost: 1.2,
      averageHandleMinutes: 5,
      setupFees: { ...DEFAULT_FEE_SCHEDULE.setupFees, materials: 0.2 },
    };
    const fee = suggestedFee({ schedule, type: "materials", projectedCalls: 3 });
    expect(fee.total).toBe(50);
    expect(fee.working).toBe("$0.20 set-up + 3 calls × $0.10 = $0.50");
    const big = suggestedFee({ schedule: DEFAULT_FEE_SCHEDULE, type: "call_routing", projectedCalls: 1_000_003 });
    expect(big.total).toBe(433_026_299);
    expect(big.working).toBe("$250.00 set-up + 1,000,003 calls × $4.33 = $4,330,262.99");
  });

  it("records the schedule version used", () => {
    expect(suggestedFee({ schedule: { ...DEFAULT_FEE_SCHEDULE, version: 7 }, type: "materials", projectedCalls: 10 }).scheduleVersion).toBe(7);
  });

  it("refuses a fractional or negative number of calls", () => {
    expect(() => suggestedFee({ schedule: DEFAULT_FEE_SCHEDULE, type: "materials", projectedCalls: 1.5 })).toThrow(RangeError);
    expect(() => suggestedFee({ schedule: DEFAULT_FEE_SCHEDULE, type: "materials", projectedCalls: -1 })).toThrow(RangeError);
  });
});
