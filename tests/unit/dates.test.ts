// One date format wherever people read a date (issue 13): "Thu, Dec 10, 2026" on pages, in
// e-mails and in the machine's messages; ISO stays for machines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant } from "../../app/format";
import { formatDate } from "workflows";

describe("formatDate", () => {
  it("writes a county date the US way, with the weekday and short names", () => {
    expect(formatDate("2026-12-10")).toBe("Thu, Dec 10, 2026");
    expect(formatDate("2026-03-08")).toBe("Sun, Mar 8, 2026");
    expect(formatDate("2028-02-29")).toBe("Tue, Feb 29, 2028");
    expect(formatDate("2027-01-01")).toBe("Fri, Jan 1, 2027");
  });

  it("leaves what is not a real date as it was", () => {
    for (const text of ["", "2027-02-29", "2026-13-01", "2026-12-1", "not a date", "2026-12-10T10:00:00Z"]) {
      expect(formatDate(text)).toBe(text);
    }
  });

  it("agrees with Intl's en-US calendar for every day of four centuries' sample", () => {
    const intl = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2299-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(formatDate(iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
      }),
    );
  });
});

describe("formatInstant", () => {
  it("is the county's day in the same format, then the time", () => {
    expect(formatInstant("2026-12-10T15:30:00Z", "America/New_York")).toBe("Thu, Dec 10, 2026, 10:30 AM");
    // 04:05 UTC is still the evening before in New York.
    expect(formatInstant("2026-12-10T04:05:00Z", "America/New_York")).toBe("Wed, Dec 9, 2026, 11:05 PM");
  });
});
