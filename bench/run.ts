// `npm run bench`: how fast the portal is, as ratios against its own floors (issue 8).
// Builds the production server, then for each size seeds a database, serves it on 127.0.0.1,
// loads each page, times the writes, and prints one table per size with the targets' verdicts.
// Options: --sizes=1000,10000,100000 --seconds=5 --warmup=1 --connections=50 --events=500 --out=bench/results
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { loadSettings } from "../app/settings.server";
import { clientJs } from "./clientJs";
import { removeDbFiles } from "./database";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../lighthouse/chromium";
import { measureTransfer } from "../lighthouse/transfer";
import { BROWSER_ENCODINGS, load, type LoadOptions } from "./load";
import { DOCUMENT, FLOOR, pagesFor } from "./pages";
import { prepareDb } from "./prepare";
import { evaluate, jsTable, sizeTable, targetList, type Row, type SizeResult } from "./report";
import { startServer } from "./server";
import { benchTransitions } from "./transitions";
import { ROOT, round, TIME_ZONE } from "./util";

function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

const sizes = option("sizes", "1000,10000,100000").split(",").map(Number);
const loadOptions: LoadOptions = {
  connections: Number(option("connections", "50")),
  seconds: Number(option("seconds", "5")),
  warmupSeconds: Number(option("warmup", "1")),
};
const events = Number(option("events", "500"));
const outDir = path.resolve(ROOT, option("out", "bench/results"));

function build() {
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function benchSize(size: number): Promise<SizeResult> {
  const port = await freePort();
  const env = {
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    AUDIT_KEY: randomBytes(32).toString("base64url"),
    APP_URL: `http://127.0.0.1:${port}`,
    PORTAL_TIME_ZONE: TIME_ZONE,
    MAIL_DIR: path.join(ROOT, "var", "bench", "mail"),
  };
  const prepared = await prepareDb(size, loadSettings({ ...env, DATABASE_URL: "file:unused" }));
  console.log(`\n${size.toLocaleString("en-US")} requests seeded in ${round(prepared.seed.seconds, 1)} s`);
  const rows: Row[] = [];
  const server = await startServer({ ...env, DATABASE_URL: prepared.db.url }, port);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    let floorRps = NaN;
    let documentRps = NaN;
    for (const page of pagesFor(prepared, size)) {
      const cookie = page.persona ? prepared.cookies[page.persona] : undefined;
      // One plain request first: the page must render real data for this persona, or the figures mean nothing.
      const check = await fetch(server.origin + page.path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      const body = await check.text();
      if (check.status !== 200 || !body.includes(page.expect)) {
        throw new Error(`${page.label}: GET ${page.path} gave ${check.status} without "${page.expect}"`);
      }
      const result = await load(server.origin + page.path, cookie, loadOptions, server.cpuMs);
      // The same page again as a browser asks for it (brotli): what compressing costs the server.
      const compressed = await load(server.origin + page.path, cookie, loadOptions, server.cpuMs, BROWSER_ENCODINGS);
      // /healthz is no page a browser shows: only pages have a first visit.
      const transfer = page.key === FLOOR ? null : await measureTransfer(browser, server.origin, page.path, cookie);
      if (page.key === FLOOR) floorRps = result.rps;
      if (page.key === DOCUMENT) documentRps = result.rps;
      const ratio = result.rps / floorRps;
      rows.push({ key: page.key, label: page.label, floor: page.floor, result, compressed, transfer, ratio, documentRatio: result.rps / documentRps });
      console.log(
        `  ${page.label}: ${round(result.rps, 0)} req/s, p95 ${round(result.p95, 1)} ms, ${round(ratio, 2)}× floor, server CPU ${round(result.serverCpuMs, 2)} ms a request, ${round(compressed.serverCpuMs, 2)} ms compressed${transfer ? `, first visit ${round(transfer.firstVisit / 1000, 1)} KB` : ""}`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const transitions = await benchTransitions(prepared.db, events);
  console.log(`  transitions: ${round(transitions.serviceEventsPerSecond, 0)}/s vs raw ${round(transitions.rawEventsPerSecond, 0)}/s`);
  await prepared.db.close();
  removeDbFiles(prepared.db.file);
  return { size, seed: prepared.seed, rows, transitions };
}

const started = Date.now();
build();
const js = await clientJs();
const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
const targets = evaluate(results, js);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`;
const header = [
  "## npm run bench",
  "",
  `${new Date(started).toISOString()} · ${machine} · ${loadOptions.connections} connections, ${loadOptions.seconds} s per page after ${loadOptions.warmupSeconds} s warm-up · 127.0.0.1`,
  "Latencies in ms; × floor = requests/s over the bare route's in the same run (the target's measure); × document = over the signed-out sign-in page's, a whole document that reads nothing; server CPU = the server process's CPU time per answer, its own cost whatever the load generator does; CPU, brotli = the same for the page asked for as a browser asks (Accept-Encoding with br: compressed as sent). Bytes as Chromium receives them (compressed, headers included): the document, a first visit with an empty cache (everything the page loads), and a repeat visit right after.",
].join("\n");
const markdown = [
  header,
  ...results.map(sizeTable),
  `### Client JavaScript per page (first visit, brotli as served; 1 KB = 1000 bytes)\n\n${jsTable(js)}`,
  `### Targets\n\n${targetList(targets)}`,
  `Total time: ${round((Date.now() - started) / 1000, 0)} s`,
].join("\n\n");
console.log(`\n${markdown}`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "latest.md"), markdown + "\n");
fs.writeFileSync(
  path.join(outDir, "latest.json"),
  JSON.stringify({ startedAt: new Date(started).toISOString(), machine, load: loadOptions, events, sizes: results, clientJs: js, targets }, null, 2) + "\n",
);
