import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the command being run, as in
 * `tsx scripts/x.ts`, rather than imported by another module or a test.
 */
export function runsAsCommand(moduleUrl: string): boolean {
  const command = process.argv[1];
  return command !== undefined && path.resolve(command) === fileURLToPath(moduleUrl);
}
