// The phone systems whose exports the analyst imports (issue 19), and the column names each
// usually gives, so that the first mapping of a source starts from a good guess. The analyst
// checks the guess against the file's own header and saves the mapping once per source.
import type { ColumnMapping } from "./columnMapping";

export const CALL_SYSTEMS = ["cisco", "genesys", "five9", "amazon_connect", "other"] as const;
export type CallSystem = (typeof CALL_SYSTEMS)[number];

export const CALL_SYSTEM_LABELS: Record<CallSystem, string> = {
  cisco: "Cisco",
  genesys: "Genesys",
  five9: "Five9",
  amazon_connect: "Amazon Connect",
  other: "Other",
};

/** Header names seen in each system's interval or daily queue reports, most likely first. */
const USUAL_NAMES: Record<keyof ColumnMapping, string[]> = {
  date: ["Interval Start Time", "Interval Start", "StartInterval", "Date", "Day", "Start Time"],
  interval: ["Interval", "Half Hour", "Time", "Hour"],
  queue: ["CSQ Name", "Queue Name", "Queue", "Skill", "Topic", "Queue Code"],
  offered: ["Calls Presented", "Offered", "Offer", "Calls Offered", "Contacts queued", "Calls"],
  answered: ["Calls Handled", "Answered", "Answer", "Contacts handled", "Handled"],
  abandoned: ["Calls Abandoned", "Abandoned", "Abandon", "Contacts abandoned"],
  handleTime: ["Avg Handle Time", "Average Handle Time", "Avg Handle", "Average handle time", "AHT"],
};

const normal = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** A first mapping for a file's header: each field to the first usual name the header has. */
export function guessMapping(header: readonly string[]): Partial<ColumnMapping> {
  const byNormal = new Map(header.map((h) => [normal(h), h]));
  const guess: Partial<ColumnMapping> = {};
  for (const [field, names] of Object.entries(USUAL_NAMES) as Array<[keyof ColumnMapping, string[]]>) {
    const taken = new Set(Object.values(guess));
    const found = names.map((n) => byNormal.get(normal(n))).find((h) => h !== undefined && !taken.has(h));
    if (found) guess[field] = found;
  }
  return guess;
}
