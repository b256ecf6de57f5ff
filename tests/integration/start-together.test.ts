// Two instances starting at once on an empty database (issue 17 §2): each runs what `npm start`
// does before serving (prisma/prepare.ts) in its own process. They take turns under the start
// lock: the database is migrated once and seeded once, and both start.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDb, type PrismaClient } from "../../app/db.server";
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS } from "../../prisma/demo-accounts";
import { migrationsFor } from "../../prisma/migrate";
import { removeSqliteFiles, testPostgresServer } from "../support/testDb";

const root = path.resolve(import.meta.dirname, "../..");
const server = testPostgresServer();
let url: string;
let removeDatabase: () => Promise<void>;

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (server) {
    const name = `t_start_together_${process.pid}`;
    await onServer(`CREATE DATABASE "${name}"`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    removeDatabase = () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const file = path.join(root, "var", "test", `start-together-${process.pid}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const remove = async () => removeSqliteFiles(file);
    await remove();
    url = `file:${file}`;
    removeDatabase = remove;
  }
});

afterAll(async () => {
  await removeDatabase();
});

function prepare(): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "prisma/prepare.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: url,
      // Given, not generated into var/: instances must share them (README, Production).
      SESSION_SECRET: "start-together-session-".padEnd(40, "s"),
      AUDIT_KEY: "start-together-audit-key-".padEnd(40, "a"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("two instances starting together on an empty database", () => {
  it("migrate it once and seed it once, and both start", { timeout: 120_000 }, async () => {
    const runs = await Promise.all([prepare(), prepare()]);
    for (const run of runs) expect(run, run.output).toMatchObject({ code: 0 });
    const outputs = runs.map((r) => r.output);
    // One applied every migration and seeded; the other found nothing left to do.
    expect(outputs.filter((o) => /Applied \d+ migration/.test(o))).toHaveLength(1);
    expect(outputs.filter((o) => /Seeded demo data/.test(o))).toHaveLength(1);

    const db: PrismaClient = await connectDb(url);
    try {
      const history = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(history.map((h) => h.migration_name).sort()).toEqual(migrationsFor(url).map((m) => m.name));
      expect(await db.department.count()).toBe(DEMO_DEPARTMENTS.length);
      expect(await db.user.count()).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await db.$disconnect();
    }
  });
});
