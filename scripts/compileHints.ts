// V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136 and later; other
// browsers read a comment) at the top of the scripts every page runs as it loads: Remix's entry
// and root and the chunks they import (React, React DOM, Remix). Without it V8 compiles each
// function on its first call, on the main thread: hydration's first call into React DOM's bundled
// module compiled it whole, 35 ms on this machine and 140 ms at Lighthouse's 4× phone slowdown.
// With it the files compile while they download, off the main thread. Decision 0013.
import fs from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

interface RemixManifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
}

/** The build's manifest, as `remix build` writes it: `window.__remixManifest={…};`. */
function readManifest(dir: string): RemixManifest {
  const file = fs.readdirSync(dir).find((name) => /^manifest-[A-Z0-9]+\.js$/.test(name));
  if (!file) throw new Error(`No Remix manifest in ${dir}: run remix build first`);
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "")) as RemixManifest;
}

/** The files of the scripts every page runs at load, under `dir` (public/build). */
export function startupScripts(dir: string, publicPath = "/build/"): string[] {
  const { entry, routes } = readManifest(dir);
  const urls = new Set([entry.module, ...(entry.imports ?? []), routes.root.module, ...(routes.root.imports ?? [])]);
  return [...urls].map((url) => path.join(dir, url.slice(publicPath.length)));
}

/** Puts the compile hint at the top of each start-up script that lacks it; returns the files. */
export function markStartupScripts(dir: string): string[] {
  const files = startupScripts(dir);
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    if (!source.startsWith(COMPILE_HINT)) fs.writeFileSync(file, COMPILE_HINT + source);
  }
  return files;
}
