// R4, R5, R6, R7: notice periods counted in local calendar days.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { addCalendarDays, allowedTypes, daysBetween, earliestEffectiveDate, isCalendarDate, localDate } from "workflows";

const TZ = "America/New_York";

describe("earliestEffectiveDate (R7)", () => {
  it("R4: partner first submitted 2026-11-22 → 2026-11-29 (SPEC §3 example)", () => {
    expect(earliestEffectiveDate({ partner: true, submittedAt: "2026-11-22T15:00:00Z", timeZone: TZ })).toBe(
      "2026-11-29",
    );
  });

  it("R5: non-partner first submitted 2026-11-22 → 2026-12-06 (SPEC §3 example)", () => {
    expect(earliestEffectiveDate({ partner: false, submittedAt: "2026-11-22T15:00:00Z", timeZone: TZ })).toBe(
      "2026-12-06",
    );
  });

  it("R7: 23:30 New York time on 11-22 (already 11-23 in UTC) still counts from 11-22", () => {
    const at = "2026-11-23T04:30:00Z"; // 2026-11-22 23:30 EST
    expect(localDate(at, TZ)).toBe("2026-11-22");
    expect(earliestEffectiveDate({ partner: true, submittedAt: at, timeZone: TZ })).toBe("2026-11-29");
  });

  it("R7: one minute after local midnight counts from the new day", () => {
    const at = "2026-11-23T05:01:00Z"; // 2026-11-23 00:01 EST
    expect(earliestEffectiveDate({ partner: true, submittedAt: at, timeZone: TZ })).toBe("2026-11-30");
  });

  it("R7: the day daylight saving starts (23 hours long) counts as a whole day", () => {
    expect(earliestEffectiveDate({ partner: true, submittedAt: "2026-03-01T17:00:00Z", timeZone: TZ })).toBe(
      "2026-03-08",
    );
    // Submitted late on the eve of the change: 2026-03-07 23:59 EST.
    expect(earliestEffectiveDate({ partner: true, submittedAt: "2026-03-08T04:59:00Z", timeZone: TZ })).toBe(
      "2026-03-14",
    );
  });

  it("R7: the day daylight saving ends (25 hours long) counts as one day", () => {
    expect(earliestEffectiveDate({ partner: true, submittedAt: "2026-10-31T16:00:00Z", timeZone: TZ })).toBe(
      "2026-11-07",
    );
    // 2026-11-01 23:30 EST, after the 25-hour day.
    expect(earliestEffectiveDate({ partner: false, submittedAt: "2026-11-02T04:30:00Z", timeZone: TZ })).toBe(
      "2026-11-15",
    );
  });

  it("R7: leap day and the end of February", () => {
    expect(earliestEffectiveDate({ partner: true, submittedAt: "2028-02-22T15:00:00Z", timeZone: TZ })).toBe(
      "2028-02-29",
    );
    expect(earliestEffectiveDate({ partner: true, submittedAt: "2028-02-29T15:00:00Z", timeZone: TZ })).toBe(
      "2028-03-07",
    );
    expect(earliestEffectiveDate({ partner: false, submittedAt: "2027-02-20T15:00:00Z", timeZone: TZ })).toBe(
      "2027-03-06",
    );
  });

  it("R7: the county's time zone decides the date, not the server's", () => {
    const at = "2026-11-23T02:00:00Z";
    expect(earliestEffectiveDate({ partner: true, submittedAt: at, timeZone: "America/Los_Angeles" })).toBe(
      "2026-11-29",
    );
    expect(earliestEffectiveDate({ partner: true, submittedAt: at, timeZone: "Europe/Berlin" })).toBe("2026-11-30");
  });

  it("across the turn of the year", () => {
    expect(earliestEffectiveDate({ partner: false, submittedAt: "2026-12-25T15:00:00Z", timeZone: TZ })).toBe(
      "2027-01-08",
    );
  });
});

describe("calendar dates", () => {
  it("accepts real dates and refuses impossible ones", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
  });

  it("adds whole days whatever the machine's time zone", () => {
    expect(addCalendarDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addCalendarDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("allowedTypes (R4, R5, R6)", () => {
  it("R6: automated response is for partners only", () => {
    expect(allowedTypes(true)).toEqual(["materials", "call_routing", "automated_response"]);
    expect(allowedTypes(false)).toEqual(["materials", "call_routing"]);
  });
});

describe("daysBetween", () => {
  it("counts calendar days across daylight-saving changes and years", () => {
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-10-31", "2026-11-02")).toBe(2);
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2026-11-25", "2026-11-22")).toBe(-3);
  });
});

describe("localDate (R7)", () => {
  it("agrees with date-fns' time-zone calendar at every 37th minute of two years, across DST and in odd offsets", () => {
    const zones = ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe"];
    const start = Date.parse("2026-01-01T00:00:00Z");
    const end = Date.parse("2028-01-01T00:00:00Z");
    let compared = 0;
    for (const zone of zones) {
      for (let t = start; t < end; t += 37 * 60_000) {
        const expected = format(new TZDate(t, zone), "yyyy-MM-dd");
        if (localDate(new Date(t), zone) !== expected) expect(`${new Date(t).toISOString()} in ${zone}: ${localDate(new Date(t), zone)}`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  });

  it("takes an ISO string as well as a Date", () => {
    expect(localDate("2026-11-23T04:59:59Z", TZ)).toBe("2026-11-22");
    expect(localDate(new Date("2026-11-23T05:00:00Z"), TZ)).toBe("2026-11-23");
  });
});
