// `npm run bench`: how fast the portal is, as ratios against its own floors (issue 8).
// Builds the production server, then for each size seeds a database, serves it on 127.0.0.1,
// loads each page, times the writes, and prints one table per size with the targets' verdicts.
// Options: --sizes=1000,10000,100000 --seconds=5 --warmup=1 --connections=50 --events=500 --out=bench/results
// --requests=N: N requests a page instead of the timed window (the smoke test: every row measured, quickly).
// --db=sqlite|postgres|both (issue 17): PostgreSQL gets a copy of each seeded SQLite file (npm run db:copy),
// on BENCH_DATABASE_URL or TEST_DATABASE_URL's server if one is given, else on a throw-away server.
// --import-rows=200000 (issue 19): the import of actual calls on each engine, at that many rows and a
// tenth of it, each into an empty database (0 skips it; --import-rows=1000000 for the million-row figure).
// --paired-seconds=2: each load of the alternating pass that judges growth and compression (decision 0037);
// with --requests, --paired-requests=N instead (the smoke test's pass: twelve loads a page, so fewer).
// --no-build: use the build there is (`npm test` makes it first, and its browser tests are serving it).
// --no-transfer: no byte counts (they do not depend on the engine; the PostgreSQL smoke test skips them).
// They are counted at the largest size only.
// BENCH_WORK_DIR: where the seeded databases go (default var/bench/).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isPostgresUrl } from "../app/db/databaseUrl";
import type { Engine } from "../app/db/engine";
import { loadSettings } from "../app/settings.server";
import { copyDatabase } from "../scripts/copy-database";
import { createDatabase, startPostgres } from "../tests/support/postgresServer";
import { clientJs } from "./clientJs";
import { removeDbFiles } from "./database";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lighthouse/chromium";
import { measureTransfers } from "../lighthouse/transfer";
import { loadThroughBoth, type PairRow } from "./instances";
import { BROWSER_ENCODINGS, load, type LoadOptions, type LoadResult } from "./load";
import { DOCUMENT, DOCUMENT_AGAIN, DOCUMENT_PATH, FLOOR, pagesFor } from "./pages";
import { measurePaired, type PairedResult, type Served } from "./paired";
import { prepareDb, type Prepared } from "./prepare";
import { signIn } from "./sessions";
import { besideDocument, ENGINE_NAMES, evaluate, evaluateImports, importTable, jsTable, pairedTable, sizeTable, targetList, type Row, type SizeResult } from "./report";
import { startServer } from "./server";
import { postgresStore, sqliteStore, type BenchStore } from "./store";
import { benchImport, importSizes, type ImportResult } from "./importRate";
import { benchTransitions } from "./transitions";
import { ROOT, round, TIME_ZONE, WORK_DIR } from "./util";
import { freePort } from "../tests/support/freePort";

/** `--name=value` or `--name value`. */
function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg) return arg.slice(name.length + 3);
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const sizes = option("sizes", "1000,10000,100000").split(",").map(Number);
const loadOptions: LoadOptions = {
  connections: Number(option("connections", "50")),
  seconds: Number(option("seconds", "5")),
  warmupSeconds: Number(option("warmup", "1")),
  ...(option("requests", "") ? { requests: Number(option("requests", "")) } : {}),
};
/** The alternating pass's loads (decision 0037): twelve a page, so shorter. */
const pairedOptions: LoadOptions = loadOptions.requests
  ? { ...loadOptions, requests: Number(option("paired-requests", String(loadOptions.requests))) }
  : { connections: loadOptions.connections, seconds: Number(option("paired-seconds", "2")), warmupSeconds: 0.5 };
