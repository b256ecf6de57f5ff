// How numbers and instants read on the portal's pages and in its e-mails and feeds.
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 12,345 */
export const formatCount = (n: number): string => whole.format(n);
/** 12,345.6 */
export const formatDecimal = (n: number): string => oneDecimal.format(n);

// Building a formatter is far dearer than using one: keep one per time zone.
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov 25, 2026, 10:30 AM" in the county's time zone. */
export function formatInstant(iso: string | Date, timeZone: string): string {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone });
    instantFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}
