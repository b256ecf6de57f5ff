// How numbers, dates and instants read on the portal's pages and in its e-mails and feeds.
import { formatDate, localDate } from "workflows/view";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 12,345 */
export const formatCount = (n: number): string => whole.format(n);

/** A difference in calls, with its sign: "+12", "-3", "0". */
export const formatSignedCount = (n: number): string => (n > 0 ? `+${formatCount(n)}` : formatCount(n));
/** 12,345.6 */
export const formatDecimal = (n: number): string => oneDecimal.format(n);

export { formatDate };

// Building a formatter is far dearer than using one: keep one per time zone.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "10:30 AM" in the county's time zone. Put together from the parts, with a plain space: ICU
 * versions differ on the space before AM (U+202F or not), and the page must read the same
 * from the server and after hydration in the browser.
 */
function formatTime(at: Date, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", hour12: true, timeZone });
    timeFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("hour")}:${part("minute")} ${part("dayPeriod").toUpperCase()}`;
}

/** "Thu, Dec 10, 2026, 10:30 AM" in the county's time zone: the day as `formatDate` writes it, then the time. */
export function formatInstant(iso: string | Date, timeZone: string): string {
  const at = new Date(iso);
  return `${formatDate(localDate(at, timeZone))}, ${formatTime(at, timeZone)}`;
}
