// Issue 19 (part A): importing actual calls from the phone system's exports. Each sample export
// (Cisco, Genesys, Five9, Amazon Connect) goes in with its source's mapping; a bad row is named
// by its line and nothing of the file is stored; the same file again changes nothing; a later
// export of the same intervals replaces their counts. Real database, both engines.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { importCalls, previewFile, readHeader, BATCH_ROWS } from "../../app/actuals/callImport.server";
import { sha256Of, sourceNamed, saveMapping } from "../../app/actuals/callSources.server";
import { guessMapping } from "../../app/actuals/callSystems";
import { columnMappingSchema, type ColumnMapping } from "../../app/actuals/columnMapping";
import type { CallSystem } from "../../app/actuals/callSystems";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/calls");
let t: TestDb;
let db: PrismaClient;
let analystId: string;

beforeAll(async () => {
  t = await createTestDb("actual_calls_import");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  analystId = (await db.user.findUniqueOrThrow({ where: { email: "analyst@example.gov" } })).id;
});

afterAll(async () => {
  await t.cleanup();
});

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A source mapped as the analyst would map it the first time: the guess from the header, checked. */
async function mappedSource(name: string, system: CallSystem, bytes: Uint8Array): Promise<{ id: string; mapping: ColumnMapping }> {
  const source = await sourceNamed(db, name, system);
  const parsed = columnMappingSchema.safeParse(guessMapping(await readHeader(bytes)));
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  const mapping = parsed.data as ColumnMapping;
  await saveMapping(db, source.id, mapping);
  return { id: source.id, mapping };
}

const importFile = (sourceId: string, mapping: ColumnMapping, bytes: Uint8Array, fileName = "export.csv") =>
  importCalls(db, { sourceId, mapping, source: bytes, fileName, sha256: sha256Of(bytes), userId: analystId, timeZone: TZ });

const stored = (sourceId: string) =>
  db.actualCalls.findMany({ where: { sourceId }, orderBy: [{ date: "asc" }, { interval: "asc" }, { queue: "asc" }], select: { date: true, interval: true, queue: true, offered: true, answered: true, abandoned: true, handleSeconds: true } });

describe("issue 19: each phone system's export imports with its mapping", () => {
  it.each([
    ["cisco-csq-activity.csv", "cisco", 4, { date: "2026-12-02", interval: "08:00", queue: "PARKS_LEAF", offered: 1012, answered: 990, abandoned: 22, handleSeconds: 245 }],
    ["genesys-queue-performance.csv", "genesys", 3, { date: "2026-12-01", interval: "09:00", queue: "PARKS_LEAF", offered: 11, answered: 11, abandoned: 0, handleSeconds: null }],
    ["five9-skill-summary.csv", "five9", 1, { date: "2026-12-01", interval: "08:00", queue: "PARKS_LEAF", offered: 12, answered: 12, abandoned: 0, handleSeconds: 271 }],
    // Amazon Connect gives UTC instants: 13:30Z is 08:30 in the county (EST).
    ["amazon-connect-queue-metrics.csv", "amazon_connect", 2, { date: "2026-12-01", interval: "08:30", queue: "PARKS_LEAF", offered: 25, answered: 23, abandoned: 2, handleSeconds: 259 }],
  ] as const)("%s", async (file, system, rows, last) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, file));
    const { id, mapping } = await mappedSource(`${system} sample`, system, bytes);
    const preview = await previewFile(bytes, mapping, TZ);
    expect(preview.errors).toEqual([]);
    expect(preview.rowCount).toBe(rows);
    const outcome = await importFile(id, mapping, bytes, file);
    expect(outcome).toMatchObject({ ok: true, rows });
    const saved = await stored(id);
    expect(saved).toHaveLength(rows);
    expect(saved).toContainEqual(last);
  });
});

