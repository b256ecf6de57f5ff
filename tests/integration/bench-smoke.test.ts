// `npm run bench` at its smallest, so it cannot rot: it must complete and print every row.
// No timing is asserted: figures on a shared test machine mean nothing (issue 8). In the
// PostgreSQL run (TEST_DATABASE_URL names a server) it benches PostgreSQL on that server, one
// instance, so each engine's rows (issue 17) and import (issue 19) are covered; the bytes a
// browser receives do not depend on the engine, so only the SQLite run counts them (issue 20).
// The SQLite run has two sizes, so its alternating pass, which judges growth and compression, runs
// too (decision 0037); the pass is the same code on PostgreSQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { isPostgresUrl } from "../../app/db/databaseUrl";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, "var", "test", `bench-smoke-${process.pid}`);
const engine = isPostgresUrl(process.env.TEST_DATABASE_URL ?? "") ? "postgres" : "sqlite";
const withTransfer = engine === "sqlite";

const sizes = engine === "sqlite" ? [500, 1000] : [1000];
// Answers a load: few, as the run is the SQLite tests' longest file beside the browser tests (490 s
// there, 97 s alone, at 50 answers a load). The alternating pass loads each page twelve times, so
// fewer still; 20 answers still cost the server several of /proc's 10 ms CPU ticks.
const REQUESTS = 30;
const PAIRED_REQUESTS = 20;

