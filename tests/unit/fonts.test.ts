// The Source Sans faces the pages download (issue 20): scripts/build-styles.ts cuts USWDS's faces
// down to the OpenType features a browser applies by default. Nothing drawn may change: every
// character the original maps, with the same outline and width, and text laid out (kerning, the
// fi/fl ligatures) to the same glyphs at the same positions. tests/support/globalSetup.ts makes them.
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { FACES, FONTS_DIR } from "../../scripts/build-styles";

const ORIGINALS = path.resolve("node_modules/@uswds/uswds/packages/uswds-core/src/assets/fonts/source-sans-pro");

/** Names as the county's staff may have them, and the punctuation and signs the pages use. */
const SAMPLE = [
  "Zoë Ñúñez-O’Brien, Łukasz Wiśniewski, Şerban Ţărănescu, Dvořák, Ærøskøbing, Weiß",
  "“Office” fiscal file — 1,234.56 € · $ 9 % ½ © ™ … ‘quoted’ AVATAR Tó Wa Ye LT",
].join(" ");

/** The characters a face maps, without the end marker (U+FFFF) of a format 4 cmap that fontkit lists. */
const characters = (font: fontkit.Font) => font.characterSet.filter((c) => c !== 0xffff).sort((a, b) => a - b);

const faces = FACES.map((face) => ({
  face,
  original: fontkit.create(fs.readFileSync(path.join(ORIGINALS, face))),
  served: fontkit.create(fs.readFileSync(path.join(FONTS_DIR, face))),
}));

describe("the served Source Sans faces", () => {
  it.each(faces)("$face maps every character the original maps, drawn alike", ({ original, served }) => {
    expect(characters(served)).toEqual(characters(original));
    // Latin-1 complete, for names with accents. (USWDS's face has 85 of Latin Extended-A's 128,
    // all kept: Polish, Czech, Romanian, Turkish, Hungarian…; the rest fall back as before.)
    for (let c = 0xa0; c <= 0xff; c++) expect(served.characterSet).toContain(c);
    for (const c of original.characterSet) {
      const [a, b] = [original.glyphForCodePoint(c), served.glyphForCodePoint(c)];
      expect({ c, width: b.advanceWidth, outline: b.path.toSVG() }).toEqual({ c, width: a.advanceWidth, outline: a.path.toSVG() });
    }
  });

  it.each(faces)("$face lays text out as the original does (kerning, ligatures)", ({ original, served }) => {
    const [a, b] = [original.layout(SAMPLE), served.layout(SAMPLE)];
    expect(b.glyphs.map((g) => g.path.toSVG())).toEqual(a.glyphs.map((g) => g.path.toSVG()));
    expect(b.positions).toEqual(a.positions);
    // The ligatures were applied, so the comparison covers them.
    expect(a.glyphs.length).toBeLessThan([...SAMPLE].length);
  });

  it.each(faces)("$face keeps no feature a page would have to ask for, and is smaller", ({ face, original, served }) => {
    expect(original.availableFeatures).toEqual(expect.arrayContaining(["onum", "frac", "numr", "dnom"]));
    expect(served.availableFeatures.sort()).toEqual(["kern", "liga"]);
    expect(served.numGlyphs).toBeLessThan(original.numGlyphs);
    expect(fs.statSync(path.join(FONTS_DIR, face)).size).toBeLessThan(0.8 * fs.statSync(path.join(ORIGINALS, face)).size);
  });
});
