// Issue 19's import benchmark: rows a second through the streamed, all-or-nothing import of
// actual calls, and the process's peak memory, on a file generated as it is read (never on disk,
// never whole in memory). `npx tsx bench/callImport.ts [--rows=1000000] [--db=sqlite|<postgres URL>] [--json]`;
// 100 000 rows by default, to stay quick. `npm run bench` runs it in a process of its own
// (bench/importRate.ts), so the peak is the importing process's alone; --json prints one line for it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { importCalls } from "../app/actuals/callImport.server";
import { connectDb } from "../app/db.server";
import { migrateDatabase } from "../prisma/migrate";

function option(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
}

const rows = Number(option("rows", "100000"));
const QUEUES = 40;

/** A Cisco-like interval export: 48 half-hours a day × QUEUES queues, days from 2026-01-01 on. */
function* exportLines(count: number): Generator<string> {
  yield "Interval Start Time,CSQ Name,Calls Presented,Calls Handled,Calls Abandoned,Avg Handle Time\n";
  const perDay = 48 * QUEUES;
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    const slot = Math.floor((i % perDay) / QUEUES);
    const time = `${String(Math.floor(slot / 2)).padStart(2, "0")}:${slot % 2 ? "30" : "00"}`;
    const offered = (i * 7) % 90;
    yield `${day} ${time},Q${i % QUEUES},${offered},${offered - (offered % 5)},${offered % 5},0:04:${String(i % 60).padStart(2, "0")}\n`;
  }
}

/** The process's peak resident memory as the kernel counts it (VmHWM), in bytes; null where there is no /proc. */
function kernelPeakRss(): number | null {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return kib ? Number(kib[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The largest heap left after a full collection during the import, forced every 2 s and at the
 * end (with node's --expose-gc, as bench/importRate.ts runs this): what the import keeps alive,
 * where the peak RSS also counts the garbage V8 lets build up between its own full collections.
 * A collection of ~70 MiB takes ~40 ms: about 2 % of the run. NaN without --expose-gc.
 */
function liveHeapWatch(): { stop: () => number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return { stop: () => NaN };
  let largest = 0;
  const sample = () => {
    gc();
    largest = Math.max(largest, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 2000);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return largest;
    },
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-calls-"));
  const target = option("db", "sqlite");
  const url = target === "sqlite" ? `file:${path.join(dir, "bench.db")}` : target;
  await migrateDatabase(url);
  const db = await connectDb(url);
  const [user] = await Promise.all([db.user.create({ data: { email: "bench@example.gov", name: "Bench", passwordHash: "x" } })]);
  const source = await db.callSource.create({ data: { name: `bench ${Date.now()}`, system: "cisco" } });
  let sampledPeak = process.memoryUsage().rss;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 50);
  const liveHeap = liveHeapWatch();
  const started = performance.now();
  const outcome = await importCalls(db, {
    sourceId: source.id,
    mapping: { date: "Interval Start Time", queue: "CSQ Name", offered: "Calls Presented", answered: "Calls Handled", abandoned: "Calls Abandoned", handleTime: "Avg Handle Time" },
    source: Readable.from(exportLines(rows)),
    fileName: "generated.csv",
    sha256: `generated-${rows}-${Date.now()}`,
    userId: user.id,
    timeZone: "America/New_York",
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const liveHeapBytes = liveHeap.stop();
  const peakRss = kernelPeakRss() ?? Math.max(sampledPeak, process.memoryUsage().rss);
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  if (!outcome.ok || !("rows" in outcome)) throw new Error(`Import failed: ${JSON.stringify(outcome)}`);
  if (outcome.rows !== rows) throw new Error(`Imported ${outcome.rows} rows of ${rows}`);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ rows, seconds, rowsPerSecond: rows / seconds, peakRssBytes: peakRss, liveHeapBytes }));
    return;
  }
  console.log(`| import of actual calls (${target === "sqlite" ? "SQLite" : "PostgreSQL"}) | ${rows.toLocaleString("en-US")} rows | ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s | ${seconds.toFixed(1)} s | peak RSS ${Math.round(peakRss / 2 ** 20)} MiB | heap after a full collection ${Math.round(liveHeapBytes / 2 ** 20)} MiB |`);
}

await main();
