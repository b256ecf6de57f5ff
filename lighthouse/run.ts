// `npm run lighthouse`: Lighthouse (its default mobile preset: a mid-range phone on a slow 4G
// network, simulated) on every audited page (lighthouse/pages.ts), against the production build
// with demo data, in Debian's Chromium; nothing is downloaded. Beside the scores, what the
// browser receives on a first and a repeat visit (transfer.ts). Writes lighthouse/results/latest.md
// and .json and prints the same; the audits that cost a page points are listed under the table.
// Options: --out=lighthouse/results --only=<text in the page name>[|<another>…] --no-build
//   --categories=accessibility (a comma list; default all three) --no-transfer (no byte counts)
//   --smoke (one cheap audit per page instead of the categories: the test that the script runs
//   and reports every page uses it with --no-transfer to keep it short).
//   --transfer-only: the byte counts alone, without Lighthouse (a few seconds a page).
//   --runs=N: Lighthouse runs per page when performance is scored (default 3); the page is
//   reported by its median run.
//   --cpu-slowdown=N: the simulated CPU slowdown instead of the mobile preset's 4 (cpuSlowdown.ts:
//   the report gives the one Lighthouse's calculator suggests for the machine it ran on).
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";
import type { Config, Result as LighthouseResult } from "lighthouse";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, round } from "../bench/util";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";
import { calibratedSlowdown } from "./cpuSlowdown";
import { startSite } from "./site";
import { measureTransfer, type Transfer } from "./transfer";

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export const TARGETS = { performance: 95, accessibility: 100, bestPractices: 100, firstVisitKb: 150, repeatVisitKb: 15 };
const ALL_CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
type Category = (typeof ALL_CATEGORIES)[number];

interface PageResult {
  name: string;
  path: string;
  /** 0–100; null for a category not run. */
  scores: Record<Category, number | null>;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
  /** Audits of accessibility and best practices that did not pass, and performance's below 0.9. */
  problems: string[];
  transfer: Transfer | null;
}

const outDir = path.resolve(ROOT, option("out") ?? "lighthouse/results");
const only = option("only");
/**
 * `--smoke`: Lighthouse on each page with a config of one audit, the doctype (best practices),
 * whose gatherer only reads `document.doctype`. What a page costs then is mostly Lighthouse's
 * own: the navigation and the report. Its default config, even cut down to one audit with
 * `onlyAudits`, costs more than that again per page to resolve.
 */
const SMOKE = process.argv.includes("--smoke");
const SMOKE_CONFIG: Config = {
  artifacts: [{ id: "Doctype", gatherer: "dobetterweb/doctype" }],
  audits: ["dobetterweb/doctype"],
  categories: { "best-practices": { title: "Best Practices", auditRefs: [{ id: "doctype", weight: 1 }] } },
};
// Before every page Lighthouse times the machine, a second of busy loops in the page, to calibrate
// its simulated throttling and warn of a slow device. The smoke audit times nothing, so it skips
// them (3.3 s a page became 2.4 s on a busy machine): the figure is only reported.
if (SMOKE) pageFunctions.computeBenchmarkIndex = () => 1000;
const CATEGORIES = (SMOKE ? ["best-practices"] : (option("categories")?.split(",") ?? [...ALL_CATEGORIES])) as Category[];
const withTransfer = !process.argv.includes("--no-transfer");
const transferOnly = process.argv.includes("--transfer-only");
/**
 * A page's performance score moves between runs on the same build (the blocking time most: one
 * page measured 117 and 458 ms a few minutes apart), so as Lighthouse's authors advise, each page
 * runs several times and is reported by its median run: the one with the median performance
 * score. Nothing else is timed, so the other categories run once.
 */
const RUNS = CATEGORIES.includes("performance") ? Math.max(1, Number(option("runs") ?? 3)) : 1;
/** The mobile preset's CPU slowdown, unless another is asked for. */
const CPU_SLOWDOWN = Number(option("cpu-slowdown") ?? 4);
if (!(CPU_SLOWDOWN >= 1)) throw new Error(`--cpu-slowdown must be a number of at least 1, got "${option("cpu-slowdown")}"`);
/** The host's benchmark index in every run (Lighthouse measures it before each page). */
const benchmarkIndexes: number[] = [];
const QUICK = { pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0, cpuQuietThresholdMs: 0, skipAboutBlank: true };

if (!process.argv.includes("--no-build")) {
  const built = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
}

/**
 * One Lighthouse run, in the one browser that the script starts (a browser per page cost a
 * second or more each). Tried twice: on a busy machine Lighthouse now and then fails to record
 * the trace (NO_NAVSTART, "Please run Lighthouse again").
 */
