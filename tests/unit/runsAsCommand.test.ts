// The one test of "is this module the command being run?", which each script's entry point asks.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runsAsCommand } from "../../scripts/runsAsCommand";

const script = path.resolve("scripts/admin-create.ts");
const url = pathToFileURL(script).href;
const argv = process.argv;

afterEach(() => {
  process.argv = argv;
});

const running = (command: string | undefined) => {
  process.argv = command === undefined ? [argv[0]!] : [argv[0]!, command];
};

describe("runsAsCommand", () => {
  it("is true for the script named as the command, by absolute or relative path", () => {
    running(script);
    expect(runsAsCommand(url)).toBe(true);
    running(path.relative(process.cwd(), script));
    expect(runsAsCommand(url)).toBe(true);
  });

  it("is false when another script is the command, or there is none (an import, a test, a REPL)", () => {
    running(path.resolve("scripts/audit-verify.ts"));
    expect(runsAsCommand(url)).toBe(false);
    running(undefined);
    expect(runsAsCommand(url)).toBe(false);
  });
});
