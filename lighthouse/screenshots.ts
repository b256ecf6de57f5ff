// The look of every audited page, for checking that a change of stylesheet loses no style
// (issue 20): full-page screenshots with JavaScript on (desktop and phone widths) and off
// (desktop), and the web fonts each page downloaded.
//   tsx lighthouse/screenshots.ts --out=var/screens/before
//   tsx lighthouse/screenshots.ts --out=var/screens/after --compare=var/screens/before
// --only=<text in the page name> takes those pages only (a pending sign-in or enrolment, seeded as
// of the compared run's instant, expires ten minutes later: compare the signed-out pages soon after).
// With --compare it prints, per screenshot, the share of pixels that differ (pixelmatch) and
// writes a diff image beside each one that differs, and seeds its data as of the same instant
// as the run it compares with, so times shown on the pages agree. Needs a build (`npm run build`).
import { chromium, type Browser } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { ROOT } from "../bench/util";
import { startSite } from "./site";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";
import { cookiesFor } from "./transfer";

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const out = path.resolve(ROOT, option("out") ?? "var/screens/latest");
const compareWith = option("compare");
const only = option("only");
const VIEWS = [
  { key: "desktop", width: 1280, height: 900, javaScriptEnabled: true },
  { key: "phone", width: 390, height: 844, javaScriptEnabled: true },
  { key: "desktop-nojs", width: 1280, height: 900, javaScriptEnabled: false },
];

const fileName = (page: string, view: string) => `${page.replace(/[^a-zA-Z0-9]+/g, "-")}.${view}.png`;

async function capture(browser: Browser, origin: string, pages: Awaited<ReturnType<typeof startSite>>["pages"]) {
  const fonts: Record<string, string[]> = {};
  for (const page of pages) {
    for (const view of VIEWS) {
      const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, javaScriptEnabled: view.javaScriptEnabled });
      await context.addCookies(cookiesFor(page.cookie, origin));
      const tab = await context.newPage();
      const loaded: string[] = [];
      tab.on("requestfinished", (r) => {
        if (r.resourceType() === "font") loaded.push(path.basename(new URL(r.url()).pathname));
      });
      await tab.goto(origin + page.path, { waitUntil: "load" });
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
      await tab.screenshot({ path: path.join(out, fileName(page.name, view.key)), fullPage: true, animations: "disabled", caret: "hide" });
      if (view.key === "desktop") fonts[page.name] = [...new Set(loaded)].sort();
      await context.close();
    }
  }
  return fonts;
}

function compare(before: string, after: string): { differing: number; total: number; sizeChanged: boolean } {
  const a = PNG.sync.read(fs.readFileSync(before));
  const b = PNG.sync.read(fs.readFileSync(after));
  if (a.width !== b.width || a.height !== b.height) {
    return { differing: NaN, total: a.width * a.height, sizeChanged: true };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  if (differing > 0) fs.writeFileSync(after.replace(/\.png$/, ".diff.png"), PNG.sync.write(diff));
  return { differing, total: a.width * a.height, sizeChanged: false };
}

const base = compareWith ? path.resolve(ROOT, compareWith) : undefined;
const now = base ? new Date(fs.readFileSync(path.join(base, "now.txt"), "utf8").trim()) : new Date();
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "now.txt"), now.toISOString());
const site = await startSite(now);
const pages = only ? site.pages.filter((p) => p.name.includes(only)) : site.pages;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const fonts = await capture(browser, site.origin, pages);
  fs.writeFileSync(path.join(out, "fonts.json"), JSON.stringify(fonts, null, 2) + "\n");
  const allFonts = [...new Set(Object.values(fonts).flat())].sort();
  console.log(`${pages.length} pages × ${VIEWS.length} views in ${out}; web fonts downloaded: ${allFonts.join(", ")}`);
  if (base) {
    let changed = 0;
    for (const page of pages) {
      for (const view of VIEWS) {
        const name = fileName(page.name, view.key);
        const result = compare(path.join(base, name), path.join(out, name));
        if (result.sizeChanged || result.differing > 0) {
          changed++;
          console.log(
            `  ${name}: ${result.sizeChanged ? "page size changed" : `${result.differing} pixels differ (${((100 * result.differing) / result.total).toFixed(3)} %)`}`,
          );
        }
      }
    }
    console.log(`${changed} of ${pages.length * VIEWS.length} screenshots differ from ${base}`);
  }
} finally {
  await browser.close();
  await site.stop();
}