async function audit(port: number, urlPath: string, cookie: string | undefined, name: string, attempt = 1): Promise<LighthouseResult> {
  const runner = await lighthouse(
    site.origin + urlPath,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
      // All of the origin's storage, cookies too, before and after each page, as in a fresh profile
      // (Lighthouse's default keeps cookies): a cookie a page set, such as the enrolment cookie,
      // would be sent with the next page's and hide its session cookie.
      clearStorageTypes: ["all"],
      // Weightless in the scores and slow: bfcache's navigates away and back, the screenshots.
      skipAudits: ["bf-cache", "screenshot-thumbnails", "final-screenshot"],
      disableFullPageScreenshot: true,
      // Without the performance category nothing is timed: no need to wait for the page to settle.
      ...(CATEGORIES.includes("performance") ? {} : QUICK),
      ...(CPU_SLOWDOWN === 4 ? {} : { throttling: { cpuSlowdownMultiplier: CPU_SLOWDOWN } }),
    },
    SMOKE ? SMOKE_CONFIG : undefined,
  );
  if (!runner) throw new Error(`Lighthouse returned nothing for ${urlPath}`);
  const { lhr } = runner;
  if (lhr.runtimeError) {
    if (attempt < 2) return audit(port, urlPath, cookie, name, attempt + 1);
    throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  benchmarkIndexes.push(lhr.environment.benchmarkIndex);
  return lhr;
}

/** RUNS audits of a page, and the one with the median performance score. */
async function medianAudit(port: number, urlPath: string, cookie: string | undefined, name: string): Promise<LighthouseResult> {
  const runs: LighthouseResult[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await audit(port, urlPath, cookie, name));
  runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return runs[Math.floor(runs.length / 2)];
}

