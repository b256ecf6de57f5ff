// Starts and stops the benchmark's server child process.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./util";

export interface Running {
  origin: string;
  /** CPU time the server process has used so far (all its threads), in ms; NaN where /proc is not. */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

/** Linux's /proc/<pid>/stat: utime and stime (fields 14 and 15) in clock ticks of 1/100 s. */
function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export async function startServer(env: Record<string, string>, port: number): Promise<Running> {
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "bench", "serve.ts")], {
    cwd: ROOT,
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // tsx runs the server in a process of its own: its pid comes with the "listening" line.
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const listening = /listening \d+ pid (\d+)/.exec(chunk.toString());
      if (listening) resolve(Number(listening[1]));
    });
    child.once("exit", (code) => reject(new Error(`The bench server exited (${code}) before listening:\n${output}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    cpuMs: () => cpuMsOf(pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
