// The capacity calendar's days and per-day loads (issue 5).
import { formatDate, formatMonth, addCalendarDays } from "workflows";
import { describe, expect, it } from "vitest";
import { monthWeeks, shiftMonth, weekOf, weekday } from "../../app/calendar/calendarGrid";
import { calendarView } from "../../app/calendar/calendarView";
import { dayLoads, OPEN_ENDED_DAYS, type RangeRequest } from "../../app/calendar/dayLoads";
import { DAY_PAGE_SIZE } from "../../app/calendar/dayPage";
import { pageWithin } from "../../app/paging";

const entry = (over: Partial<RangeRequest>): RangeRequest => ({
  id: "a",
  reference: "R-1",
  title: "t",
  department: "d",
  status: "approved",
  from: "2026-12-01",
  to: "2026-12-02",
  daily: [],
  carry: null,
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

  it("steps days across months, years and a leap day", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-11-01", 7)).toBe("2026-11-08");
  });

  it("names days and months as people read them", () => {
    expect(formatDate("2026-12-03")).toBe("Thu, Dec 3, 2026");
    expect(formatMonth("2026-12")).toBe("December 2026");
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

  it("reads a day view and its page; a day that is no date falls back to the month (issue 8)", () => {
    expect(calendarView(new URLSearchParams("day=2026-12-03&page=3"), "2026-11-25")).toEqual({
      kind: "day",
      date: "2026-12-03",
      page: 3,
      previous: "2026-12-02",
      next: "2026-12-04",
    });
    for (const day of ["2027-02-29", "2026-12-3", "tomorrow", ""]) {
      expect(calendarView(new URLSearchParams({ day }), "2026-11-25")).toMatchObject({ kind: "month", month: "2026-11" });
    }
    for (const page of ["0", "-1", "2.5", "x", "9999999"]) {
      expect(calendarView(new URLSearchParams({ day: "2026-12-03", page }), "2026-11-25")).toMatchObject({ page: 1 });
    }
  });
});

describe("pages of a list of known length: the calendar's day view, the Finance report's fees (issue 8)", () => {
  it("cuts a list into fixed pages, a page past the end showing the last, a page that is no number the first", () => {
    expect(pageWithin(120, Number("abc"), 50)).toEqual({ page: 1, pages: 3, offset: 0 });
    expect(pageWithin(120, 2.5, 50)).toEqual({ page: 1, pages: 3, offset: 0 });
    expect(pageWithin(120, -4, 50)).toEqual({ page: 1, pages: 3, offset: 0 });
    expect(pageWithin(0, 1, DAY_PAGE_SIZE)).toEqual({ page: 1, pages: 1, offset: 0 });
    expect(pageWithin(DAY_PAGE_SIZE, 2, DAY_PAGE_SIZE)).toEqual({ page: 1, pages: 1, offset: 0 });
    expect(pageWithin(DAY_PAGE_SIZE + 1, 2, DAY_PAGE_SIZE)).toEqual({ page: 2, pages: 2, offset: DAY_PAGE_SIZE });
    expect(pageWithin(120, 7, 50)).toEqual({ page: 3, pages: 3, offset: 100 });
  });
});

describe("per-day loads", () => {
  it("sums projected calls where requests overlap, approved and pending apart (issue 5)", () => {
    const loads = dayLoads(
      [
        entry({ id: "a", reference: "R-1", daily: [{ date: "2026-12-01", calls: 10 }, { date: "2026-12-02", calls: 5 }] }),
        entry({ id: "b", reference: "R-2", daily: [{ date: "2026-12-02", calls: 7 }] }),
        entry({ id: "c", reference: "R-3", status: "pending", from: "2026-12-02", to: "2026-12-02", daily: [{ date: "2026-12-02", calls: 4 }] }),
      ],
      ["2026-12-01", "2026-12-02", "2026-12-03"],
      10,
    );
    expect(loads.map((l) => [l.approvedCalls, l.pendingCalls, l.inEffect, l.entries.map((e) => [e.id, e.calls])])).toEqual([
      [10, 0, 2, [["a", 10], ["b", 0]]],
      [12, 4, 3, [["b", 7], ["a", 5], ["c", 4]]],
      [0, 0, 0, []],
    ]);
  });

  it("lists at most a few requests a day, the busiest, then the most recent, first; and counts them all (issue 8)", () => {
    const requests = Array.from({ length: 10 }, (_, i) =>
      entry({ id: `r${i}`, reference: `R-${i}`, from: addCalendarDays("2026-11-20", i), to: "2026-12-10" }),
    );
    requests[2].daily = [{ date: "2026-12-01", calls: 9 }];
    const [load] = dayLoads(requests, ["2026-12-01"], 3);
    expect(load.inEffect).toBe(10);
    expect(load.entries.map((e) => e.id)).toEqual(["r2", "r9", "r8"]);
  });

  it("counts a mailing's calls after its last distribution day, though it is no longer in effect", () => {
    const [load] = dayLoads([entry({ to: "2026-12-01", daily: [{ date: "2026-12-09", calls: 3 }] })], ["2026-12-09"], 3);
    expect(load.approvedCalls).toBe(3);
    expect(load.inEffect).toBe(0);
    expect(load.entries).toEqual([]);
  });

  it("carries an open-ended request's first-month average on after the analysed days, for its first 90 days", () => {
    const daily = [
      { date: "2026-12-01", calls: 10 },
      { date: "2026-12-02", calls: 20 },
    ];
    const open = entry({ from: "2026-12-01", to: null, daily, carry: { after: "2026-12-02", calls: 15 } });
    const lastDay = addCalendarDays("2026-12-01", OPEN_ENDED_DAYS - 1);
    const loads = dayLoads([open], ["2026-11-30", "2026-12-02", "2026-12-20", lastDay, addCalendarDays(lastDay, 1)], 3);
    expect(loads.map((l) => [l.approvedCalls, l.inEffect])).toEqual([
      [0, 0],
      [20, 1],
      [15, 1],
      [15, 1],
      [0, 0],
    ]);
  });
});
