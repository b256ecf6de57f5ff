// `npm run db:copy` moves a whole portal database to another engine (issue 17, section 1;
// decision 0023). The source is a real SQLite file with the demo data and a few transitions; the
// target is this run's test database, so the same test copies SQLite → SQLite and, with
// TEST_DATABASE_URL on a PostgreSQL server, SQLite → PostgreSQL. Every row must come out the
// same through Prisma, the audit chain (HMACs over the values, R-audit) must verify on the
// target, the portal must keep working there, and a target with data must be refused untouched.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditAdmin } from "../../app/admin/adminAudit.server";
import { connectDb, type PrismaClient } from "../../app/db.server";
import { Prisma } from "../../app/generated/prisma/client";
import { columnsOf } from "../../app/requests/answers";
import { auditKeyring } from "../../app/requests/auditHash.server";
import { verifyAuditTrail } from "../../app/requests/auditVerify.server";
import { addComment } from "../../app/requests/comments.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
import { getSettings, loadSettings, resetSettings } from "../../app/settings.server";
import { migrateDatabase } from "../../prisma/migrate";
import { seedDatabase } from "../../prisma/seed";
import { copyDatabase, TargetNotEmptyError } from "../../scripts/copy-database";
import { runCommand } from "../support/command";
import { FAST_SCRYPT, personAt } from "../support/people";
import { createTestDb, removeSqliteFiles, testPostgresServer, type TestDb } from "../support/testDb";

const NOW = new Date("2026-11-22T15:00:00.123Z");
const TZ = "America/New_York";
const KEY = "audit-key-for-the-copy-database-test".padEnd(48, "k");
const ENV = { NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), AUDIT_KEY: KEY };

const sourceFile = path.resolve(import.meta.dirname, "../../var/test", `copy-source-${process.pid}.db`);
const sourceUrl = `file:${sourceFile}`;
let source: PrismaClient;
let t: TestDb;
let copyRun: { code: number; output: string };

const copy = () => runCommand("scripts/copy-database.ts", [sourceUrl, t.url], ENV);
const delegate = (db: PrismaClient, model: string) =>
  (db as unknown as Record<string, { count: () => Promise<number>; findMany: () => Promise<Array<Record<string, unknown>>> }>)[
    model[0].toLowerCase() + model.slice(1)
  ];
const models = Object.values(Prisma.ModelName);

async function counts(db: PrismaClient): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const model of models) result[model] = await delegate(db, model).count();
  return result;
}

