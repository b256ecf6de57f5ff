// A throw-away PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster in a
// temporary folder, on a free loopback port, without durability (fsync off), stopped at the end.
// Run as root, the server runs as the `postgres` system user, as PostgreSQL requires.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresServer {
  /** The server's address with the `postgres` maintenance database: `postgresql://portal@127.0.0.1:PORT/postgres`. */
  url: string;
  stop: () => void;
}

/** The folder of Debian's PostgreSQL programs (the newest installed), or null. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the user the cluster belongs to. */
function runAsOwner(program: string, args: string[]): void {
  const result = asRoot
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [program, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")], { encoding: "utf8" })
    : spawnSync(program, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(program)} failed: ${result.stderr || result.stdout}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("PostgreSQL is not installed. Run: sudo apt-get install -y postgresql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pg-"));
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  runAsOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "portal", "--no-sync"]);
  runAsOwner(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
    "-l",
    path.join(dir, "log"),
    "-w",
    "start",
  ]);
  let stopped = false;
  return {
    url: `postgresql://portal@127.0.0.1:${port}/postgres`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
