// Compile USWDS from its Sass packages (app/styles/uswds.scss: only the components and utilities
// the portal uses) to app/generated/uswds.css, which root.tsx imports. Dart Sass takes about half
// a minute for it, so it runs only when the Sass file or the installed USWDS changed.
// Runs before `remix build` (npm "prebuild") and from `npm start`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = path.join(root, "app", "styles", "uswds.scss");
export const USWDS_CSS = path.join(root, "app", "generated", "uswds.css");
const USWDS_PACKAGES = path.join(root, "node_modules", "@uswds", "uswds", "packages");
const INPUTS = [SOURCE, path.join(root, "node_modules", "@uswds", "uswds", "package.json")];

function stale(): boolean {
  if (!fs.existsSync(USWDS_CSS)) return true;
  const built = fs.statSync(USWDS_CSS).mtimeMs;
  return INPUTS.some((input) => fs.statSync(input).mtimeMs > built);
}

/** Compiles when stale; returns whether it did. */
export function buildStyles(): boolean {
  if (!stale()) return false;
  // USWDS 3's own Sass still uses deprecated Sass features; those warnings are USWDS's to fix.
  const result = sass.compile(SOURCE, { loadPaths: [USWDS_PACKAGES], style: "compressed", quietDeps: true });
  fs.mkdirSync(path.dirname(USWDS_CSS), { recursive: true });
  fs.writeFileSync(USWDS_CSS, result.css);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(buildStyles() ? "Compiled USWDS to app/generated/uswds.css" : "USWDS styles are up to date");
}
