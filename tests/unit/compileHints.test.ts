// The compile hint goes on the scripts every page runs at load, and only on them (decision 0013):
// Remix's entry and root and the chunks they import, read from the build's manifest.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMPILE_HINT, markStartupScripts } from "../../scripts/compileHints";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A build directory with a manifest like Remix's: an entry, a root and one route, each a file. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compile-hints-"));
  dirs.push(dir);
  const manifest = {
    entry: { module: "/build/entry.client-AAAA.js", imports: ["/build/_shared/chunk-REACT.js", "/build/_shared/chunk-HELPERS.js"] },
    routes: {
      root: { id: "root", module: "/build/root-BBBB.js", imports: ["/build/_shared/chunk-LAYOUT.js"] },
      "routes/page": { id: "routes/page", module: "/build/routes/page-CCCC.js", imports: ["/build/_shared/chunk-PAGE.js"] },
    },
  };
  fs.mkdirSync(path.join(dir, "_shared"));
  fs.mkdirSync(path.join(dir, "routes"));
  fs.writeFileSync(path.join(dir, "manifest-1234ABCD.js"), `window.__remixManifest=${JSON.stringify(manifest)};`);
  for (const file of ["entry.client-AAAA.js", "root-BBBB.js", "routes/page-CCCC.js", ...["REACT", "HELPERS", "LAYOUT", "PAGE"].map((c) => `_shared/chunk-${c}.js`)]) {
    fs.writeFileSync(path.join(dir, file), `export const name = ${JSON.stringify(file)};\n`);
  }
  return dir;
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

describe("markStartupScripts", () => {
  it("puts the hint first in the entry, the root and their chunks, and leaves a route's scripts alone", () => {
    const dir = fakeBuild();
    const marked = markStartupScripts(dir).map((file) => path.relative(dir, file)).sort();
    expect(marked).toEqual(["_shared/chunk-HELPERS.js", "_shared/chunk-LAYOUT.js", "_shared/chunk-REACT.js", "entry.client-AAAA.js", "root-BBBB.js"]);
    for (const file of marked) expect(read(dir, file)).toBe(`${COMPILE_HINT}export const name = ${JSON.stringify(file)};\n`);
    for (const file of ["routes/page-CCCC.js", "_shared/chunk-PAGE.js"]) expect(read(dir, file).startsWith("//")).toBe(false);
  });

  it("marks a file once however often the build is finished", () => {
    const dir = fakeBuild();
    markStartupScripts(dir);
    markStartupScripts(dir);
    expect(read(dir, "entry.client-AAAA.js").split(COMPILE_HINT)).toHaveLength(2);
  });

  it("says what is wrong when there is no build", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compile-hints-"));
    dirs.push(dir);
    expect(() => markStartupScripts(dir)).toThrow(/No Remix manifest/);
  });
});
