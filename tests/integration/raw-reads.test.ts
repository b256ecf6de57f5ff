// Raw reads through the client's own driver adapter (db/rawReads.server.ts, decision 0030) give
// exactly what Prisma's $queryRaw gives, on each database: every kind of column the portal
// stores or SQL builds, and every kind of argument. A transaction's client, a client not yet
// connected or already disconnected, and anything else standing for a client go through
// $queryRaw, so a read inside a transaction sees its writes. On PostgreSQL a read marked
// `prepared` is a named statement, and still reads when PostgreSQL refuses it (decision 0035).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectDb, connectedAdapter, type PrismaClient } from "../../app/db.server";
import { statementName } from "../../app/db/postgresStatements.server";
import { readRows } from "../../app/db/rawReads.server";
import { sqlFor } from "../../app/db/engine";
import { Prisma } from "../../app/generated/prisma/client";
import { watchedQueries } from "../support/queryPlans";
import { createTestDb, type TestDb } from "../support/testDb";

let t: TestDb;
let db: PrismaClient;
const joined = new Date("2026-03-08T06:59:59.250Z");

beforeAll(async () => {
  t = await createTestDb("raw-reads");
  db = t.db;
  await db.department.create({ data: { id: "d1", code: "DOT", name: "Transportation", partnerSince: "2025-07-01", createdAt: joined } });
  await db.user.create({ data: { id: "u1", email: "a@example.gov", name: "Ana O'Neil", passwordHash: "x", departmentId: "d1", createdAt: joined } });
  await db.user.create({ data: { id: "u2", email: "b@example.gov", name: "Bo", passwordHash: "x", active: false } });
  await db.attachmentBlob.create({ data: { key: "k1", bytes: Buffer.from([0, 1, 254, 255]) } });
});

afterAll(async () => {
  await t.cleanup();
});

/** Every kind of value the portal's raw reads return, for the users created on or after `since` with `active` as given. */
function everyKind(since: Date, active: boolean, name: string | null): Prisma.Sql {
  const json = sqlFor(db, {
    sqlite: Prisma.sql`json_group_array(json_array(u.email, u.active))`,
    postgres: Prisma.sql`json_agg(json_build_array(u.email, u.active) ORDER BY u.email)::text`,
  });
  return Prisma.sql`
    SELECT u.id, u.name, u.active, u."createdAt", u."departmentId", d."partnerSince", d."createdAt" AS "departmentSince",
      (SELECT count(*) FROM "User") AS users,
      CAST((SELECT count(*) FROM "User" WHERE active = ${active}) AS INTEGER) AS "activeUsers",
      (SELECT sum(length(x.email)) * 0.5 FROM "User" x) AS "halfLetters",
      (SELECT ${json} FROM "User" u) AS emails,
      (SELECT b.bytes FROM "AttachmentBlob" b WHERE b.key = ${"k1"}) AS bytes,
      CAST(${name} AS TEXT) IS NULL AS "noName"
    FROM "User" u LEFT JOIN "Department" d ON d.id = u."departmentId"
    WHERE u."createdAt" >= ${since} AND u.name <> ${3.5} || '' AND u.id <> ${BigInt(7)} || ''
    ORDER BY u.email`;
}

describe(`raw reads through the driver adapter, on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"}`, () => {
  it("give what $queryRaw gives: text, integers, counts, sums, booleans, instants, NULLs, JSON built by SQL, bytes; any kind of argument", async () => {
    const since = new Date(joined.getTime() - 1);
    for (const [active, name] of [[true, null], [false, "Bo"]] as const) {
      const query = everyKind(since, active, name);
      const expected = await db.$queryRaw<Array<Record<string, unknown>>>(query);
      const rows = await readRows<Record<string, unknown>>(db, query);
      expect(rows).toEqual(expected);
      // Twice prepared: the second time, PostgreSQL runs the statement it kept.
      for (let i = 0; i < 2; i++) expect(await readRows(db, query, { prepared: true })).toEqual(expected);
      expect(rows.length).toBe(2);
      // toEqual does not tell a bigint from a number nor a Date from its text: each value's kind, too.
      expect(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v?.constructor?.name ?? null])))).toEqual(
        expected.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v?.constructor?.name ?? null]))),
      );
    }
    const [ana] = await readRows<{ createdAt: Date; active: boolean; name: string }>(db, everyKind(since, true, null));
    expect(ana).toMatchObject({ createdAt: joined, active: true, name: "Ana O'Neil" });
  });

  it("go to the adapter itself for the process's own client, not through $queryRaw", async () => {
    await db.$queryRaw`SELECT 1`;
    const adapter = connectedAdapter(db);
    expect(adapter).toBeDefined();
    const sent = vi.spyOn(adapter!, "queryRaw");
    const viaPrisma = vi.spyOn(db, "$queryRaw");
    try {
      const rows = await readRows<{ name: string }>(db, Prisma.sql`SELECT name FROM "User" WHERE id = ${"u2"}`);
      expect(rows).toEqual([{ name: "Bo" }]);
      expect(sent).toHaveBeenCalledTimes(1);
      expect(viaPrisma).not.toHaveBeenCalled();
    } finally {
      sent.mockRestore();
      viaPrisma.mockRestore();
    }
  });

  it("inside a transaction, read through the transaction's client: they see its writes, and nothing after a rollback", async () => {
    const rename = (to: string) =>
      db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: "u2" }, data: { name: to } });
        const rows = await readRows<{ name: string }>(tx as PrismaClient, Prisma.sql`SELECT name FROM "User" WHERE id = ${"u2"}`);
        expect(rows).toEqual([{ name: to }]);
        throw new Error("undo");
      });
    await expect(rename("Renamed")).rejects.toThrow("undo");
    expect(await readRows(db, Prisma.sql`SELECT name FROM "User" WHERE id = ${"u2"}`)).toEqual([{ name: "Bo" }]);
  });

  it("after the client disconnects, reconnect through Prisma; a watcher standing for the client sees each read", async () => {
    await db.$disconnect();
    expect(connectedAdapter(db)).toBeUndefined();
    expect(await readRows(db, Prisma.sql`SELECT name FROM "User" WHERE id = ${"u1"}`)).toEqual([{ name: "Ana O'Neil" }]);
    expect(connectedAdapter(db)).toBeDefined();
    const watched = watchedQueries(db);
    await readRows(watched.db, Prisma.sql`SELECT email FROM "User" WHERE id = ${"u1"}`);
    expect(watched.sent).toEqual([`SELECT email FROM "User" WHERE id = ?`]);
  });
});

