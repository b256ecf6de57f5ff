// A fresh, migrated database for one test file: the real engine, not a mock. A SQLite file by
// default; a database of its own on the tests' PostgreSQL server when TEST_DATABASE_URL names
// one (`npm test` runs the integration tests both ways).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { isPostgresUrl } from "../../app/db/databaseUrl";
import { connectDb, type PrismaClient } from "../../app/db.server";
import { migrateDatabase } from "../../prisma/migrate";

const root = path.resolve(import.meta.dirname, "../..");

export interface TestDb {
  db: PrismaClient;
  url: string;
  /** Which engine the test runs on, for the few checks that differ by design. */
  engine: "sqlite" | "postgres";
  /** The SQLite file, for tests that copy or open it directly; null on PostgreSQL. */
  file: string | null;
  /**
   * Keeps the database as it is now, for restore(). Disconnects `db` first (it reconnects on
   * its next query); a later checkpoint replaces the earlier one.
   */
  checkpoint: () => Promise<void>;
  /**
   * Puts the database back as it was at the last checkpoint(), for tests that each change the
   * same starting state. Disconnects `db` first; it reconnects on its next query.
   */
  restore: () => Promise<void>;
  cleanup: () => Promise<void>;
}

/** The PostgreSQL server the tests were asked to use, if any (its maintenance database's URL). */
export function testPostgresServer(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  return url && isPostgresUrl(url) ? url : null;
}

async function onServer<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A SQLite database's file and those beside it: the WAL, its index and the migration's start lock. */
export function removeSqliteFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", ".start-lock"]) fs.rmSync(file + suffix, { force: true });
}

function databaseOn(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Where vitest's global set-up left the migrated database that each test file's database copies. */
const TEMPLATE_VARIABLE = "TEST_MIGRATED_TEMPLATE";

function migratedTemplate(): string {
  const template = process.env[TEMPLATE_VARIABLE];
  if (!template) throw new Error(`${TEMPLATE_VARIABLE} is not set: tests/support/templateGlobalSetup.ts makes it before the tests`);
  return template;
}

/**
 * Applies the migrations once for the whole run, to a SQLite file or a PostgreSQL database that
 * each test file's database is then a copy of (applying them took 0.5–0.9 s a file on SQLite,
 * 0.2–0.3 s on PostgreSQL; a copy takes a few milliseconds, or 50–70 on PostgreSQL). Returns its removal.
 */
export async function createMigratedTemplate(): Promise<() => Promise<void>> {
  const server = testPostgresServer();
  if (server) {
    const database = `t_migrated_${process.pid}_${Date.now().toString(36)}`;
    await onServer(server, (client) => client.query(`CREATE DATABASE "${database}"`));
    await migrateDatabase(databaseOn(server, database));
    process.env[TEMPLATE_VARIABLE] = database;
    return () => onServer(server, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).then(() => undefined);
  }
  const dir = path.join(root, "var", "test");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `migrated-${process.pid}.db`);
  removeSqliteFiles(file);
  await migrateDatabase(`file:${file}`);
  process.env[TEMPLATE_VARIABLE] = file;
  return async () => removeSqliteFiles(file);
}

async function createPostgresTestDb(name: string, server: string): Promise<TestDb> {
  const database = `t_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
  await onServer(server, (client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${migratedTemplate()}"`));
  const url = databaseOn(server, database);
  const db = await connectDb(url);
  // The checkpoint is a database of its own, copied as a template: CREATE DATABASE … TEMPLATE
  // needs no connection to the template, hence the disconnects.
  const pristine = `${database}_pristine`;
  let checkpointed = false;
  return {
    db,
    url,
    engine: "postgres",
    file: null,
    checkpoint: async () => {
      await db.$disconnect();
      await onServer(server, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${pristine}"`);
        await client.query(`CREATE DATABASE "${pristine}" TEMPLATE "${database}"`);
      });
      checkpointed = true;
    },
    restore: async () => {
      if (!checkpointed) throw new Error("restore() before checkpoint()");
      await db.$disconnect();
      await onServer(server, async (client) => {
        await client.query(`DROP DATABASE "${database}" WITH (FORCE)`);
        await client.query(`CREATE DATABASE "${database}" TEMPLATE "${pristine}"`);
      });
    },
    cleanup: async () => {
      await db.$disconnect();
      await onServer(server, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await client.query(`DROP DATABASE IF EXISTS "${pristine}" WITH (FORCE)`);
      });
    },
  };
}

async function createSqliteTestDb(name: string): Promise<TestDb> {
  const dir = path.join(root, "var", "test");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.db`);
  removeSqliteFiles(file);
  fs.copyFileSync(migratedTemplate(), file);
  const url = `file:${file}`;
  const db = await connectDb(url);
  // The checkpoint is the file's bytes, taken with no connection open: SQLite has then moved
  // the WAL into the file. A restore removes the WAL files too, which hold later changes.
  let pristine: Buffer | null = null;
  return {
    db,
    url,
    engine: "sqlite",
    file,
    checkpoint: async () => {
      await db.$disconnect();
      pristine = fs.readFileSync(file);
    },
    restore: async () => {
      if (!pristine) throw new Error("restore() before checkpoint()");
      await db.$disconnect();
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      fs.writeFileSync(file, pristine);
    },
    cleanup: async () => {
      await db.$disconnect();
      removeSqliteFiles(file);
    },
  };
}

export async function createTestDb(name: string): Promise<TestDb> {
  const server = testPostgresServer();
  return server ? createPostgresTestDb(name, server) : createSqliteTestDb(name);
}
