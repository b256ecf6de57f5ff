// Client JavaScript per route: every module a first visit loads (the entry, the root route,
// the route and its parents, and their shared chunks), from the build's asset manifest, at the
// size the server sends them: their brotli copy made at build time (scripts/precompress.ts).
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./util";

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}

interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
  url: string;
}

export interface RouteJs {
  route: string;
  files: number;
  /** Bytes as served to a browser: the brotli copy's. */
  brotliBytes: number;
}

function fileFor(url: string): string {
  // "/build/…" is served from public/build (server.ts).
  return path.join(ROOT, "public", url);
}

function routeModules(manifest: Manifest, route: ManifestRoute): string[] {
  const own = [route.module, ...(route.imports ?? [])];
  const parent = route.parentId ? manifest.routes[route.parentId] : undefined;
  return parent ? [...routeModules(manifest, parent), ...own] : own;
}

interface ServerBuild {
  assets: Manifest;
  routes: Record<string, { module: { default?: unknown } }>;
}

/** The current build: its asset manifest, and which routes render a page at all. */
async function readBuild(): Promise<ServerBuild> {
  return (await import(path.join(ROOT, "build", "index.js"))) as ServerBuild;
}

export async function clientJs(): Promise<RouteJs[]> {
  const build = await readBuild();
  const manifest = build.assets;
  const sizes = new Map<string, number>();
  const served = (url: string) => {
    // A file too small to gain from brotli has no copy, and is sent as it is.
    const file = [`${fileFor(url)}.br`, fileFor(url)].find((f) => fs.existsSync(f))!;
    if (!sizes.has(url)) sizes.set(url, fs.statSync(file).size);
    return sizes.get(url)!;
  };
  return Object.values(manifest.routes)
    // Resource routes (no component: /healthz, CSV, iCalendar) load no JavaScript.
    .filter((r) => r.id !== "root" && build.routes[r.id]?.module.default !== undefined)
    .map((route) => {
      const files = [...new Set([manifest.entry.module, ...manifest.entry.imports, ...routeModules(manifest, route)])];
      return { route: route.id, files: files.length, brotliBytes: files.reduce((sum, f) => sum + served(f), 0) };
    })
    .sort((a, b) => b.brotliBytes - a.brotliBytes);
}
