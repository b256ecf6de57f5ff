// Turns a template's text into a clone's: the template's ids, names and title become the
// clone's, and every calendar date in it (instants included) moves by the same number of days.
// Each text is split once into parts; a clone is then a join, fast enough for 100 000 requests.
import { shiftDate } from "./util";

export type Marks = Record<string, string>;
type Part = string | { mark: string } | { date: string };

const DATE = /\d{4}-\d{2}-\d{2}/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface Compiled {
  parts: Part[];
}

/** Splits `text` at every occurrence of a mark's value (named by its key) and at every date. */
export function compile(text: string, marks: Marks): Compiled {
  const keys = Object.keys(marks).filter((k) => marks[k] !== "");
  // Longest values first, so one value that contains another wins.
  keys.sort((a, b) => marks[b].length - marks[a].length);
  const pattern = new RegExp([...keys.map((k) => `(${escape(marks[k])})`), `(${DATE.source})`].join("|"), "g");
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const group = match.slice(1).findIndex((g) => g !== undefined);
    parts.push(group < keys.length ? { mark: keys[group] } : { date: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { parts };
}

/** The clone's text: marks replaced by `values` (JSON-escaped when `json`), dates moved by `days`. */
export function render(compiled: Compiled, values: Marks, days: number, json = false): string {
  let out = "";
  for (const part of compiled.parts) {
    if (typeof part === "string") out += part;
    else if ("mark" in part) out += json ? JSON.stringify(values[part.mark]).slice(1, -1) : values[part.mark];
    else out += shiftDate(part.date, days);
  }
  return out;
}

export type CompiledRow = Record<string, Compiled | number | null | bigint | Buffer>;

/** Compiles every text column of a database row. */
export function compileRow(row: Record<string, unknown>, marks: Marks): CompiledRow {
  const out: CompiledRow = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === "string" ? compile(value, marks) : (value as number | null);
  }
  return out;
}

/** JSON columns get JSON-escaped values; the others plain text. */
export function renderRow(row: CompiledRow, values: Marks, days: number, jsonColumns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      value !== null && typeof value === "object" && "parts" in value ? render(value, values, days, jsonColumns.includes(key)) : value;
  }
  return out;
}