const events = Number(option("events", "500"));
const importRows = Number(option("import-rows", "200000"));
const dbOption = option("db", "sqlite");
/** On PostgreSQL, also every page through this many servers on the one database (2; 1 to skip). */
const instances = Number(option("instances", "2"));
if (!["sqlite", "postgres", "both"].includes(dbOption)) throw new Error(`--db must be sqlite, postgres or both, not ${dbOption}`);
const engines: Engine[] = dbOption === "both" ? ["sqlite", "postgres"] : [dbOption as Engine];
const largestSize = sizes[sizes.length - 1];
/** With more than one size, the smallest is kept for the alternating pass at the largest (decision 0037). */
const keepsSmallest = sizes.length > 1;
const outDir = path.resolve(ROOT, option("out", "bench/results"));
const withTransfer = !process.argv.includes("--no-transfer");

function build() {
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
}

/** One statement on its own connection. */
async function runOn(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dropDatabase = (serverUrl: string, name: string) => runOn(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);

/** The PostgreSQL server to copy into: the one named, or a throw-away one stopped at the end. */
async function postgresServer(): Promise<{ url: string; stop: () => void }> {
  const given = [process.env.BENCH_DATABASE_URL, process.env.TEST_DATABASE_URL].find((u) => u && isPostgresUrl(u));
  if (given) return { url: given, stop: () => {} };
  const server = await startPostgres();
  return { url: server.url, stop: server.stop };
}

/** The import of actual calls on each engine, each row count into a database of its own. */
async function benchImports(pgServer: string | null): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const engine of engines) {
    for (const rows of importSizes(importRows)) {
      const name = `bench_import_${rows}`;
      const url = engine === "sqlite" ? "sqlite" : await createDatabase(pgServer!, name);
      try {
        const result = benchImport(engine, url, rows);
        console.log(`  import of actual calls, ${ENGINE_NAMES[engine]}: ${rows.toLocaleString("en-US")} rows in ${round(result.seconds, 1)} s, ${round(result.rowsPerSecond, 0)} rows/s, peak RSS ${round(result.peakRssBytes / 2 ** 20, 0)} MiB`);
        results.push(result);
      } finally {
        if (engine === "postgres") await dropDatabase(pgServer!, name);
      }
    }
  }
  return results;
}

/**
 * A million new rows set autovacuum going within the minute, on the same two cores as the pages
 * being measured (SQLite's first, then PostgreSQL's). Vacuumed now, they leave it nothing to do.
 */
async function vacuum(url: string): Promise<void> {
  const started = Date.now();
  await runOn(url, "VACUUM");
  console.log(`  vacuumed in ${round((Date.now() - started) / 1000, 1)} s`);
}

/** The smallest size's databases and settings, kept until the largest is measured beside them (decision 0037). */
interface Kept {
  size: number;
  prepared: Prepared;
  pgUrl: string | null;
  env: Record<string, string>;
}

/** A size's database on an engine: the seeded SQLite file, or its copy on PostgreSQL. */
async function storeOf(engine: Engine, kept: Kept): Promise<BenchStore> {
  return engine === "sqlite" ? sqliteStore(kept.prepared.db.url, kept.prepared.db.prisma, kept.prepared.db.sqlite) : postgresStore(kept.pgUrl!);
}

async function release(kept: Kept, pgServer: string | null): Promise<void> {
  await kept.prepared.db.close();
  removeDbFiles(kept.prepared.db.file);
  if (pgServer) await dropDatabase(pgServer, `bench_${kept.size}`);
}

/**
 * One size on each engine. The smallest is kept (returned) when there are more; at the largest,
 * each engine's pages are then also loaded alternately with the kept size's (bench/paired.ts),
 * before the two instances and the transitions.
 */
