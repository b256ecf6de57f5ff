// `npm start` (issue 3): migrates, seeds an empty database, serves; a second start keeps the data
// and does not seed again; a bad setting stops it with one line naming the variable.
import Database from "better-sqlite3";
import { spawn, spawnSync } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import { expect, test } from "./fixtures";

const DB = "var/start-test.db";
const PORT = "3501";
const env = { ...process.env, PORT, DATABASE_URL: `file:./${DB}`, APP_URL: `http://127.0.0.1:${PORT}`, MAIL_DIR: "./var/start-test-mail" };

function clean() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DB + suffix, { force: true });
  rmSync("var/start-test-mail", { recursive: true, force: true });
}

/** Starts the portal, waits until it serves, returns what it printed; then stops it. */
async function startOnce(extraEnv: Record<string, string> = {}): Promise<string> {
  // Its own process group, so stopping it stops tsx's node process too.
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  try {
    await expect.poll(() => output, { timeout: 120_000 }).toContain("listening");
    const response = await fetch(`http://127.0.0.1:${PORT}/healthz`);
    expect(await response.text()).toBe("ok");
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  }
  return output;
}

function counts() {
  const sqlite = new Database(DB, { readonly: true });
  const one = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const result = {
    users: one(`SELECT COUNT(*) AS n FROM "User"`),
    requests: one(`SELECT COUNT(*) AS n FROM "Request"`),
    audit: one(`SELECT COUNT(*) AS n FROM "AuditEntry"`),
  };
  sqlite.close();
  return result;
}

test.afterAll(clean);

test("a first start seeds the demo data; a second keeps it and does not seed again", async () => {
  test.setTimeout(240_000);
  clean();
  const first = await startOnce();
  expect(first).toContain("Seeded demo data");
  // Issue 15, item 5: var/, the mail folder and the database are the portal's user's only.
  const mode = (file: string) => statSync(file).mode & 0o777;
  expect([mode("var"), mode("var/start-test-mail"), mode(DB)]).toEqual([0o700, 0o700, 0o600]);
  const seeded = counts();
  expect(seeded.users).toBe(7);
  expect(seeded.requests).toBeGreaterThan(0);

  const second = await startOnce();
  expect(second).not.toContain("Seeded");
  expect(counts()).toEqual(seeded);
});

test("in production an empty database gets no demo data, and the start says how to make the first administrator", async () => {
  test.setTimeout(240_000);
  clean();
  const output = await startOnce({ NODE_ENV: "production", SESSION_SECRET: "p".repeat(40), AUDIT_KEY: "k".repeat(64) });
  expect(output).not.toContain("Seeded");
  expect(output).toContain("npm run admin:create -- --email");
  expect(counts()).toEqual({ users: 0, requests: 0, audit: 0 });
});

test("a bad setting stops the start with one line naming it", () => {
  const run = spawnSync("node_modules/.bin/tsx", ["scripts/start.ts"], { env: { ...env, PORT: "abc" }, encoding: "utf8" });
  expect(run.status).toBe(1);
  const lines = run.stderr.split("\n").filter((line) => line.trim() && !line.startsWith("npm warn"));
  expect(lines).toEqual([`Setting PORT is invalid: expected a port number 1-65535, got "abc"`]);
});
