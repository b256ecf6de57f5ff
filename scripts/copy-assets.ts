// Copy the USWDS stylesheet and the fonts and images it refers to into public/uswds/.
// Runs before `remix build` (npm "prebuild") and from `npm start`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "node_modules", "@uswds", "uswds", "dist");
const target = path.join(root, "public", "uswds");

const COPIES: Array<[string, string]> = [
  ["css/uswds.min.css", "css/uswds.min.css"],
  ["fonts/source-sans-pro", "fonts/source-sans-pro"],
  ["fonts/merriweather", "fonts/merriweather"],
  ["fonts/roboto-mono", "fonts/roboto-mono"],
  ["img/usa-icons", "img/usa-icons"],
  ["img/usa-icons-bg", "img/usa-icons-bg"],
];

export function copyUswdsAssets(): void {
  for (const [from, to] of COPIES) {
    fs.cpSync(path.join(dist, from), path.join(target, to), { recursive: true });
  }
  // The loose images the stylesheet refers to (checkboxes, file icons, loader…).
  for (const name of fs.readdirSync(path.join(dist, "img"))) {
    if (/\.(svg|gif|png|jpg)$/.test(name)) {
      fs.cpSync(path.join(dist, "img", name), path.join(target, "img", name));
    }
  }
}

export function uswdsAssetsPresent(): boolean {
  return fs.existsSync(path.join(target, "css", "uswds.min.css"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  copyUswdsAssets();
  console.log("Copied USWDS assets to public/uswds/");
}