/** The statements PostgreSQL keeps on the connection that runs this read (of the kind given; the marker makes its text its own). */
async function keptWhileReading(client: PrismaClient, prepared: boolean, marker: string) {
  const query = Prisma.sql`SELECT statement FROM pg_prepared_statements WHERE NOT from_sql AND name LIKE ${"portal\\_%"} /* ${Prisma.raw(marker)} */`;
  const rows = await readRows<{ statement: string }>(client, query, { prepared });
  return { text: query.text, kept: rows.map((row) => row.statement) };
}

describe.runIf(process.env.TEST_DATABASE_URL)("prepared reads on PostgreSQL (decision 0035)", () => {
  it("are named statements, which the connection keeps; other reads are not", async () => {
    const prepared = await keptWhileReading(db, true, "named");
    expect(prepared.kept).toContain(prepared.text);
    const unnamed = await keptWhileReading(db, false, "unnamed");
    expect(unnamed.kept).not.toContain(unnamed.text);
  });

  it("are not named with pgbouncer=true in the URL (Prisma's switch for poolers that lose them), and still read", async () => {
    const url = new URL(t.url);
    url.searchParams.set("pgbouncer", "true");
    const pooled = await connectDb(url.toString());
    try {
      await pooled.$queryRaw`SELECT 1`; // connected: reads go to its adapter
      const read = await keptWhileReading(pooled, true, "pooled");
      expect(read.kept).not.toContain(read.text);
      expect(await readRows(pooled, Prisma.sql`SELECT name FROM "User" WHERE id = ${"u2"}`, { prepared: true })).toEqual([{ name: "Bo" }]);
    } finally {
      await pooled.$disconnect();
    }
  });

  it("still read when a pooler loses a kept statement, or hands over a connection that has it already: sent again unnamed", async () => {
    // A client of its own, used one query at a time: its pool has one connection, the one each statement below reaches.
    const own = await connectDb(t.url);
    try {
      const lost = Prisma.sql`SELECT name FROM "User" WHERE id = ${"u1"} /* lost */`;
      for (let i = 0; i < 2; i++) expect(await readRows(own, lost, { prepared: true })).toEqual([{ name: "Ana O'Neil" }]);
      await own.$executeRawUnsafe(`DEALLOCATE "${statementName(lost.text)}"`);
      expect(await readRows(own, lost, { prepared: true })).toEqual([{ name: "Ana O'Neil" }]);
      const taken = Prisma.sql`SELECT email FROM "User" WHERE id = ${"u1"} /* taken */`;
      await own.$executeRawUnsafe(`PREPARE "${statementName(taken.text)}" AS SELECT 1`);
      expect(await readRows(own, taken, { prepared: true })).toEqual([{ email: "a@example.gov" }]);
    } finally {
      await own.$disconnect();
    }
  });

  it("still read when a release changes a column's type under a kept statement: sent again unnamed", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE "PreparedProbe" (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)`);
    try {
      await db.$executeRawUnsafe(`INSERT INTO "PreparedProbe" VALUES (1, 7)`);
      const probe = Prisma.sql`SELECT v FROM "PreparedProbe" WHERE id = ${1}`;
      // One after another, so that the pool hands out the connection that kept the statement.
      for (let i = 0; i < 3; i++) expect(await readRows(db, probe, { prepared: true })).toEqual([{ v: 7 }]);
      await db.$executeRawUnsafe(`ALTER TABLE "PreparedProbe" ALTER COLUMN v TYPE TEXT`);
      for (let i = 0; i < 3; i++) expect(await readRows(db, probe, { prepared: true })).toEqual([{ v: "7" }]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE "PreparedProbe"`);
    }
  });
});
