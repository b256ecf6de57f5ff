// A fresh, migrated SQLite database file for one test file: the real engine, not a mock.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { connectDb, type PrismaClient } from "../../app/db.server";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");

/** Applies every migration's SQL in order, as `prisma migrate deploy` does on a new database. */
function migrate(file: string) {
  const sqlite = new Database(file);
  try {
    const folders = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    for (const folder of folders) sqlite.exec(fs.readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8"));
  } finally {
    sqlite.close();
  }
}

export interface TestDb {
  db: PrismaClient;
  url: string;
  file: string;
  cleanup: () => Promise<void>;
}

export async function createTestDb(name: string): Promise<TestDb> {
  const dir = path.join(root, "var", "test");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  migrate(file);
  const url = `file:${file}`;
  const db = await connectDb(url);
  return {
    db,
    url,
    file,
    cleanup: async () => {
      await db.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}
