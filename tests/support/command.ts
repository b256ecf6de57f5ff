// Running one of the portal's commands (scripts/…) as its own process, as an operator would.
import { execFileSync } from "node:child_process";

export function runCommand(script: string, args: string[], env: Record<string, string>): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}
