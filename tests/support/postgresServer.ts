// A throw-away PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster in a
// temporary folder, on a free loopback port, without durability (fsync off), stopped at the end.
// Run as root, the server runs as the `postgres` system user, as PostgreSQL requires.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./freePort";
import { runsAsCommand } from "../../scripts/runsAsCommand";

export interface PostgresServer {
  /** The server's address with the `postgres` maintenance database: `postgresql://portal@127.0.0.1:PORT/postgres`. */
  url: string;
  /** Its folder (data and socket), for stopping it from another process. */
  dir: string;
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
    dir,
    stop: () => {
      if (stopped) return;
      stopped = true;
      stopPostgres(dir);
    },
  };
}

/** Stops the server whose folder this is, and removes the folder. */
export function stopPostgres(dir: string): void {
  const bin = postgresBinaries();
  try {
    if (bin && fs.existsSync(path.join(dir, "data", "postmaster.pid"))) {
      runAsOwner(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-m", "immediate", "stop"]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A new, empty database on the server at `serverUrl` (its maintenance database); returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// `tsx tests/support/postgresServer.ts start|stop <file>`: for `npm test`, which keeps one server
// for the PostgreSQL runs and stops it on exit, failure included. The file holds its url and folder.
// `… createdb <server url> <name>` makes a database there and prints its URL (the browser tests').
if (runsAsCommand(import.meta.url)) {
  const [command, file, name] = process.argv.slice(2);
  if (command === "createdb") {
    console.log(await createDatabase(file, name));
  } else if (command === "start") {
    const server = await startPostgres();
    fs.writeFileSync(file, JSON.stringify({ url: server.url, dir: server.dir }));
    console.log(server.url);
  } else if (command === "stop" && fs.existsSync(file)) {
    stopPostgres((JSON.parse(fs.readFileSync(file, "utf8")) as { dir: string }).dir);
    fs.rmSync(file, { force: true });
  }
}
