// The capacity calendar's days and per-day loads (issue 5).
import { describe, expect, it } from "vitest";
import { monthWeeks, shiftMonth, weekOf, weekday } from "../../app/calendar/calendarGrid";
import { calendarView } from "../../app/calendar/calendarView";
import { dayLoads, type CalendarEntry } from "../../app/calendar/dayLoads";

const entry = (over: Partial<CalendarEntry>): CalendarEntry => ({
  id: "a",
  reference: "R-1",
  title: "t",
  department: "d",
  status: "approved",
  from: "2026-12-01",
  to: "2026-12-02",
  daily: [],
  ...over,
});

describe("calendar grid", () => {
  it("knows the weekday of a date, Sunday first", () => {
    expect(weekday("2026-11-22")).toBe(0);
    expect(weekday("2026-11-28")).toBe(6);
  });

  it("lays a month out in whole Sunday-to-Saturday weeks", () => {
    const weeks = monthWeeks("2026-11");
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toBe("2026-11-01");
    expect(weeks[4][6]).toBe("2026-12-05");
    // February 2026 starts on a Sunday and fills exactly four weeks.
    expect(monthWeeks("2026-02")).toHaveLength(4);
  });

  it("gives the week around a date across a daylight-saving change", () => {
    expect(weekOf("2026-03-10")).toEqual(["2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14"]);
  });

  it("steps months across years", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });

  it("reads the view from the address and ignores nonsense", () => {
    expect(calendarView(new URLSearchParams("month=2026-13"), "2026-11-25")).toMatchObject({ kind: "month", month: "2026-11" });
    expect(calendarView(new URLSearchParams("view=week&date=2026-12-03"), "2026-11-25")).toMatchObject({
      kind: "week",
      previous: "2026-11-22",
      next: "2026-12-06",
    });
  });
});

describe("per-day loads", () => {
  it("sums projected calls where requests overlap, approved and pending apart", () => {
    const loads = dayLoads(
      [
        entry({ id: "a", daily: [{ date: "2026-12-01", calls: 10 }, { date: "2026-12-02", calls: 5 }] }),
        entry({ id: "b", daily: [{ date: "2026-12-02", calls: 7 }] }),
        entry({ id: "c", status: "pending", from: "2026-12-02", to: "2026-12-02", daily: [{ date: "2026-12-02", calls: 4 }] }),
      ],
      ["2026-12-01", "2026-12-02", "2026-12-03"],
    );
    expect(loads.map((l) => [l.approvedCalls, l.pendingCalls, l.entries.map((e) => e.id)])).toEqual([
      [10, 0, ["a", "b"]],
      [12, 4, ["a", "b", "c"]],
      [0, 0, []],
    ]);
  });

  it("counts a mailing's calls after its last distribution day, though it is no longer in effect", () => {
    const [load] = dayLoads([entry({ to: "2026-12-01", daily: [{ date: "2026-12-09", calls: 3 }] })], ["2026-12-09"]);
    expect(load.approvedCalls).toBe(3);
    expect(load.entries).toEqual([]);
  });

  it("carries an open-ended request's first-month average on after the analysed days", () => {
    const daily = [
      { date: "2026-12-01", calls: 10 },
      { date: "2026-12-02", calls: 20 },
    ];
    const [before, inside, after] = dayLoads([entry({ from: "2026-12-01", to: null, daily })], ["2026-11-30", "2026-12-02", "2027-03-01"]);
    expect([before.approvedCalls, inside.approvedCalls, after.approvedCalls]).toEqual([0, 20, 15]);
    expect(after.entries).toHaveLength(1);
  });
});
