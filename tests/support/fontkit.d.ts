// fontkit 2 ships no types: the part tests/unit/fonts.test.ts reads (its README's API).
declare module "fontkit" {
  interface Glyph {
    id: number;
    advanceWidth: number;
    path: { toSVG(): string };
  }
  export interface Font {
    numGlyphs: number;
    characterSet: number[];
    availableFeatures: string[];
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string, features?: string[]): { glyphs: Glyph[]; positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }> };
  }
  export function create(buffer: Buffer): Font;
}
