// What `remix build` leaves to do before its assets are served (npm "postbuild", and `npm
// start` after it builds): the compile hint on the start-up scripts, then the compressed copies,
// made from the final bytes.
import { markStartupScripts } from "./compileHints";
import { ASSETS_DIR, precompress } from "./precompress";
import { runsAsCommand } from "./runsAsCommand";

export function finishBuild(dir: string = ASSETS_DIR): { hinted: number; compressed: number } {
  return { hinted: markStartupScripts(dir).length, compressed: precompress(dir) };
}

if (runsAsCommand(import.meta.url)) {
  const { hinted, compressed } = finishBuild();
  console.log(`Marked ${hinted} start-up scripts for eager compilation; precompressed ${compressed} assets in public/build/ (brotli and gzip)`);
}
