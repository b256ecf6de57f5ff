// The staffing baseline from a CSV file (issue 19): a header, then one row per weekday and hour
// with its calls and planned agents. Read as it streams (csv-parse), each bad row reported with
// its line; stored in one transaction only when every row is good, replacing the whole week
// (an hour the file does not list is closed). The same file twice changes nothing.
import { HeaderProblem, readCsvRecords, STOP, type CsvProblem, type CsvSource } from "~/csv/readCsvRecords.server";
import { BASELINE_COLUMNS, WEEKDAY_NAMES, hourLabel, type BaselineHour } from "./baseline";
import { replaceBaselineHours, type BaselineChange } from "./baseline.server";
import { agentsField, callsField } from "./baselineForm";
import type { PrismaClient } from "~/generated/prisma/client";

/** A week has 168 hours; a file past this many problems is the wrong file, and listing more helps nobody. */
const MAX_PROBLEMS = 20;
/** A week listed twice over is still a few hundred rows: more is not a baseline. */
const MAX_ROWS = 1000;

export type { CsvProblem };

export type BaselineCsv = { ok: true; hours: BaselineHour[] } | { ok: false; problems: CsvProblem[] };

/** Monday, Mon, monday, or ISO 8601's 1 (Monday) … 7 (Sunday). */
export function readWeekday(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[1-7]$/.test(t)) return Number(t) % 7;
  const found = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase() === t || name.slice(0, 3).toLowerCase() === t);
  return found === -1 ? null : found;
}

/** 8, 08 or 08:00: the hour that starts then. */
export function readHour(text: string): number | null {
  const match = /^(\d{1,2})(:00)?$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  return hour <= 23 ? hour : null;
}

const calls = callsField("calls");
const agents = agentsField("agents");

/** The number, or the schema's first message for the text. */
function readNumber(schema: typeof calls, text: string | undefined): { value: number } | { message: string } {
  const result = schema.safeParse(text ?? "");
  return result.success ? { value: result.data } : { message: result.error.issues[0]?.message ?? "Invalid value" };
}

function readRow(record: Record<string, string>): { hour: BaselineHour } | { message: string } {
  const weekday = readWeekday(record.weekday ?? "");
  if (weekday === null) return { message: `The weekday "${record.weekday}" is not a day of the week (Monday … Sunday, or 1 … 7)` };
  const hour = readHour(record.hour ?? "");
  if (hour === null) return { message: `The hour "${record.hour}" is not an hour from 0 to 23` };
  const callsRead = readNumber(calls, record.calls);
  if ("message" in callsRead) return callsRead;
  const agentsRead = readNumber(agents, record.agents);
  if ("message" in agentsRead) return agentsRead;
  return { hour: { weekday, hour, calls: callsRead.value, agents: agentsRead.value } };
}

function headerProblem(columns: string[]): string | null {
  const missing = BASELINE_COLUMNS.filter((c) => !columns.includes(c));
  return missing.length > 0 ? `The header must name the columns ${BASELINE_COLUMNS.join(", ")}; missing: ${missing.join(", ")}` : null;
}

/** Reads a baseline file as it streams in; nothing is stored. */
export async function readBaselineCsv(source: CsvSource): Promise<BaselineCsv> {
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  const hours: BaselineHour[] = [];
  await readCsvRecords<Record<string, string>>(source, {
    options: {
      trim: true,
      columns: (header: string[]) => {
        const columns = header.map((c) => c.trim().toLowerCase());
        const problem = headerProblem(columns);
        if (problem) throw new HeaderProblem(problem);
        return columns;
      },
    },
    onRecord: (record, { line }) => {
      if (hours.length + problems.length >= MAX_ROWS) {
        problems.push({ line, message: `A baseline has at most ${MAX_ROWS} rows (a week is 168 hours)` });
        return STOP;
      }
      const read = readRow(record);
      if ("message" in read) {
        problems.push({ line, message: read.message });
      } else {
        const at = `${read.hour.weekday}|${read.hour.hour}`;
        const earlier = seen.get(at);
        if (earlier !== undefined) {
          problems.push({ line, message: `${WEEKDAY_NAMES[read.hour.weekday]} ${hourLabel(read.hour.hour)} is already on line ${earlier}` });
        } else {
          seen.set(at, line);
          hours.push(read.hour);
        }
      }
      return problems.length >= MAX_PROBLEMS ? STOP : undefined;
    },
    // A broken row (an unclosed quote, more fields than the header) or a header without the columns.
    onError: (problem) => problems.push(problem),
  });
  if (problems.length > 0) return { ok: false, problems };
  if (hours.length === 0) return { ok: false, problems: [{ line: 1, message: "The file has no rows after its header" }] };
  return { ok: true, hours };
}

export type BaselineImport = { ok: true; rows: number; changed: boolean } | { ok: false; problems: CsvProblem[] };

/** Reads the file and, when every row is good, makes it the whole baseline (audited). */
export async function importBaselineCsv(
  db: PrismaClient,
  source: CsvSource,
  change: BaselineChange & { fileName: string },
): Promise<BaselineImport> {
  const read = await readBaselineCsv(source);
  if (!read.ok) return read;
  const changed = await replaceBaselineHours(db, {
    ...change,
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    hours: read.hours,
    event: "STAFFING_BASELINE_IMPORTED",
    comment: `${change.fileName}: ${read.hours.length} hours`,
  });
  return { ok: true, rows: read.hours.length, changed };
}