async function benchSize(size: number, pgServer: string | null, smallest: Kept | null, paired: PairedResult[]): Promise<{ results: SizeResult[]; kept: Kept | null }> {
  const port = await freePort();
  const env = {
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    AUDIT_KEY: randomBytes(32).toString("base64url"),
    APP_URL: `http://127.0.0.1:${port}`,
    PORTAL_TIME_ZONE: TIME_ZONE,
    MAIL_DIR: path.join(WORK_DIR, "mail"),
  };
  const prepared = await prepareDb(size, loadSettings({ ...env, DATABASE_URL: "file:unused" }));
  console.log(`\n${size.toLocaleString("en-US")} requests seeded in ${round(prepared.seed.seconds, 1)} s`);
  // Copied before SQLite is measured, so both engines start from the same rows.
  let pgUrl: string | null = null;
  if (pgServer) {
    pgUrl = await createDatabase(pgServer, `bench_${size}`);
    const copy = await copyDatabase(prepared.db.url, pgUrl);
    console.log(`  copied to PostgreSQL in ${round(copy.seconds, 1)} s (${copy.tables.reduce((n, t) => n + t.rows, 0).toLocaleString("en-US")} rows)`);
    await vacuum(pgUrl);
  }
  const results: SizeResult[] = [];
  const kept: Kept = { size, prepared, pgUrl, env };
  for (const engine of engines) {
    const store = await storeOf(engine, kept);
    try {
      const rows = await benchPages(size, prepared, store, env, port);
      // The pass right after the pages, on the database as they read it: before the transitions add
      // to it and two servers load it (both full runs that measured the pass after those had misses
      // in it, on other pages each time; the run without two instances had none).
      if (smallest) paired.push(await benchPaired(smallest, kept, store));
      const pair = store.engine === "postgres" && instances > 1 ? await benchTwoInstances(prepared, size, rows, { ...env, DATABASE_URL: store.url }, port) : [];
      const transitions = await benchTransitions(store, events);
      console.log(`  transitions: ${round(transitions.serviceEventsPerSecond, 0)}/s vs raw ${round(transitions.rawEventsPerSecond, 0)}/s; CPU ${round(transitions.serviceCpuMs, 2)} vs ${round(transitions.rawCpuMs, 2)} ms an event`);
      results.push({ engine: store.engine, size, seed: prepared.seed, rows, pair, transitions });
    } finally {
      await store.close();
    }
  }
  if (keepsSmallest && size === sizes[0]) return { results, kept };
  await release(kept, pgServer);
  return { results, kept: null };
}

/** Fresh sessions on a size's database (the seeded ones may have idled out), and its server. */
async function serve(kept: Kept, store: BenchStore): Promise<Served> {
  const settings = loadSettings({ ...kept.env, DATABASE_URL: "file:unused" });
  const cookies = await signIn(store.prisma, settings);
  const server = await startServer({ ...kept.env, DATABASE_URL: store.url }, await freePort());
  return { server, pages: pagesFor(kept.prepared, kept.size), cookies };
}

/** The smallest and the largest size served together, each page loaded under each condition in turn. */
async function benchPaired(small: Kept, large: Kept, largeStore: BenchStore): Promise<PairedResult> {
  const engine = largeStore.engine;
  console.log(`  ${ENGINE_NAMES[engine]}, ${small.size.toLocaleString("en-US")} and ${large.size.toLocaleString("en-US")} requests alternately:`);
  const smallStore = await storeOf(engine, small);
  const served: Served[] = [];
  try {
    served.push(await serve(small, smallStore), await serve(large, largeStore));
    const rows = await measurePaired(served[0], served[1], pairedOptions, console.log);
    return { engine, small: small.size, large: large.size, rows };
  } finally {
    await Promise.all(served.map((s) => s.server.stop()));
    await smallStore.close();
  }
}

