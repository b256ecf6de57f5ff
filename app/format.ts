// How numbers, dates and instants read on the portal's pages and in its e-mails and feeds.
import { formatDate, wallClock } from "workflows/view";

// Numbers are written out by hand rather than with Intl.NumberFormat: the first Intl object a
// page makes starts the browser's ICU, about 35 ms of its main thread on this machine (140 ms
// at Lighthouse's 4× phone slowdown), on every page that shows a count. Decision 0013.

/** The digits of a number's shortest decimal form (what String() gives), and where its point goes. */
function decimalDigits(n: number): { digits: number[]; point: number } {
  const [mantissa, exponent = "0"] = String(n).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  const digits = [...(whole + fraction)].map(Number);
  return { digits, point: whole.length + Number(exponent) };
}

/**
 * `n` rounded to at most `places` decimals, half away from zero, grouped in threes with commas:
 * what Intl's en-US format gives with `maximumFractionDigits: places`, except that nothing
 * rounded to zero is written "-0".
 */
function formatNumber(n: number, places: number): string {
  if (!Number.isFinite(n)) return String(n);
  // A whole number (most counts) has nothing to round: its digits, grouped.
  if (Number.isSafeInteger(n)) return `${n < 0 ? "-" : ""}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",")}`;
  const { digits, point } = decimalDigits(Math.abs(n));
  const keep = point + places;
  const kept = digits.slice(0, Math.max(keep, 0));
  while (kept.length < keep) kept.push(0);
  let intDigits = point;
  if (keep >= 0 && digits[keep] >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i] += 1;
    else {
      kept.unshift(1);
      intDigits += 1;
    }
  }
  const padded = intDigits > 0 ? kept : [...Array<number>(-intDigits).fill(0), ...kept];
  const split = Math.max(intDigits, 0);
  const integer = (padded.slice(0, split).join("").replace(/^0+/, "") || "0").replace(/\B(?=(\d{3})+$)/g, ",");
  const fraction = padded.slice(split).join("").replace(/0+$/, "");
  const text = fraction ? `${integer}.${fraction}` : integer;
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** 12,345 */
export const formatCount = (n: number): string => formatNumber(n, 0);

/** A difference in calls, with its sign: "+12", "-3", "0". */
export const formatSignedCount = (n: number): string => (n > 0 ? `+${formatCount(n)}` : formatCount(n));
/** 12,345.6 */
export const formatDecimal = (n: number): string => formatNumber(n, 1);

export { formatDate };

/**
 * "10:30 AM" from the county's wall clock (`wallClock`), as en-US writes it, with a plain space: ICU versions
 * differ on the space before AM (U+202F or not), and the page must read the same from the
 * server and after hydration in the browser.
 */
function formatTime(wall: Date): string {
  const hour = wall.getUTCHours();
  return `${hour % 12 || 12}:${String(wall.getUTCMinutes()).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}

/**
 * An instant as a page shows it: ISO for machines (`<time datetime>`), and the county's reading of
 * it, written by the loader. The browser then needs no time-zone data: its first Intl date
 * format costs about 55 ms of the main thread here, on every page that shows a time.
 */
export interface ShownInstant {
  iso: string;
  text: string;
}

export function shownInstant(at: Date | string, timeZone: string): ShownInstant {
  const instant = new Date(at);
  return { iso: instant.toISOString(), text: formatInstant(instant, timeZone) };
}

/** "Thu, Dec 10, 2026, 10:30 AM" in the county's time zone: the day as `formatDate` writes it, then the time. */
export function formatInstant(iso: string | Date, timeZone: string): string {
  const wall = wallClock(iso, timeZone);
  return `${formatDate(wall.toISOString().slice(0, 10))}, ${formatTime(wall)}`;
}
