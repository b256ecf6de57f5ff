// Applies the database's migrations (decision 0019): SQLite's from prisma/migrations, PostgreSQL's
// from prisma/postgresql/migrations, each once, in name order, recorded in `_prisma_migrations`
// as `prisma migrate deploy` records them (so Prisma's own commands read the same history).
// `prisma migrate deploy` itself cannot run against PostgreSQL through the driver adapter
// (prisma/orm#27403), and the portal needs the migration to run under the start lock anyway.
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { isSqliteUrl, sqliteFile } from "../app/db/databaseUrl";

const prismaDir = path.dirname(fileURLToPath(import.meta.url));

export function migrationsDir(url: string): string {
  return isSqliteUrl(url) ? path.join(prismaDir, "migrations") : path.join(prismaDir, "postgresql", "migrations");
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsFor(url: string): Migration[] {
  const dir = migrationsDir(url);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface Applied {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** The migrations still to apply; refuses when history was altered or a migration failed half-way. */
function pending(all: Migration[], applied: Applied[]): Migration[] {
  const done = new Map<string, Applied>();
  for (const row of applied) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new Error(`Migration ${row.migration_name} failed part-way earlier; repair the database before starting again.`);
    }
    done.set(row.migration_name, row);
  }
  for (const migration of all) {
    const row = done.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was changed after it was applied; migrations are never edited.`);
    }
  }
  return all.filter((m) => !done.has(m.name));
}

const SQLITE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const POSTGRES_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

const HISTORY_COLUMNS = `migration_name, checksum, finished_at, rolled_back_at`;

/** SQLite: each script runs as written (a table redefinition turns foreign keys off, which a transaction would ignore). */
function migrateSqlite(file: string): string[] {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    db.exec(SQLITE_HISTORY);
    const todo = pending(migrationsFor(`file:${file}`), db.prepare(`SELECT ${HISTORY_COLUMNS} FROM "_prisma_migrations"`).all() as Applied[]);
    for (const m of todo) {
      const id = randomUUID();
      db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES (?, ?, ?)`).run(id, m.checksum, m.name);
      try {
        db.exec(m.sql);
      } catch (error) {
        db.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(String(error), id);
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      db.prepare(`UPDATE "_prisma_migrations" SET finished_at = current_timestamp, applied_steps_count = 1 WHERE id = ?`).run(id);
    }
    return todo.map((m) => m.name);
  } finally {
    db.close();
  }
}

/** PostgreSQL: each migration in one transaction with its history row, so it is applied whole or not at all. */
async function migratePostgres(client: pg.Client, url: string): Promise<string[]> {
  await client.query(POSTGRES_HISTORY);
  const { rows } = await client.query<Applied>(`SELECT ${HISTORY_COLUMNS} FROM "_prisma_migrations"`);
  const todo = pending(migrationsFor(url), rows);
  for (const m of todo) {
    await client.query("BEGIN");
    try {
      await client.query(m.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
    }
  }
  return todo.map((m) => m.name);
}

/** The key of the portal's start-up lock on PostgreSQL (an arbitrary constant: "311" and "portal"). */
export const START_LOCK_KEY = 311_707_242;

/**
 * Runs `work` while holding the database's start-up lock, so that instances starting together
 * migrate, seed and rebuild one after the other: PostgreSQL's session advisory lock, or, for a
 * SQLite file, an exclusive transaction on a lock file beside it. Either is released when the
 * holder ends, even by a crash.
 */
export async function withStartLock<T>(url: string, work: (migrate: () => Promise<string[]>) => Promise<T>): Promise<T> {
  if (isSqliteUrl(url)) {
    const file = sqliteFile(url);
    const lock = new Database(`${file}.start-lock`);
    try {
      lock.pragma("busy_timeout = 600000");
      lock.exec("BEGIN EXCLUSIVE");
      return await work(async () => migrateSqlite(file));
    } finally {
      if (lock.inTransaction) lock.exec("COMMIT");
      lock.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [START_LOCK_KEY]);
    return await work(() => migratePostgres(client, url));
  } finally {
    await client.end();
  }
}

/** Applies what is pending, under the start lock; returns the names applied. */
export function migrateDatabase(url: string): Promise<string[]> {
  return withStartLock(url, (migrate) => migrate());
}
