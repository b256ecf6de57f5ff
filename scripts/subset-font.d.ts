// subset-font 2.9 ships no types: the part scripts/build-styles.ts uses (its README's options).
declare module "subset-font" {
  interface SubsetOptions {
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    /** OpenType feature tags to keep; every other feature, and the glyphs only it reaches, goes. */
    keepFeatures?: string[];
    /** Every character the font maps, instead of `text`'s. */
    keepAllGlyphs?: boolean;
  }
  export default function subsetFont(font: Buffer, text: string | undefined, options?: SubsetOptions): Promise<Buffer>;
}