describe("issue 19: a bad row is named by its line, and nothing of the file is stored", () => {
  it("lists each bad line and stores no row and no import", async () => {
    const text = [
      "Date,Queue,Offered,Answered",
      "2026-12-03,PARKS_LEAF,10,9",
      "2026-12-04,PARKS_LEAF,ten,9",
      "2026-13-05,PARKS_LEAF,3,3",
      "2026-12-06,,3,3",
      "2026-12-07,PARKS_LEAF,3",
    ].join("\n");
    const { id, mapping } = await mappedSource("bad rows", "other", bytesOf(text));
    const outcome = await importFile(id, mapping, bytesOf(text));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(outcome.errors[0].message).toContain("“Offered” is not a whole number");
    expect(outcome.errors[1].message).toContain("“Date” is not a date");
    expect(await db.actualCalls.count({ where: { sourceId: id } })).toBe(0);
    expect(await db.callImport.count({ where: { sourceId: id } })).toBe(0);
  });

  it("a bad row past the first batches undoes the rows already written", async () => {
    const lines = ["Date,Queue,Offered"];
    for (let i = 0; i < BATCH_ROWS * 2 + 10; i++) lines.push(`2026-12-01,Q${i},${i}`);
    lines.push("2026-12-01,LAST,-1");
    const text = lines.join("\n");
    const { id, mapping } = await mappedSource("late bad row", "other", bytesOf(text));
    const outcome = await importFile(id, mapping, bytesOf(text));
    expect(outcome).toMatchObject({ ok: false, errors: [{ line: lines.length }] });
    expect(await db.actualCalls.count({ where: { sourceId: id } })).toBe(0);
  });

  it("a row that repeats an earlier one's date, interval and queue names both lines, even batches apart", async () => {
    const lines = ["Date,Queue,Offered"];
    for (let i = 0; i < BATCH_ROWS + 5; i++) lines.push(`2026-12-01,Q${i},1`);
    lines.push("2026-12-01,Q3,2");
    const text = lines.join("\n");
    const { id, mapping } = await mappedSource("repeated key", "other", bytesOf(text));
    const outcome = await importFile(id, mapping, bytesOf(text));
    expect(outcome).toMatchObject({ ok: false, errors: [{ line: lines.length, message: "The row repeats line 5: the same date, interval and queue" }] });
    expect(await db.actualCalls.count({ where: { sourceId: id } })).toBe(0);
  });
});

describe("issue 19: importing again", () => {
  it("the same file twice changes nothing", async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, "cisco-csq-activity.csv"));
    const { id, mapping } = await mappedSource("cisco twice", "cisco", bytes);
    expect(await importFile(id, mapping, bytes)).toMatchObject({ ok: true, rows: 4 });
    const first = await db.actualCalls.findMany({ where: { sourceId: id }, orderBy: { queue: "asc" } });
    const again = await importFile(id, mapping, bytes);
    expect(again).toMatchObject({ ok: true, alreadyImported: { rows: 4 } });
    expect(await db.actualCalls.findMany({ where: { sourceId: id }, orderBy: { queue: "asc" } })).toEqual(first);
    expect(await db.callImport.count({ where: { sourceId: id } })).toBe(1);
  });

  it("a later export of the same intervals replaces their counts and adds the new ones", async () => {
    const first = bytesOf("Date,Queue,Offered\n2026-12-01,PARKS_LEAF,10\n2026-12-02,PARKS_LEAF,20\n");
    const { id, mapping } = await mappedSource("corrected export", "other", first);
    await importFile(id, mapping, first);
    const corrected = bytesOf("Date,Queue,Offered\n2026-12-02,PARKS_LEAF,25\n2026-12-03,PARKS_LEAF,30\n");
    expect(await importFile(id, mapping, corrected)).toMatchObject({ ok: true, rows: 2 });
    expect((await stored(id)).map((r) => [r.date, r.offered])).toEqual([
      ["2026-12-01", 10],
      ["2026-12-02", 25],
      ["2026-12-03", 30],
    ]);
  });
});