/** Every page through two servers on the same PostgreSQL database, against the one server's figure. */
async function benchTwoInstances(prepared: Prepared, size: number, rows: Row[], env: Record<string, string>, port: number): Promise<PairRow[]> {
  const databaseUrl = env.DATABASE_URL;
  const second = await freePort();
  // One APP_URL for both, as behind a load balancer.
  const servers = await Promise.all([startServer({ ...env, DATABASE_URL: databaseUrl }, port), startServer({ ...env, DATABASE_URL: databaseUrl }, second)]);
  const pair: PairRow[] = [];
  try {
    for (const page of pagesFor(prepared, size)) {
      const cookie = page.persona ? prepared.cookies[page.persona] : undefined;
      const both = await loadThroughBoth([servers[0].origin, servers[1].origin], page.path, cookie, loadOptions);
      const one = rows.find((r) => r.key === page.key)?.result.rps ?? NaN;
      pair.push({ key: page.key, label: page.label, one, two: both.rps, failures: both.failures });
      console.log(`  two instances, ${page.label}: ${round(both.rps, 0)} req/s together vs ${round(one, 0)} through one`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  return pair;
}

/** Every page on one engine at one size, plain and with brotli, and the bytes a browser receives. */
async function benchPages(size: number, prepared: Prepared, store: BenchStore, env: Record<string, string>, port: number): Promise<Row[]> {
  const name = ENGINE_NAMES[store.engine];
  console.log(`  ${name}:`);
  const rows: Row[] = [];
  // The browser first: one that cannot start then leaves no server running.
  // The bytes are judged at the largest size only; they hardly depend on it.
  const browser = withTransfer && size === largestSize ? await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) : null;
  const server = await startServer({ ...env, DATABASE_URL: store.url }, port);
  const pages = pagesFor(prepared, size);
  const cookieOf = (page: (typeof pages)[number]) => (page.persona ? prepared.cookies[page.persona] : undefined);
  try {
    let floorRps = NaN;
    // The document floor measured last: before the first page, then after each (decision 0032).
    let documentBefore: LoadResult | null = null;
    for (const page of pages) {
      const cookie = cookieOf(page);
      // One plain request first: the page must render real data for this persona, or the figures mean nothing.
      const check = await fetch(server.origin + page.path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      const body = await check.text();
      if (check.status !== 200 || !body.includes(page.expect)) {
        throw new Error(`${page.label}: GET ${page.path} gave ${check.status} without "${page.expect}"`);
      }
      const result = await load(server.origin + page.path, cookie, loadOptions, server.cpuMs);
      // The same page again as a browser asks for it (brotli): what compressing costs the server.
      const compressed = await load(server.origin + page.path, cookie, loadOptions, server.cpuMs, BROWSER_ENCODINGS);
      if (page.key === FLOOR) floorRps = result.rps;
      const row: Row = { key: page.key, label: page.label, floor: page.floor, result, compressed, transfer: null, ratio: result.rps / floorRps, documentRatio: NaN };
      if (page.key === DOCUMENT) documentBefore = result;
      rows.push(row);
      console.log(
        `  ${page.label}: ${round(result.rps, 0)} req/s, p95 ${round(result.p95, 1)} ms, ${round(row.ratio, 2)}× floor, server CPU ${round(result.serverCpuMs, 2)} ms a request, ${round(compressed.serverCpuMs, 2)} ms compressed`,
      );
      if (page.floor) continue;
      if (!documentBefore) throw new Error(`${page.label}: listed before the document floor it is measured against`);
      // The host's speed moves within minutes: each page is judged over the document floor
      // measured just before and just after it (decision 0032).
      const after = await load(server.origin + DOCUMENT_PATH, undefined, loadOptions, server.cpuMs);
      row.documentBeside = { before: documentBefore, after };
      row.documentRatio = result.rps / besideDocument(row);
      documentBefore = after;
      console.log(`    × document ${round(row.documentRatio, 2)} (the document floor at ${round(row.documentBeside.before.rps, 0)} req/s before it, ${round(after.rps, 0)} after)`);
    }
    // The last page's "after" is the document floor's second row; its compressed figure is taken now.
    const first = rows.find((row) => row.key === DOCUMENT)!;
    const again = documentBefore!;
    const againCompressed = await load(server.origin + DOCUMENT_PATH, undefined, loadOptions, server.cpuMs, BROWSER_ENCODINGS);
    const label = "sign-in page again, after the pages (document floor)";
    first.documentRatio = 1;
    rows.push({ key: DOCUMENT_AGAIN, label, floor: true, result: again, compressed: againCompressed, transfer: null, ratio: again.rps / floorRps, documentRatio: again.rps / first.result.rps });
    console.log(`  ${label}: ${round(again.rps, 0)} req/s (${round(first.result.rps, 0)} before the pages)`);
    // The bytes once the load has stopped, so the browser neither slows the figures nor is slowed by
    // them. /healthz is no page a browser shows: only pages have a first visit.
    if (browser) {
      const shown = pages.filter((page) => page.key !== FLOOR);
      const transfers = await measureTransfers(
        browser,
        server.origin,
        shown.map((page) => ({ path: page.path, cookie: cookieOf(page) })),
      );
      shown.forEach((page, i) => {
        rows.find((r) => r.key === page.key)!.transfer = transfers[i];
        console.log(`  bytes received, ${page.label}: first visit ${round(transfers[i].firstVisit / 1000, 1)} KB, repeat ${round(transfers[i].repeatVisit / 1000, 1)} KB`);
      });
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  return rows;
}

const started = Date.now();
if (!process.argv.includes("--no-build")) build();
else if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) throw new Error("--no-build, but there is no build: run npm run build first");
const js = await clientJs();
const results: SizeResult[] = [];
const paired: PairedResult[] = [];
let imports: ImportResult[] = [];
const postgres = engines.includes("postgres") ? await postgresServer() : null;
try {
  let smallest: Kept | null = null;
  for (const size of sizes) {
    const measured = await benchSize(size, postgres?.url ?? null, size === largestSize ? smallest : null, paired);
    results.push(...measured.results);
    smallest ??= measured.kept;
  }
  if (smallest) await release(smallest, postgres?.url ?? null);
  console.log("");
  imports = await benchImports(postgres?.url ?? null);
} finally {
  postgres?.stop();
}
// Each engine against its own targets; the client JavaScript is the same on both, said once.
const targets = engines.flatMap((engine, i) =>
  evaluate(
    results.filter((r) => r.engine === engine),
    js,
    paired.find((p) => p.engine === engine),
  )
    .filter((t) => i === 0 || !t.name.startsWith("JavaScript"))
    .map((t) => (engines.length > 1 && !t.name.startsWith("JavaScript") ? { ...t, name: `${ENGINE_NAMES[engine]}: ${t.name}` } : t)),
).concat(evaluateImports(imports));

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`;
const header = [
  "## npm run bench",
  "",
  `${new Date(started).toISOString()} · ${machine} · ${loadOptions.connections} connections, ${loadOptions.requests ? `${loadOptions.requests} requests a page (no timed window: the figures mean little)` : `${loadOptions.seconds} s per page after ${loadOptions.warmupSeconds} s warm-up`} · 127.0.0.1`,
  "Latencies in ms; × floor = requests/s over the bare route's in the same run; × document = over the signed-out sign-in page's, a whole document that reads nothing, measured just before and just after each page (the mean of the two, shown beside it: the target's measure, issue 17; decision 0032); for the floors' rows, over the first measurement; server CPU = the server process's CPU time per answer, its own cost whatever the load generator does; CPU, brotli = the same for the page asked for as a browser asks (Accept-Encoding with br: compressed as sent). Bytes as Chromium receives them (compressed, headers included): the document, a first visit with an empty cache (everything the page loads), and a repeat visit right after.",
].join("\n");
const markdown = [
  header,
  ...results.map(sizeTable),
  ...paired.map(pairedTable),
  ...(imports.length > 0 ? [`### Import of actual calls (streamed, one transaction, each into an empty database)\n\n${importTable(imports)}`] : []),
  `### Client JavaScript per page (first visit, brotli as served; 1 KB = 1000 bytes)\n\n${jsTable(js)}`,
  `### Targets\n\n${targetList(targets)}`,
  `Total time: ${round((Date.now() - started) / 1000, 0)} s`,
].join("\n\n");
console.log(`\n${markdown}`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "latest.md"), markdown + "\n");
fs.writeFileSync(
  path.join(outDir, "latest.json"),
  JSON.stringify({ startedAt: new Date(started).toISOString(), machine, load: loadOptions, events, sizes: results, paired, imports, clientJs: js, targets }, null, 2) + "\n",
);
