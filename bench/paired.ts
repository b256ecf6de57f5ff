// Growth and compression measured in pairs (decision 0037). The sizes' own runs are minutes
// apart, and this host's speed moves by ±15–40 % within minutes: a page's p50 at 1 000 and at
// 100 000 requests, or its CPU plain and with brotli, measured in different minutes, differ by
// what the host did between them. Here the smallest and the largest size are served at once
// (one loaded at a time), and each page is loaded under all four conditions in three cycles,
// each the previous one backwards, so a steady drift weighs on each condition alike and a burst in
// one cycle is outvoted by the other two.
import { BROWSER_ENCODINGS, load, type LoadOptions, type LoadResult } from "./load";
import type { Page } from "./pages";
import type { Running } from "./server";
import type { Persona } from "./sessions";
import type { Engine } from "../app/db/engine";

export type Condition = "smallPlain" | "largePlain" | "largeBrotli" | "smallBrotli";

const CYCLE: readonly Condition[] = ["smallPlain", "largePlain", "largeBrotli", "smallBrotli"];

/** The cycles, each the previous one backwards: each condition once per cycle. */
export const SEQUENCE: readonly Condition[] = [...CYCLE, ...[...CYCLE].reverse(), ...CYCLE];

export interface PairedRow {
  key: string;
  label: string;
  /** The document floor, measured as a control: it reads nothing, so its growth is the method's noise. */
  floor?: boolean;
  runs: Record<Condition, LoadResult[]>;
}

export interface PairedResult {
  engine: Engine;
  small: number;
  large: number;
  rows: PairedRow[];
}

/** One size as served for the pass: its server, its pages and fresh sessions. */
export interface Served {
  server: Running;
  pages: Page[];
  cookies: Record<Persona, string>;
}

const meanOf = (runs: LoadResult[], pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0) / runs.length;

/** A figure of a page's loads under one condition, the mean over the cycles. */
export function conditionMean(row: PairedRow, condition: Condition, pick: (r: LoadResult) => number): number {
  return meanOf(row.runs[condition], pick);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The page's p50 at the largest size over its p50 at the smallest, cycle by cycle; the median of those. */
export function pairedGrowth(row: PairedRow): number {
  return median(row.runs.largePlain.map((large, cycle) => large.p50 / row.runs.smallPlain[cycle].p50));
}

/** Failed answers over all of a page's loads in the pass. */
export function pairedFailures(row: PairedRow): number {
  return Object.values(row.runs).flat().reduce((n, r) => n + r.failures, 0);
}

/** Server CPU per answer with brotli over without, over every row and both sizes. */
export function pairedCompression(rows: PairedRow[]): { plainMs: number; brotliMs: number; ratio: number } {
  const mean = (conditions: Condition[]) => meanOf(rows.flatMap((row) => conditions.flatMap((c) => row.runs[c])), (r) => r.serverCpuMs);
  const plainMs = mean(["smallPlain", "largePlain"]);
  const brotliMs = mean(["smallBrotli", "largeBrotli"]);
  return { plainMs, brotliMs, ratio: brotliMs / plainMs };
}

/** Every page of the smallest size that the largest also has (the bare route is no page). */
export async function measurePaired(small: Served, large: Served, options: LoadOptions, log: (line: string) => void): Promise<PairedRow[]> {
  const rows: PairedRow[] = [];
  for (const smallPage of small.pages.filter((p) => p.key !== "floor")) {
    const largePage = large.pages.find((p) => p.key === smallPage.key);
    if (!largePage) continue;
    const runs: Record<Condition, LoadResult[]> = { smallPlain: [], largePlain: [], largeBrotli: [], smallBrotli: [] };
    const loadOn = (served: Served, page: Page, encoding?: string) =>
      load(served.server.origin + page.path, page.persona ? served.cookies[page.persona] : undefined, options, served.server.cpuMs, encoding);
    // A page's first load on a fresh server costs it about twice the CPU of the later ones (10.7 against
    // 5.8 ms a request for the long history on PostgreSQL): the code is still being compiled.
    // Unmeasured, so the first cycle compares compiled code as the other two do.
    await loadOn(small, smallPage);
    await loadOn(large, largePage);
    for (const condition of SEQUENCE) {
      const encoding = condition.endsWith("Brotli") ? BROWSER_ENCODINGS : undefined;
      runs[condition].push(await (condition.startsWith("small") ? loadOn(small, smallPage, encoding) : loadOn(large, largePage, encoding)));
    }
    // The largest size's label: the targets are named for it.
    const row: PairedRow = { key: smallPage.key, label: largePage.label, ...(smallPage.floor ? { floor: true } : {}), runs };
    rows.push(row);
    const cpu = pairedCompression([row]);
    log(`  alternating, ${row.label}: p50 grew ${pairedGrowth(row).toFixed(2)}×; CPU ${cpu.plainMs.toFixed(2)} ms plain, ${cpu.brotliMs.toFixed(2)} ms brotli`);
  }
  return rows;
}