const started = Date.now();
const site = await startSite();
const pages = only ? site.pages.filter((p) => only.split("|").some((text) => p.name.includes(text))) : site.pages;
// Playwright's browser measures the byte counts, Chromium's launcher runs Lighthouse: each only when needed.
const browser = withTransfer ? await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) : null;
const chrome = transferOnly ? null : await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS, "--headless=new"], logLevel: "silent" });
const results: PageResult[] = [];
try {
  for (const page of pages) {
    const lhr = chrome ? await medianAudit(chrome.port, page.path, page.cookie, page.name) : null;
    if (lhr && new URL(lhr.finalDisplayedUrl).pathname !== new URL(site.origin + page.path).pathname) {
      throw new Error(`${page.name}: ${page.path} ended at ${lhr.finalDisplayedUrl}`);
    }
    const score = (id: Category) => {
      const category = lhr?.categories[id];
      return category ? Math.round((category.score ?? 0) * 100) : null;
    };
    const problems = lhr
      ? CATEGORIES.flatMap((category) =>
          lhr.categories[category].auditRefs
            .filter((ref) => ref.weight > 0)
            .map((ref) => lhr.audits[ref.id])
            .filter((audit) => audit.score !== null && audit.score < (category === "performance" ? 0.9 : 1))
            .map((audit) => `${category}: ${audit.id} (${audit.displayValue ?? audit.title})${snippets(audit)}`),
        )
      : [];
    const numeric = (id: string) => lhr?.audits[id]?.numericValue ?? NaN;
    const result: PageResult = {
      name: page.name,
      path: page.path,
      scores: { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices") },
      metrics: {
        fcpMs: numeric("first-contentful-paint"),
        lcpMs: numeric("largest-contentful-paint"),
        tbtMs: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
      },
      problems,
      transfer: browser ? await measureTransfer(browser, site.origin, page.path, page.cookie) : null,
    };
    results.push(result);
    console.log(
      `  ${page.name}: ${ALL_CATEGORIES.map((c) => result.scores[c] ?? "–").join(" / ")}${result.transfer ? `, first visit ${kb(result.transfer.firstVisit)}, repeat ${kb(result.transfer.repeatVisit)}` : ""}`,
    );
  }
} finally {
  chrome?.kill();
  await browser?.close();
  await site.stop();
}

/** The elements an accessibility or best-practices audit points at, to find them in the page. */
function snippets(audit: { details?: unknown }): string {
  const items = ((audit.details as { items?: Array<{ node?: { snippet?: string } }> } | undefined)?.items ?? [])
    .map((item) => item.node?.snippet)
    .filter((snippet): snippet is string => typeof snippet === "string");
  return items.length > 0 ? `: ${items.slice(0, 3).map((s) => `\`${s.replace(/\s+/g, " ").slice(0, 160)}\``).join(", ")}` : "";
}

function kb(bytes: number | undefined): string {
  return bytes === undefined ? "–" : `${round(bytes / 1000, 1)} KB`;
}

const below = (value: number | null, target: number) => value !== null && value < target;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

const misses = results.flatMap((r) =>
  [
    below(r.scores.performance, TARGETS.performance) ? `performance ${r.scores.performance}` : null,
    below(r.scores.accessibility, TARGETS.accessibility) ? `accessibility ${r.scores.accessibility}` : null,
    below(r.scores["best-practices"], TARGETS.bestPractices) ? `best practices ${r.scores["best-practices"]}` : null,
    r.transfer && r.transfer.firstVisit > TARGETS.firstVisitKb * 1000 ? `first visit ${kb(r.transfer.firstVisit)}` : null,
    r.transfer && r.transfer.repeatVisit > TARGETS.repeatVisitKb * 1000 ? `repeat visit ${kb(r.transfer.repeatVisit)}` : null,
  ]
    .filter((m) => m !== null)
    .map((m) => `${r.name}: ${m}`),
);
const markdown = [
  "## npm run lighthouse",
  "",
  `${new Date(started).toISOString()} · Lighthouse ${lighthouseVersion()}, mobile preset (simulated slow 4G, ${CPU_SLOWDOWN === 4 ? "4× CPU slowdown" : `CPU slowdown ${CPU_SLOWDOWN}× instead of the preset's 4×`}), ${CHROMIUM_PATH} · ${results.length} pages · ${transferOnly ? "bytes only (--transfer-only)" : SMOKE ? "smoke: the doctype audit alone" : CATEGORIES.join(", ")}${RUNS > 1 ? ` · each page the median of ${RUNS} runs by performance score` : ""}`,
  ...hostLine(),
  `Targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ${TARGETS.bestPractices}; first visit ≤ ${TARGETS.firstVisitKb} KB, repeat visit ≤ ${TARGETS.repeatVisitKb} KB (received, compressed, headers included; 1 KB = 1000 bytes).`,
  "",
  table(
    ["page", "path", "perf.", "a11y", "best pr.", "FCP", "LCP", "TBT", "CLS", "document", "first visit", "repeat"],
    results.map((r) => [
      r.name,
      r.path.length > 40 ? `${r.path.slice(0, 37)}…` : r.path,
      ...ALL_CATEGORIES.map((c) => String(r.scores[c] ?? "–")),
      Number.isNaN(r.metrics.fcpMs) ? "–" : `${round(r.metrics.fcpMs / 1000, 2)} s`,
      Number.isNaN(r.metrics.lcpMs) ? "–" : `${round(r.metrics.lcpMs / 1000, 2)} s`,
      Number.isNaN(r.metrics.tbtMs) ? "–" : `${round(r.metrics.tbtMs, 0)} ms`,
      Number.isNaN(r.metrics.cls) ? "–" : String(round(r.metrics.cls, 3)),
      kb(r.transfer?.document),
      kb(r.transfer?.firstVisit),
      kb(r.transfer?.repeatVisit),
    ]),
  ),
  "",
  "### Audits that cost points",
  "",
  results.flatMap((r) => r.problems.map((p) => `- ${r.name}: ${p}`)).join("\n") || "None.",
  "",
  "### Targets",
  "",
  misses.length === 0 ? `All met on all ${results.length} pages.` : misses.map((m) => `- NOT MET: ${m}`).join("\n"),
].join("\n");

/**
 * How fast this machine was for Lighthouse, and the CPU slowdown that would emulate the preset's
 * mid-tier phone on it (cpuSlowdown.ts). Not in a smoke run, which skips the measurement.
 */
function hostLine(): string[] {
  if (SMOKE || benchmarkIndexes.length === 0) return [];
  const sorted = [...benchmarkIndexes].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const calibrated = calibratedSlowdown(median);
  return [
    `Host: Lighthouse's benchmark index ${Math.round(median)} (median of ${sorted.length} runs, ${Math.round(sorted[0])}–${Math.round(sorted[sorted.length - 1])}); ` +
      (calibrated === null
        ? "too slow for Lighthouse to emulate a mid-tier phone."
        : `Lighthouse's calculator gives ${round(calibrated, 1)}× as the CPU slowdown of a mid-tier phone on this machine (the preset's 4× assumes a benchmark index of 1 500–2 000).`),
  ];
}

function lighthouseVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "lighthouse", "package.json"), "utf8")) as { version: string }).version;
}

console.log(`\n${markdown}`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "latest.md"), markdown + "\n");
fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify({ startedAt: new Date(started).toISOString(), targets: TARGETS, pages: results }, null, 2) + "\n");
