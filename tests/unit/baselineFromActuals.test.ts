// Issue 19: the staffing baseline's calls from the actual calls imported. The averages by weekday
// and hour worked by hand, the agents kept, the period offered first and the period form's rules.
import { describe, expect, it } from "vitest";
import { averageCallsByWeekday, defaultPeriod, withActualCalls } from "~/capacity/baselineFromActuals";
import { actualsPreviewSchema } from "~/capacity/baselineForm";

describe("issue 19: average calls by weekday and hour", () => {
  // Three Mondays (Nov 2, 9, 16 2026) with hour 9: 10 + 0 + 0 calls; the 16th has a row at 10 only.
  const totals = [
    { date: "2026-11-02", hour: 9, calls: 10 },
    { date: "2026-11-09", hour: 9, calls: 0 },
    { date: "2026-11-16", hour: 10, calls: 6 },
    { date: "2026-11-04", hour: 23, calls: 1 },
  ];

  it("divides by the days of the weekday with interval data, an hour without a row counting as no calls; to a tenth", () => {
    const averages = averageCallsByWeekday(totals);
    expect(averages[1].days).toBe(3);
    // 10 / 3 = 3.33… → 3.3; 6 / 3 = 2.
    expect(averages[1].calls[9]).toBe(3.3);
    expect(averages[1].calls[10]).toBe(2);
    expect(averages[1].calls).toHaveLength(24);
    expect(averages[3]).toMatchObject({ days: 1 });
    expect(averages[3].calls[23]).toBe(1);
    expect(averages[0]).toEqual({ weekday: 0, days: 0, calls: [] });
  });

  it("replaces the calls of the weekdays with data only, keeping every hour's agents", () => {
    const current = [
      { weekday: 1, hour: 8, calls: 60, agents: 8 },
      { weekday: 1, hour: 9, calls: 60, agents: 8 },
      { weekday: 0, hour: 9, calls: 5, agents: 1 },
    ];
    const { weekdays, hours } = withActualCalls(current, averageCallsByWeekday(totals));
    expect(weekdays).toEqual([1, 3]);
    expect(hours).toHaveLength(48);
    expect(hours.filter((h) => h.weekday === 1 && (h.calls > 0 || h.agents > 0))).toEqual([
      { weekday: 1, hour: 8, calls: 0, agents: 8 },
      { weekday: 1, hour: 9, calls: 3.3, agents: 8 },
      { weekday: 1, hour: 10, calls: 2, agents: 0 },
    ]);
  });

  it("offers the eight whole weeks up to the last day with data: 56 days, each weekday eight times", () => {
    expect(defaultPeriod("2026-11-16")).toEqual({ from: "2026-09-22", to: "2026-11-16" });
  });
});

describe("issue 19: the period form", () => {
  const check = (from: string, to: string) => {
    const parsed = actualsPreviewSchema.safeParse({ intent: "actuals-preview", from, to });
    return parsed.success ? "ok" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("takes a week to a year, both days included", () => {
    expect(check("2026-11-02", "2026-11-08")).toBe("ok");
    expect(check("2025-11-16", "2026-11-16")).toBe("ok");
    expect(check("2025-11-15", "2026-11-16")).toEqual(["to: The period must be at most 366 days: a normal week is not the average of several seasons"]);
    expect(check("2026-11-02", "2026-11-07")).toEqual(["to: The period must be at least 7 days, so that every weekday is in it"]);
    expect(check("2026-11-08", "2026-11-02")).toEqual(["to: The last day must be on or after the first day"]);
    expect(check("2026-11-31", "2026-12-31")).toEqual(["from: Enter the first day of the period as a real date, like 2026-11-30"]);
  });
});
