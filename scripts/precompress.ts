// A brotli (.br) and a gzip (.gz) copy of every text asset of the build, beside it, made once
// here at the highest levels (too slow per request, free at build time); static.server.ts serves
// them. Run by finishBuild.ts, after `remix build`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ASSETS_DIR = path.join(root, "public", "build");

const TEXT = /\.(js|css|svg|json|txt)$/;

export const ENCODINGS = {
  br: (source: Buffer) =>
    brotliCompressSync(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
  gz: (source: Buffer) => gzipSync(source, { level: constants.Z_BEST_COMPRESSION }),
};

/** Writes file.br and file.gz for every text file under dir (kept only where smaller); returns how many files. */
export function precompress(dir: string = ASSETS_DIR): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = fs.readFileSync(file);
    for (const [extension, compress] of Object.entries(ENCODINGS)) {
      const compressed = compress(source);
      if (compressed.length < source.length) fs.writeFileSync(`${file}.${extension}`, compressed);
      else fs.rmSync(`${file}.${extension}`, { force: true });
    }
    count++;
  }
  return count;
}
