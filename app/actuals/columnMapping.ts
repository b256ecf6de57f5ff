// Which column of a source's export holds what (issue 19), and reading one row with it. Pure:
// the mapping form checks with the same schema in the browser and the server, and the import
// reads every row through mapRecord.
import * as z from "~/forms/zod";

export interface ColumnMapping {
  /** The day, or the day and the start of the interval ("2026-12-01 09:30"). */
  date: string;
  /** The interval's start when it has a column of its own. */
  interval?: string;
  queue: string;
  offered: string;
  answered?: string;
  abandoned?: string;
  /** Average handle time: seconds, or mm:ss / hh:mm:ss. */
  handleTime?: string;
}

export const MAPPING_FIELDS: Array<{ name: keyof ColumnMapping; label: string; required: boolean }> = [
  { name: "date", label: "Date (or date and time)", required: true },
  { name: "interval", label: "Interval start time, if in a column of its own", required: false },
  { name: "queue", label: "Topic or queue code", required: true },
  { name: "offered", label: "Calls offered", required: true },
  { name: "answered", label: "Calls answered", required: false },
  { name: "abandoned", label: "Calls abandoned", required: false },
  { name: "handleTime", label: "Average handle time", required: false },
];

const column = (label: string) => z.string({ error: `Choose the column for ${label}` }).check(z.trim(), z.minLength(1, `Choose the column for ${label}`));
const optionalColumn = z.optional(z.pipe(z.string().check(z.trim()), z.transform((v) => (v === "" ? undefined : v))));

export const columnMappingSchema = z
  .object({
    date: column("the date"),
    interval: optionalColumn,
    queue: column("the topic or queue code"),
    offered: column("calls offered"),
    answered: optionalColumn,
    abandoned: optionalColumn,
    handleTime: optionalColumn,
  })
  .check(
    z.refine(
      (m) => {
        const used = Object.values(m).filter((v): v is string => v !== undefined);
        return new Set(used).size === used.length;
      },
      { message: "Each column can stand for one thing only", path: ["form"] },
    ),
  );

/** A stored mapping, or null when it no longer reads (the schema changed, or none was saved). */
export function readMapping(json: string | null): ColumnMapping | null {
  if (!json) return null;
  const parsed = columnMappingSchema.safeParse(JSON.parse(json));
  return parsed.success ? (parsed.data as ColumnMapping) : null;
}

/** The mapping's columns that the file's header lacks. */
export function missingColumns(mapping: ColumnMapping, header: readonly string[]): string[] {
  const have = new Set(header);
  return Object.values(mapping).filter((c): c is string => c !== undefined && !have.has(c));
}

/** One row of actual calls, as stored. `interval` is "" for a day's total. */
export interface CallRow {
  date: string;
  interval: string;
  queue: string;
  offered: number;
  answered: number | null;
  abandoned: number | null;
  handleSeconds: number | null;
}

export type RowResult = { ok: true; row: CallRow } | { ok: false; error: string };

const pad = (n: number) => String(n).padStart(2, "0");

function realDate(y: number, m: number, d: number): string | null {
  const at = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2099 || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "09:30", "9:30 AM", "13:00:00" → "09:30"; null when it is not a time of day. */
export function readTime(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?$/.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toUpperCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "PM" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** A clock reading at an instant in the county's time zone. */
function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * A day and, when given, a time: ISO ("2026-12-01", "2026-12-01 09:30", "2026-12-01T14:30:00Z",
 * an instant with an offset read in the county's time zone) or US ("12/1/2026", "12/01/2026 9:30 AM").
 */
export function readDateTime(text: string, timeZone: string): { date: string; time: string | null } | null {
  const value = text.trim();
  const iso = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](.+))?$/.exec(value);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(.+))?$/.exec(value);
  if (iso && iso[4] && /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso[4])) {
    const instant = new Date(`${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}`);
    return Number.isNaN(instant.getTime()) || !realDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? null : localDateTime(instant, timeZone);
  }
  const [date, rest] = iso ? [realDate(Number(iso[1]), Number(iso[2]), Number(iso[3])), iso[4]] : us ? [realDate(Number(us[3]), Number(us[1]), Number(us[2])), us[4]] : [null, undefined];
  if (!date) return null;
  if (rest === undefined) return { date, time: null };
  const time = readTime(rest);
  return time ? { date, time } : null;
}

/** "1,234" or "1234" → 1234; null when it is not a whole number ≥ 0. */
export function readCount(text: string): number | null {
  const value = text.trim().replace(/,(?=\d{3}(?:\D|$))/g, "");
  if (!/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/** Seconds, or "mm:ss" / "hh:mm:ss" → seconds; null when it is neither. */
export function readDuration(text: string): number | null {
  const value = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value);
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(value);
  if (!parts) return null;
  const [hours, minutes, seconds] = [Number(parts[1] ?? 0), Number(parts[2]), Number(parts[3])];
  if (minutes > 59 || seconds >= 60) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** A CSV record (header → text) read with the mapping; the error names the column and what is wrong. */
export function mapRecord(record: Record<string, string>, mapping: ColumnMapping, timeZone: string): RowResult {
  const cell = (name: string | undefined) => (name === undefined ? "" : (record[name] ?? "").trim());
  const when = readDateTime(cell(mapping.date), timeZone);
  if (!when) return { ok: false, error: `“${mapping.date}” is not a date (${JSON.stringify(cell(mapping.date))}); use 2026-12-01 or 12/01/2026` };
  let interval = when.time ?? "";
  if (mapping.interval !== undefined) {
    const time = readTime(cell(mapping.interval).split(/\s*-\s*/)[0] ?? "");
    if (!time) return { ok: false, error: `“${mapping.interval}” is not a time of day (${JSON.stringify(cell(mapping.interval))})` };
    interval = time;
  }
  const queue = cell(mapping.queue);
  if (queue === "") return { ok: false, error: `“${mapping.queue}” is empty: every row needs its topic or queue code` };
  if (queue.length > 100) return { ok: false, error: `“${mapping.queue}” is longer than 100 characters` };
  const counts: Record<"offered" | "answered" | "abandoned", number | null> = { offered: null, answered: null, abandoned: null };
  for (const field of ["offered", "answered", "abandoned"] as const) {
    const name = mapping[field];
    if (name === undefined) continue;
    const count = readCount(cell(name));
    if (count === null) return { ok: false, error: `“${name}” is not a whole number of calls (${JSON.stringify(cell(name))})` };
    counts[field] = count;
  }
  let handleSeconds: number | null = null;
  if (mapping.handleTime !== undefined && cell(mapping.handleTime) !== "") {
    handleSeconds = readDuration(cell(mapping.handleTime));
    if (handleSeconds === null) return { ok: false, error: `“${mapping.handleTime}” is not a handle time (${JSON.stringify(cell(mapping.handleTime))}); use seconds or mm:ss` };
  }
  return { ok: true, row: { date: when.date, interval, queue, offered: counts.offered ?? 0, answered: counts.answered, abandoned: counts.abandoned, handleSeconds } };
}