test(`the benchmark runs at ${sizes.join(" and ")} requests and prints every row`, () => {
  const run = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    // --no-build: `npm test` builds before the vitest runs, and the browser tests beside them serve
    // that build; building again would replace its files under them.
    ["bench/run.ts", "--no-build", `--sizes=${sizes.join(",")}`, `--requests=${REQUESTS}`, `--paired-requests=${PAIRED_REQUESTS}`, "--connections=4", "--events=20", "--import-rows=2000", `--db=${engine}`, "--instances=1", `--out=${out}`, ...(withTransfer ? [] : ["--no-transfer"])],
    // Its own working folder: a bench run beside it (the other engine's, or one of your own) cannot seed over its files.
    { cwd: root, encoding: "utf8", timeout: 600_000, env: { ...process.env, BENCH_WORK_DIR: path.join(out, "work") } },
  );
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  for (const row of [
    "bare route /healthz (floor)",
    "sign-in page again, after the pages (document floor)",
    "request list, first page",
    "request list, filtered",
    "request list, deep page",
    "request list, text search",
    "request list, requester's department",
    "request page, long history",
    "home, my tasks (director)",
    "capacity calendar, month",
    "capacity calendar, today's requests",
    "capacity calendar, week with combined staffing",
    "Finance report",
    // Issue 19: the accuracy page over seeded actual calls, and the import's rate and memory.
    "forecast accuracy",
    "### Import of actual calls",
    "peak RSS of the importing process",
    "import of actual calls, memory against rows",
    "request list, search for a word in no request",
    "sign-in page, signed out (document floor)",
    "transition service",
    engine === "sqlite" ? "raw better-sqlite3 floor" : "raw pg floor",
    "50 concurrent events, one request",
    "none lost or doubled",
    "### Targets",
    "CPU, brotli",
    "server CPU per page, compressed (brotli) vs plain, all pages",
    ...(withTransfer ? ["bytes received: request page, long history"] : []),
    ...(sizes.length > 1 ? ["### SQLite: 500 and 1,000 requests alternately", "grew", "measured alternately"] : []),
  ]) {
    expect(run.stdout).toContain(row);
  }
  const json = JSON.parse(fs.readFileSync(path.join(out, "latest.json"), "utf8")) as {
    imports: Array<{ engine: string; rows: number; rowsPerSecond: number; peakRssBytes: number; liveHeapBytes: number }>;
    sizes: Array<{
      size: number;
      seed: { analyses: number; analysisDays: number; queues: number; actualCalls: number };
      rows: Array<{
        key: string;
        label: string;
        result: { serverCpuMs: number | null; requests: number };
        compressed: { serverCpuMs: number | null; requests: number };
        transfer: { document: number; firstVisit: number; repeatVisit: number } | null;
        floor?: boolean;
        documentRatio: number | null;
        documentBeside?: { before: { requests: number }; after: { requests: number } };
      }>;
    }>;
    paired: Array<{ small: number; large: number; rows: Array<{ label: string; runs: Record<string, Array<{ requests: number; serverCpuMs: number; p50: number }>> }> }>;
  };
  expect(json.sizes.map((s) => s.size)).toEqual(sizes);
  // Each page but the bare route loaded three times under each of the four conditions.
  if (sizes.length > 1) {
    expect(json.paired.map((p) => [p.small, p.large, p.rows.length])).toEqual([[500, 1000, json.sizes[1].rows.filter((r) => r.key !== "floor" && r.key !== "document-again").length]]);
    for (const row of json.paired[0].rows) {
      const runs = Object.entries(row.runs).map(([condition, loads]) => [condition, loads.map((l) => [l.requests, l.p50 > 0, l.serverCpuMs > 0])]);
      expect([row.label, runs]).toEqual([row.label, ["smallPlain", "largePlain", "largeBrotli", "smallBrotli"].map((c) => [c, [[PAIRED_REQUESTS, true, true], [PAIRED_REQUESTS, true, true], [PAIRED_REQUESTS, true, true]]])]);
    }
  } else {
    expect(json.paired).toEqual([]);
  }
  // The pages of issue 19 have data to work on: analyses with their days, queue codes and interval rows.
  const seed = json.sizes[0].seed;
  expect([seed.analyses > 0, seed.analysisDays > seed.analyses, seed.queues > 0, seed.actualCalls > seed.queues]).toEqual([true, true, true, true]);
  // The import at a tenth, half and all of the rows, each measured.
  expect(json.imports.map((i) => [i.engine, i.rows])).toEqual([
    [engine, 200],
    [engine, 1000],
    [engine, 2000],
  ]);
  for (const i of json.imports) expect([i.rows, i.rowsPerSecond > 0, i.peakRssBytes > 0, i.liveHeapBytes > 0]).toEqual([i.rows, true, true, true]);
  // The server's CPU time is read from /proc on Linux, where the tests run: a figure for every page,
  // plain and compressed; and, in the SQLite run at its largest size, for every page but the bare route, the bytes Chromium received (issue 20),
  // once for the document floor, which is measured twice.
  // Each page gets its requests answered, however loaded the machine (no timed window to miss).
  // /proc counts CPU in 10 ms ticks: the bare route's answers may take less than one.
  for (const row of json.sizes.flatMap((s) => s.rows.map((r) => ({ ...r, counted: withTransfer && s.size === sizes[sizes.length - 1] })))) {
    for (const result of [row.result, row.compressed]) {
      expect([row.label, result.requests, row.key === "floor" ? result.serverCpuMs! >= 0 : result.serverCpuMs! > 0]).toEqual([row.label, REQUESTS, true]);
    }
    // Every page is judged over the document floor measured just before and just after it (decision 0032).
    if (!row.floor) {
      expect([row.label, row.documentBeside?.before.requests, row.documentBeside?.after.requests, row.documentRatio! > 0]).toEqual([row.label, REQUESTS, REQUESTS, true]);
    }
    if (row.key === "floor" || row.key === "document-again" || !row.counted) {
      expect([row.label, row.transfer]).toEqual([row.label, null]);
      continue;
    }
    const t = row.transfer!;
    // A repeat visit loads the document again (its size moves by a few bytes with each nonce) and little else.
    expect([row.label, t.document > 0, t.firstVisit > t.document, t.repeatVisit > 0 && t.repeatVisit < t.firstVisit]).toEqual([
      row.label,
      true,
      true,
      true,
    ]);
  }
  fs.rmSync(out, { recursive: true, force: true });
}, 620_000);
