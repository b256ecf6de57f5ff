// SPEC §6: Finance reports by fiscal year, July–June unless set.
import { describe, expect, it } from "vitest";
import { fiscalYearOf, fiscalYearRange } from "~/fees/fiscalYear";

describe("fiscalYearOf: July start (the default)", () => {
  it("June 30 closes the fiscal year and July 1 opens the next", () => {
    expect(fiscalYearOf("2026-06-30")).toEqual({ label: "FY2026", start: "2025-07-01", end: "2026-06-30" });
    expect(fiscalYearOf("2026-07-01")).toEqual({ label: "FY2027", start: "2026-07-01", end: "2027-06-30" });
  });

  it("Dec 31 and Jan 1 are in the same fiscal year", () => {
    expect(fiscalYearOf("2026-12-31").label).toBe("FY2027");
    expect(fiscalYearOf("2027-01-01").label).toBe("FY2027");
  });

  it("covers a leap day", () => {
    expect(fiscalYearOf("2028-02-29")).toEqual({ label: "FY2028", start: "2027-07-01", end: "2028-06-30" });
  });
});

describe("fiscalYearOf: January start is the calendar year", () => {
  it("Dec 31 and Jan 1 fall in different years", () => {
    expect(fiscalYearOf("2026-12-31", 1)).toEqual({ label: "FY2026", start: "2026-01-01", end: "2026-12-31" });
    expect(fiscalYearOf("2027-01-01", 1)).toEqual({ label: "FY2027", start: "2027-01-01", end: "2027-12-31" });
  });
});

describe("fiscalYearOf: October start (US federal)", () => {
  it("Sept 30 closes FY2026, Oct 1 opens FY2027", () => {
    expect(fiscalYearOf("2026-09-30", 10)).toEqual({ label: "FY2026", start: "2025-10-01", end: "2026-09-30" });
    expect(fiscalYearOf("2026-10-01", 10)).toEqual({ label: "FY2027", start: "2026-10-01", end: "2027-09-30" });
    expect(fiscalYearOf("2027-01-01", 10).label).toBe("FY2027");
  });

  it("a March start ends on the last day of February, leap years included", () => {
    expect(fiscalYearOf("2027-03-01", 3)).toEqual({ label: "FY2028", start: "2027-03-01", end: "2028-02-29" });
  });
});

describe("fiscalYearRange", () => {
  it("gives the dates of a named fiscal year", () => {
    expect(fiscalYearRange("FY2027")).toEqual({ label: "FY2027", start: "2026-07-01", end: "2027-06-30" });
    expect(fiscalYearRange("FY2027", 1)).toEqual({ label: "FY2027", start: "2027-01-01", end: "2027-12-31" });
    expect(fiscalYearRange("FY2027", 10)).toEqual({ label: "FY2027", start: "2026-10-01", end: "2027-09-30" });
  });

  it("round-trips with fiscalYearOf for every start month", () => {
    for (let startMonth = 1; startMonth <= 12; startMonth++) {
      const fy = fiscalYearRange("FY2030", startMonth);
      expect(fiscalYearOf(fy.start, startMonth)).toEqual(fy);
      expect(fiscalYearOf(fy.end, startMonth)).toEqual(fy);
    }
  });
});

describe("refusals", () => {
  it("refuses bad dates, labels and start months", () => {
    expect(() => fiscalYearOf("2026-02-30")).toThrow(RangeError);
    expect(() => fiscalYearOf("2026-7-1")).toThrow(RangeError);
    expect(() => fiscalYearOf("2026-07-01", 13)).toThrow(RangeError);
    expect(() => fiscalYearOf("2026-07-01", 0)).toThrow(RangeError);
    expect(() => fiscalYearRange("2027")).toThrow(RangeError);
    expect(() => fiscalYearRange("FY27")).toThrow(RangeError);
    expect(() => fiscalYearRange("FY2027", 6.5)).toThrow(RangeError);
  });
});
