// The benchmark's own SQLite file: migrated like a new portal database, seeded with the demo
// accounts plus more departments (each with a requester), so requests spread as in a county.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { connectDb, type PrismaClient } from "../app/db.server";
import { seedDatabase } from "../prisma/seed";
import { ROOT, sqliteTime, WORK_DIR } from "./util";

const MIGRATIONS = path.join(ROOT, "prisma", "migrations");

/** Cheap scrypt: nobody signs in with a password during the run (sessions are made directly). */
const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

const EXTRA_DEPARTMENTS: Array<[code: string, name: string, partner: boolean]> = [
  ["FRS", "Fire and Rescue Service", true],
  ["POL", "Police", true],
  ["DOT", "Transportation", true],
  ["PRK", "Parks", false],
  ["REC", "Recreation", true],
  ["DPS", "Permitting Services", true],
  ["DEP", "Environmental Protection", false],
  ["DHC", "Housing and Community Affairs", true],
  ["BOE", "Elections", false],
  ["ANS", "Animal Services", true],
  ["OEM", "Emergency Management", true],
  ["TEB", "Technology and Enterprise Business Solutions", false],
  ["OHR", "Human Resources", false],
  ["DLC", "Alcohol Beverage Services", true],
  ["DGS", "General Services", true],
];

export interface BenchDepartment {
  id: string;
  name: string;
  partner: boolean;
  requester: { id: string; name: string; email: string };
}

export interface BenchDb {
  file: string;
  url: string;
  prisma: PrismaClient;
  sqlite: Database.Database;
  departments: BenchDepartment[];
  close: () => Promise<void>;
}

function removeDbFiles(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/** Every migration's SQL in order, as `prisma migrate deploy` does on a new database. */
function migrate(sqlite: Database.Database) {
  const folders = fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const folder of folders) sqlite.exec(fs.readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));
}

function addExtraDepartments(sqlite: Database.Database) {
  const now = sqliteTime(new Date());
  const department = sqlite.prepare(
    `INSERT INTO "Department" (id, code, name, partnerSince, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const user = sqlite.prepare(
    `INSERT INTO "User" (id, email, name, passwordHash, active, departmentId, createdAt, updatedAt) VALUES (?, ?, ?, 'unused', 1, ?, ?, ?)`,
  );
  const role = sqlite.prepare(`INSERT INTO "RoleAssignment" (id, userId, role, acting, createdAt) VALUES (?, ?, 'requester', 0, ?)`);
  sqlite.transaction(() => {
    for (const [code, name, partner] of EXTRA_DEPARTMENTS) {
      const departmentId = randomUUID();
      const userId = randomUUID();
      department.run(departmentId, code, name, partner ? "2018-01-01" : null, now, now);
      user.run(userId, `requester.${code.toLowerCase()}@example.gov`, `${name} requester`, departmentId, now, now);
      role.run(randomUUID(), userId, now);
    }
  })();
}

/** Departments that file requests, each with the requester who files them. */
function requestingDepartments(sqlite: Database.Database): BenchDepartment[] {
  const rows = sqlite
    .prepare(
      `SELECT d.id, d.name, d.partnerSince, u.id AS userId, u.name AS userName, u.email AS userEmail
         FROM "Department" d
         JOIN "User" u ON u.departmentId = d.id
         JOIN "RoleAssignment" r ON r.userId = u.id AND r.role = 'requester'
        ORDER BY d.code`,
    )
    .all() as Array<{ id: string; name: string; partnerSince: string | null; userId: string; userName: string; userEmail: string }>;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    partner: r.partnerSince !== null,
    requester: { id: r.userId, name: r.userName, email: r.userEmail },
  }));
}

/** A fresh, migrated and seeded database file under var/bench/. */
export async function createBenchDb(name: string): Promise<BenchDb> {
  const dir = WORK_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.db`);
  removeDbFiles(file);
  const sqlite = new Database(file);
  migrate(sqlite);
  // Same journal mode as the portal's (db.server.ts), so seeding and the server share it.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  const url = `file:${file}`;
  const prisma = await connectDb(url);
  await seedDatabase(prisma, { scryptParams: FAST_SCRYPT });
  addExtraDepartments(sqlite);
  return {
    file,
    url,
    prisma,
    sqlite,
    departments: requestingDepartments(sqlite),
    close: async () => {
      await prisma.$disconnect();
      sqlite.close();
    },
  };
}

export { removeDbFiles };
