// Counts, decimals and month headings are written by hand, not with Intl, so that a page that
// shows one does not start the browser's ICU (decision 0013). They must read exactly as Intl's
// en-US formats would, on the server and in the browser alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatDecimal, formatSignedCount } from "../../app/format";
import { formatUsd } from "../../app/fees/money";
import { formatMonth } from "workflows";

const intlWhole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const intlOneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
/** Intl's text, except that we never write "-0" for a negative number that rounds to zero. */
const asIntl = (format: Intl.NumberFormat, n: number) => format.format(n).replace(/^-(?=0(\.0*)?$)/, "");

describe("formatCount and formatDecimal", () => {
  it("group thousands and round half away from zero", () => {
    expect(formatCount(1234567.5)).toBe("1,234,568");
    expect(formatCount(-2.5)).toBe("-3");
    expect(formatCount(999.5)).toBe("1,000");
    expect(formatDecimal(1234.56)).toBe("1,234.6");
    expect(formatDecimal(99.95)).toBe("100");
    expect(formatDecimal(0.05)).toBe("0.1");
    expect(formatDecimal(4.35)).toBe("4.4");
    expect(formatSignedCount(12)).toBe("+12");
    expect(formatSignedCount(-3)).toBe("-3");
  });

  it("never write minus zero", () => {
    expect(formatCount(-0)).toBe("0");
    expect(formatCount(-0.4)).toBe("0");
    expect(formatDecimal(-0.04)).toBe("0");
    expect(formatSignedCount(-0.2)).toBe("0");
  });

  it("write very large and very small numbers in full, as Intl does", () => {
    for (const n of [1e21, 1.2345678901234566e25, 1e-7, 5e-7, 2 ** 60 + 2 ** 8]) {
      expect(formatCount(n)).toBe(asIntl(intlWhole, n));
      expect(formatDecimal(n)).toBe(asIntl(intlOneDecimal, n));
    }
  });

  it("agree with Intl's en-US format on any number, and on numbers with a half to round", () => {
    const halves = fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 20);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), halves), (n) => {
        expect(formatCount(n)).toBe(asIntl(intlWhole, n));
        expect(formatDecimal(n)).toBe(asIntl(intlOneDecimal, n));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("formatUsd", () => {
  it("groups the dollars of any amount as Intl would", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (cents) => {
        const dollars = intlWhole.format(Math.trunc(Math.abs(cents) / 100));
        expect(formatUsd(cents)).toBe(`${cents < 0 ? "-" : ""}$${dollars}.${String(Math.abs(cents) % 100).padStart(2, "0")}`);
      }),
    );
  });
});

describe("formatMonth", () => {
  it("names every month of four centuries as Intl's en-US calendar does", () => {
    const intl = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
    for (let year = 1900; year <= 2299; year += 7) {
      for (let month = 1; month <= 12; month++) {
        const text = `${year}-${String(month).padStart(2, "0")}`;
        expect(formatMonth(text)).toBe(intl.format(Date.UTC(year, month - 1, 1)));
      }
    }
  });

  it("leaves what is not a month as it was", () => {
    for (const text of ["", "2026-13", "2026-00", "2026-1", "December"]) expect(formatMonth(text)).toBe(text);
  });
});
