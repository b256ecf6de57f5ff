// The county's wall clock (workflows/wallClock.ts) reads every instant as Intl does, though it
// asks Intl only once per quarter hour: across daylight saving time, in half- and
// three-quarter-hour zones, and at the old local mean times' changes, which fall between
// quarter hours (R7: dates are the county's).
import { describe, expect, it } from "vitest";
import { wallClock } from "workflows";
import { formatInstant } from "../../app/format";

const ZONES = [
  "America/New_York",
  "America/St_Johns",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Europe/Amsterdam",
  "Africa/Monrovia",
  "Europe/Dublin",
];

const readers = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-08 03:00:00" as Intl reads the instant in the zone. */
function intlReading(ms: number, zone: string): string {
  let reader = readers.get(zone);
  if (!reader) {
    reader = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    readers.set(zone, reader);
  }
  const parts = reader.formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

const reading = (ms: number, zone: string) => wallClock(ms, zone).toISOString().slice(0, 19).replace("T", " ");

/** The zone's offset in seconds as Intl reads it. */
const offsetOf = (ms: number, zone: string) => (Date.parse(`${intlReading(ms, zone).replace(" ", "T")}Z`) - Math.floor(ms / 1000) * 1000) / 1000;

/** The instants, to the second, at which the zone changed its offset between 1900 and 2099, found by bisection. */
function changes(zone: string): number[] {
  const found: number[] = [];
  const step = 3 * 86_400_000;
  let before = Date.parse("1900-01-01T00:00:00Z");
  for (let after = before + step; after < Date.parse("2100-01-01T00:00:00Z"); before = after, after += step) {
    if (offsetOf(before, zone) === offsetOf(after, zone)) continue;
    let [low, high] = [before / 1000, after / 1000];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetOf(middle * 1000, zone) === offsetOf(before, zone)) low = middle;
      else high = middle;
    }
    found.push(high * 1000);
  }
  return found;
}

describe("the county's wall clock (R7)", () => {
  it("reads each change of offset from 1900 to 2099 as Intl does, on both sides of it, also off the quarter hours", () => {
    let offQuarterHour = 0;
    for (const zone of ZONES) {
      const moments = changes(zone);
      expect(moments.length).toBeGreaterThan(0);
      for (const at of moments) {
        if (at % (15 * 60_000) !== 0) offQuarterHour++;
        const quarter = Math.floor(at / (15 * 60_000)) * 15 * 60_000;
        for (const ms of [at - 1000, at, at + 1000, at + 499, quarter, quarter + 15 * 60_000 - 1, at - 3_600_000, at + 3_600_000]) {
          if (reading(ms, zone) !== intlReading(ms, zone)) expect(`${new Date(ms).toISOString()} in ${zone}: ${reading(ms, zone)}`).toBe(intlReading(ms, zone));
        }
      }
    }
    // Amsterdam, Monrovia and Dublin changed between quarter hours: the case that must not be kept.
    expect(offQuarterHour).toBeGreaterThan(3);
  });

  it("reads every 47th minute and 7th second of three years as Intl does", () => {
    let compared = 0;
    for (const zone of ZONES.slice(0, 6)) {
      for (let ms = Date.parse("2025-01-01T00:00:00Z"); ms < Date.parse("2028-01-01T00:00:00Z"); ms += 47 * 60_000 + 7_000) {
        if (reading(ms, zone) !== intlReading(ms, zone)) expect(`${new Date(ms).toISOString()} in ${zone}: ${reading(ms, zone)}`).toBe(intlReading(ms, zone));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150_000);
  });

  it("gives the times a page shows: midnight and noon as 12, minutes with two digits", () => {
    expect(formatInstant("2026-12-10T05:00:00Z", "America/New_York")).toBe("Thu, Dec 10, 2026, 12:00 AM");
    expect(formatInstant("2026-12-10T17:09:00Z", "America/New_York")).toBe("Thu, Dec 10, 2026, 12:09 PM");
    expect(formatInstant("2026-03-08T07:00:00Z", "America/New_York")).toBe("Sun, Mar 8, 2026, 3:00 AM");
    expect(formatInstant("2026-12-10T04:05:00Z", "Asia/Kathmandu")).toBe("Thu, Dec 10, 2026, 9:50 AM");
  });
});