/** A table's rows as Prisma reads them, in a stable order. */
async function rowsOf(db: PrismaClient, model: string): Promise<Array<Record<string, unknown>>> {
  const rows = await delegate(db, model).findMany();
  const key = (row: Record<string, unknown>) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

const removeSource = () => removeSqliteFiles(sourceFile);

beforeAll(async () => {
  resetSettings(loadSettings({ ...ENV, DATABASE_URL: sourceUrl }));
  removeSource();
  fs.mkdirSync(path.dirname(sourceFile), { recursive: true });
  await migrateDatabase(sourceUrl);
  source = await connectDb(sourceUrl);
  await seedDatabase(source, { scryptParams: FAST_SCRYPT, demoRequests: { now: NOW, timeZone: TZ } });
  // A few transitions of our own, with a comment, so the chain has entries of every kind.
  const requester = await personAt(source, "requester.partner@example.gov", NOW);
  const director = await personAt(source, "director@example.gov", NOW);
  const admin = await personAt(source, "admin@example.gov", NOW);
  const columns = columnsOf({
    type: "automated_response",
    title: "Permits IVR",
    description: "IVR for permits",
    effectiveDate: "2026-12-01",
    systemName: "Permits IVR",
    contactName: "Pat",
    contactPhone: "240-777-0311",
  });
  const { id } = await createDraft(source, { user: requester, columns, now: NOW, timeZone: TZ });
  await transition(source, { request: id, by: requester, event: { type: "SUBMIT" }, now: NOW, timeZone: TZ });
  await addComment(source, director, id, "Which permits does the IVR cover?", NOW);
  await transition(source, { request: id, by: director, event: { type: "REQUEST_CHANGES", comment: "Say when it goes live." }, now: NOW, timeZone: TZ });
  await source.$transaction((tx) => auditAdmin(tx, { by: admin, event: "FEES_UPDATED", comment: "$52.00 an hour", at: NOW }));
  // A file's bytes (every byte value, so none is mangled as text), and its record.
  const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
  await source.attachmentBlob.create({ data: { key: "copy-test-blob", bytes } });
  await source.attachment.create({
    data: {
      requestId: id,
      fileName: "draft-mailer.pdf",
      description: "The draft mailer",
      mediaType: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey: "copy-test-blob",
      addedById: requester.id,
      createdAt: NOW,
    },
  });
  expect((await verifyAuditTrail(source, auditKeyring(getSettings()))).problems).toEqual([]);

  t = await createTestDb("copy-database");
  copyRun = copy();
}, 120_000);

afterAll(async () => {
  resetSettings();
  await source?.$disconnect();
  await t?.cleanup();
  removeSource();
});

describe(`npm run db:copy from SQLite to ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"}`, () => {
  it("copies every table and prints the count of each", async () => {
    expect(copyRun.output).toContain("Copied");
    expect(copyRun.code).toBe(0);
    const expected = await counts(source);
    expect(await counts(t.db)).toEqual(expected);
    expect(expected.AuditEntry).toBeGreaterThan(10);
    expect(copyRun.output).toContain(`AuditEntry: ${expected.AuditEntry}`);
    expect(copyRun.output).toContain(`Request: ${expected.Request}`);
  });

  it.runIf(testPostgresServer() !== null)("leaves PostgreSQL's planner the statistics of what it copied: the copy is served at once", async () => {
    const [{ columns }] = await t.db.$queryRaw<Array<{ columns: number }>>`SELECT CAST(count(*) AS INTEGER) AS columns FROM pg_stats WHERE tablename = 'AuditEntry'`;
    expect(columns).toBeGreaterThan(5);
  });

  it("gives back every row field by field as Prisma reads it: instants to the millisecond, booleans, numbers, nulls", async () => {
    for (const model of models) {
      expect({ model, rows: await rowsOf(t.db, model) }).toEqual({ model, rows: await rowsOf(source, model) });
    }
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { event: "REQUEST_CHANGES", comment: "Say when it goes live." } });
    expect(entry.at).toEqual(NOW);
  });

  it("keeps the audit trail verifiable with the same AUDIT_KEY (audit-chain.test.ts runs the command itself)", async () => {
    const report = await verifyAuditTrail(t.db, auditKeyring(getSettings()));
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(await source.auditEntry.count());
  });

  // The command runs once, above; the cases below call what it calls, in this process.
  it("refuses a target that holds data, says why, and changes nothing", async () => {
    const before = await counts(t.db);
    const again = await copyDatabase(sourceUrl, t.url).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(TargetNotEmptyError);
    expect((again as Error).message).toMatch(/The target database is not empty \(.*AuditEntry: \d+.*\).*Nothing was changed\./);
    expect(await counts(t.db)).toEqual(before);
  });

  it("copies back the other way into a new SQLite file, where the trail verifies too", async () => {
    const backFile = `${sourceFile}-back.db`;
    removeSqliteFiles(backFile);
    await copyDatabase(t.url, `file:${backFile}`);
    const db = await connectDb(`file:${backFile}`);
    try {
      expect(await counts(db)).toEqual(await counts(t.db));
      for (const model of ["AuditEntry", "Request", "User"]) expect(await rowsOf(db, model)).toEqual(await rowsOf(t.db, model));
      expect((await verifyAuditTrail(db, auditKeyring(getSettings()))).problems).toEqual([]);
    } finally {
      await db.$disconnect();
      removeSqliteFiles(backFile);
    }
  });

  it("lets the portal go on there: a new request and transition get the next audit ids, and the trail still verifies", async () => {
    const lastId = (await t.db.auditEntry.aggregate({ _max: { id: true } }))._max.id!;
    const requester = await personAt(t.db, "requester.partner@example.gov", NOW);
    const columns = columnsOf({
      type: "automated_response",
      title: "Library IVR",
      description: "IVR for renewals",
      effectiveDate: "2026-12-15",
      systemName: "Library IVR",
      contactName: "Sam",
      contactPhone: "240-777-0312",
    });
    const { id } = await createDraft(t.db, { user: requester, columns, now: NOW, timeZone: TZ });
    const outcome = await transition(t.db, { request: id, by: requester, event: { type: "SUBMIT" }, now: NOW, timeZone: TZ });
    expect(outcome.ok).toBe(true);
    const added = await t.db.auditEntry.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(added.length).toBeGreaterThan(0);
    expect(added[0].id).toBeGreaterThan(lastId);
    expect((await verifyAuditTrail(t.db, auditKeyring(getSettings()))).problems).toEqual([]);
  });
});
