// The import of actual calls as a row of `npm run bench` (issue 19): bench/callImport.ts in a
// process of its own, so its peak resident memory is the importing process's and nothing else's
// (the bench process holds the seeded databases' work). Into an empty database of each engine:
// the rate does not depend on how many requests there are, and the pages' data stays as seeded.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Engine } from "../app/db/engine";
import { ROOT } from "./util";

export interface ImportResult {
  engine: Engine;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The importing process's peak RSS (the kernel's VmHWM), in bytes. */
  peakRssBytes: number;
  /** The largest heap after a full collection (forced every 2 s): what the import keeps alive, without V8's garbage. */
  liveHeapBytes: number;
}

/** Imports `rows` generated interval rows into `databaseUrl` ("sqlite": a fresh temporary file). */
export function benchImport(engine: Engine, databaseUrl: string, rows: number): ImportResult {
  const run = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--expose-gc", "bench/callImport.ts", `--rows=${rows}`, `--db=${databaseUrl}`, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    maxBuffer: 16 * 2 ** 20,
  });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{")) throw new Error(`The import of ${rows} rows failed (${run.status}):\n${run.stdout}${run.stderr}`);
  const figures = JSON.parse(line) as Omit<ImportResult, "engine">;
  return { engine, ...figures };
}

/**
 * The row counts to import: a tenth of the one asked for, half of it, and all of it. Memory is
 * compared between the last two: Prisma's client keeps about the last hundred statements' values
 * (50 000 rows' worth, ~60 MiB, seen in a heap snapshot) and V8's heap grows to its working size in the first 100 000 rows
 * or so; past that, memory that grew with the rows would show as twice the rows, twice the memory.
 */
export function importSizes(rows: number): number[] {
  return rows <= 0 ? [] : [...new Set([Math.round(rows / 10), Math.round(rows / 2), rows])].filter((n) => n > 0);
}
