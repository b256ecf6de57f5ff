// Compile USWDS from its Sass packages (app/styles/uswds.scss: only the components and utilities
// the portal uses), drop the rules no page can match, write it to app/generated/uswds.css, which
// root.tsx imports, and make the Source Sans faces it declares smaller (below). Dart Sass takes
// about half a minute, so each output is made only when its inputs changed. Runs before
// `remix build` (npm "prebuild") and from `npm start`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";
import subsetFont from "subset-font";
import { runsAsCommand } from "./runsAsCommand";
import { classWords, trimUnmatchable } from "./trimStyles";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = path.join(root, "app", "styles", "uswds.scss");
/** What Sass makes of uswds.scss, every rule of the packages listed there. */
export const USWDS_FULL_CSS = path.join(root, "app", "generated", "uswds.full.css");
export const USWDS_CSS = path.join(root, "app", "generated", "uswds.css");
export const FONTS_DIR = path.join(root, "app", "generated", "fonts");
const USWDS = path.join(root, "node_modules", "@uswds", "uswds");
const USWDS_PACKAGES = path.join(USWDS, "packages");
const USWDS_FONTS = path.join(USWDS_PACKAGES, "uswds-core", "src", "assets", "fonts", "source-sans-pro");
const USWDS_VERSION = path.join(USWDS, "package.json");
const TRIM_SCRIPT = path.join(root, "scripts", "trimStyles.ts");

/** The faces uswds.scss declares (regular, italic, bold), by file name. */
export const FACES = ["regular", "italic", "bold"].map((face) => `sourcesanspro-${face}-webfont.woff2`);

/**
 * The OpenType features a browser applies to text by default (kerning, the fi/fl ligatures, and
 * the shaping ones); the portal's CSS turns on no other ("kern" and "tnum", which the face lacks).
 * USWDS's Source Sans also has small capitals, old-style figures and fractions: features a page
 * must ask for (font-variant), with about 150 glyphs of their own. Dropping them and their glyphs
 * makes the regular and bold faces a third smaller (the italic a fifth) and changes nothing
 * drawn: every character the face maps is kept (Basic Latin, Latin-1, the 85 letters of Latin
 * Extended-A it has, Ș/Ț, quotes, dashes, €, ™…), with the same outlines, widths and kerning
 * (tests/unit/fonts.test.ts).
 */
const DEFAULT_FEATURES = ["ccmp", "locl", "mark", "mkmk", "kern", "liga", "clig", "calt", "rlig", "rclt", "curs", "dist", "abvm", "blwm"];

function stale(output: string, inputs: string[]): boolean {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return inputs.some((input) => fs.statSync(input).mtimeMs > built);
}

function compileStyles(): boolean {
  if (!stale(USWDS_FULL_CSS, [SOURCE, USWDS_VERSION])) return false;
  // USWDS 3's own Sass still uses deprecated Sass features; those warnings are USWDS's to fix.
  const result = sass.compile(SOURCE, { loadPaths: [USWDS_PACKAGES], style: "compressed", quietDeps: true });
  fs.mkdirSync(path.dirname(USWDS_FULL_CSS), { recursive: true });
  fs.writeFileSync(USWDS_FULL_CSS, result.css);
  return true;
}

/** The portal's own code: every class a page can have is written out whole in one of these files. */
export function appSources(): string[] {
  const app = path.join(root, "app");
  return fs
    .readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(`generated${path.sep}`))
    .map((file) => path.join(app, file));
}

/** The stylesheet without the rules no page can match (scripts/trimStyles.ts). */
function trimStyles(): boolean {
  const sources = appSources();
  if (!stale(USWDS_CSS, [USWDS_FULL_CSS, fileURLToPath(import.meta.url), TRIM_SCRIPT, ...sources])) return false;
  const named = new Set(sources.flatMap((file) => classWords(fs.readFileSync(file, "utf8"))));
  const trimmed = trimUnmatchable(fs.readFileSync(USWDS_FULL_CSS, "utf8"), named);
  const previous = fs.existsSync(USWDS_CSS) ? fs.readFileSync(USWDS_CSS, "utf8") : null;
  fs.writeFileSync(USWDS_CSS, trimmed);
  return trimmed !== previous;
}

/** Each face without the glyphs and rules of the features no page turns on. */
async function subsetFaces(): Promise<boolean> {
  const script = fileURLToPath(import.meta.url);
  const outputs = FACES.map((face) => path.join(FONTS_DIR, face));
  if (!outputs.some((output) => stale(output, [USWDS_VERSION, script]))) return false;
  fs.mkdirSync(FONTS_DIR, { recursive: true });
  for (const face of FACES) {
    const original = fs.readFileSync(path.join(USWDS_FONTS, face));
    // keepAllGlyphs keeps every character the face maps (hb-subset's unicodes=*), and so every
    // glyph those reach through the kept features: the face is cut by features, never by characters.
    const smaller = await subsetFont(original, undefined, { targetFormat: "woff2", keepFeatures: DEFAULT_FEATURES, keepAllGlyphs: true });
    fs.writeFileSync(path.join(FONTS_DIR, face), smaller);
  }
  return true;
}

/** Makes what is stale; returns whether it made anything. */
export async function buildStyles(): Promise<boolean> {
  const compiled = compileStyles();
  const trimmed = trimStyles();
  const subset = await subsetFaces();
  return compiled || trimmed || subset;
}

if (runsAsCommand(import.meta.url)) {
  console.log((await buildStyles()) ? "Made app/generated/uswds.css and its fonts" : "USWDS styles and fonts are up to date");
}
