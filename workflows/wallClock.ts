// The county's wall clock at an instant: the instant moved by the time zone's offset, read with
// the UTC getters. Pages show dates and times by the hundred (a request's history, a list's
// rows), and each Intl reading of a time zone cost about 5 µs; the offset is read from Intl once
// per quarter hour of UTC and kept. Every time zone's changes of offset fall on quarter hours,
// the old local mean times aside: a quarter hour with a change in it is never kept, and each
// of its instants is read from Intl.

const QUARTER_HOUR = 15 * 60_000;
/** Quarter hours kept per time zone: a year's worth of a busy history's days, then started afresh. */
const KEPT = 20_000;

const clockFormats = new Map<string, Intl.DateTimeFormat>();
/** Per time zone, each quarter hour's offset in ms, or null when the offset changes within it. */
const offsets = new Map<string, Map<number, number | null>>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let found = clockFormats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormats.set(timeZone, found);
  }
  return found;
}

/** The zone's offset from UTC at a whole second, in ms, as Intl reads it. */
function offsetAt(second: number, timeZone: string): number {
  const parts = clockFormat(timeZone).formatToParts(new Date(second));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = new Date(0);
  wall.setUTCFullYear(value("year"), value("month") - 1, value("day"));
  wall.setUTCHours(value("hour"), value("minute"), value("second"));
  return wall.getTime() - second;
}

function offset(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let kept = zone.get(quarter);
  if (kept === undefined) {
    const first = offsetAt(quarter * QUARTER_HOUR, timeZone);
    kept = first === offsetAt((quarter + 1) * QUARTER_HOUR - 1000, timeZone) ? first : null;
    if (zone.size >= KEPT) zone.clear();
    zone.set(quarter, kept);
  }
  return kept ?? offsetAt(Math.floor(ms / 1000) * 1000, timeZone);
}

/** The local date and time at `at` in `timeZone`, as a Date whose UTC fields read it (getUTCHours() is the local hour). */
export function wallClock(at: Date | string | number, timeZone: string): Date {
  const ms = new Date(at).getTime();
  return new Date(ms + offset(ms, timeZone));
}
