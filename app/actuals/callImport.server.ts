// Reading and importing a phone system's export of actual calls (issue 19). The file is parsed
// as it streams (csv-parse), a row at a time, and written in batches within one transaction:
// a bad row anywhere leaves nothing imported, and names its line. Rows are upserted by source,
// day, interval and queue, and the file's hash is kept, so importing the same file again
// changes nothing (decision 0024). A file that is imported moves the data version.
import type { Readable } from "node:stream";
import { readCsvRecords, STOP, type CsvProblem } from "~/csv/readCsvRecords.server";
import { bumpDataVersion } from "~/dataVersionMemo.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { mapRecord, missingColumns, type CallRow, type ColumnMapping } from "./columnMapping";

type Tx = Prisma.TransactionClient;

/** Rows written per statement: 10 values each, well within both engines' limits on parameters. */
export const BATCH_ROWS = 500;

/** Errors listed for one file; past these the file is still read, to count them. */
export const ERRORS_LISTED = 20;

export type LineError = CsvProblem;

export interface LinedRow extends CallRow {
  line: number;
}

/** The file's header: its first line's column names. */
export async function readHeader(source: Readable | Uint8Array): Promise<string[]> {
  let header: string[] = [];
  await readCsvRecords<string[]>(source, {
    // The first line only: a broken row further down is the preview's to report.
    options: { to_line: 1 },
    onRecord: (record) => {
      header = record.map((h) => h.trim());
      return STOP;
    },
    onError: () => {},
  });
  return header;
}

/**
 * Every row of the file read with the mapping, in order, each with its line; `onRow` gets the
 * good ones and `onError` the bad (a file's structure broken past repair ends the reading).
 */
async function eachRow(
  source: Readable | Uint8Array,
  mapping: ColumnMapping,
  timeZone: string,
  visit: { row: (row: LinedRow) => Promise<void> | void; error: (error: LineError) => void; header?: (header: string[]) => void },
): Promise<void> {
  let header: string[] | null = null;
  await readCsvRecords(source, {
    options: {
      columns: (names: string[]) => names.map((h) => h.trim()),
      // A row with more or fewer cells than the header is the row's error, not the file's end.
      relax_column_count: true,
    },
    onRecord: async (record, { line, cellsDiffer }) => {
      if (header === null) {
        header = Object.keys(record);
        visit.header?.(header);
        const missing = missingColumns(mapping, header);
        if (missing.length > 0) {
          visit.error({ line: 1, message: `The header has no column ${missing.map((m) => `“${m}”`).join(", ")}, which the saved mapping uses` });
          return STOP;
        }
      }
      if (cellsDiffer) return visit.error({ line, message: `The row has a different number of cells from the header (${header.length})` });
      const result = mapRecord(record, mapping, timeZone);
      if (result.ok) await visit.row({ ...result.row, line });
      else visit.error({ line, message: result.error });
    },
    onError: ({ line, message }) => visit.error({ line, message: `The file is not valid CSV here: ${message}` }),
  });
}

export interface Preview {
  header: string[];
  rows: LinedRow[];
  rowCount: number;
  errors: LineError[];
  errorCount: number;
}

/** The first rows as mapped, and the whole file checked: what the analyst sees before importing. */
export async function previewFile(source: Readable | Uint8Array, mapping: ColumnMapping, timeZone: string, shown = 10): Promise<Preview> {
  const preview: Preview = { header: [], rows: [], rowCount: 0, errors: [], errorCount: 0 };
  await eachRow(source, mapping, timeZone, {
    header: (header) => (preview.header = header),
    row: (row) => {
      preview.rowCount += 1;
      if (preview.rows.length < shown) preview.rows.push(row);
    },
    error: (error) => {
      preview.errorCount += 1;
      if (preview.errors.length < ERRORS_LISTED) preview.errors.push(error);
    },
  });
  return preview;
}

export type ImportOutcome =
  | { ok: true; importId: string; rows: number }
  | { ok: true; alreadyImported: { at: Date; rows: number } }
  | { ok: false; errors: LineError[]; errorCount: number };

class Refused extends Error {}

const keyOf = (row: Pick<CallRow, "date" | "interval" | "queue">) => `${row.date}\u0000${row.interval}\u0000${row.queue}`;

async function writeBatch(tx: Tx, sourceId: string, importId: string, batch: LinedRow[], errors: (e: LineError) => void): Promise<void> {
  const values = batch.map(
    (r) => Prisma.sql`(${sourceId}, ${r.date}, ${r.interval}, ${r.queue}, ${r.offered}, ${r.answered}, ${r.abandoned}, ${r.handleSeconds}, ${importId}, ${r.line})`,
  );
  // A row another import wrote is replaced; one this import already wrote is left, and counted
  // below as a repeat within the file.
  const written = await tx.$executeRaw`
    INSERT INTO "ActualCalls" ("sourceId", "date", "interval", "queue", "offered", "answered", "abandoned", "handleSeconds", "importId", "line")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("sourceId", "date", "interval", "queue") DO UPDATE SET
      "offered" = excluded."offered", "answered" = excluded."answered", "abandoned" = excluded."abandoned",
      "handleSeconds" = excluded."handleSeconds", "importId" = excluded."importId", "line" = excluded."line"
    WHERE "ActualCalls"."importId" <> excluded."importId"`;
  if (written === batch.length) return;
  const repeated = await tx.$queryRaw<Array<{ date: string; interval: string; queue: string; line: number }>>`
    SELECT "date", "interval", "queue", "line" FROM "ActualCalls"
    WHERE "sourceId" = ${sourceId} AND "importId" = ${importId} AND "line" < ${batch[0].line}
      AND ("date", "interval", "queue") IN (${Prisma.join(batch.map((r) => Prisma.sql`(${r.date}, ${r.interval}, ${r.queue})`))})`;
  const firstLine = new Map(repeated.map((r) => [keyOf(r), Number(r.line)]));
  for (const row of batch) {
    const earlier = firstLine.get(keyOf(row));
    if (earlier !== undefined) errors({ line: row.line, message: `The row repeats line ${earlier}: the same date, interval and queue` });
  }
}

/**
 * Import a file of a source with its mapping, all or nothing. The same file (by hash) a second
 * time changes nothing; a bad row stops the import and every bad row is listed (up to ERRORS_LISTED).
 */
export async function importCalls(
  db: PrismaClient,
  input: { sourceId: string; mapping: ColumnMapping; source: Readable | Uint8Array; fileName: string; sha256: string; userId: string; timeZone: string },
): Promise<ImportOutcome> {
  const before = await db.callImport.findUnique({ where: { sourceId_sha256: { sourceId: input.sourceId, sha256: input.sha256 } } });
  if (before) return { ok: true, alreadyImported: { at: before.createdAt, rows: before.rows } };
  const errors: LineError[] = [];
  let errorCount = 0;
  const noteError = (error: LineError) => {
    errorCount += 1;
    if (errors.length < ERRORS_LISTED) errors.push(error);
  };
  try {
    return await db.$transaction(
      async (tx) => {
        const record = await tx.callImport.create({
          data: { sourceId: input.sourceId, fileName: input.fileName, sha256: input.sha256, rows: 0, importedById: input.userId },
        });
        let batch: LinedRow[] = [];
        let inBatch = new Map<string, number>();
        let rows = 0;
        const flush = async () => {
          // After a bad row nothing more is written: the file is only read on, to list its errors.
          if (batch.length > 0 && errorCount === 0) await writeBatch(tx, input.sourceId, record.id, batch, noteError);
          batch = [];
          inBatch = new Map();
        };
        await eachRow(input.source, input.mapping, input.timeZone, {
          row: async (row) => {
            rows += 1;
            const earlier = inBatch.get(keyOf(row));
            if (earlier !== undefined) return noteError({ line: row.line, message: `The row repeats line ${earlier}: the same date, interval and queue` });
            inBatch.set(keyOf(row), row.line);
            batch.push(row);
            if (batch.length >= BATCH_ROWS) await flush();
          },
          error: noteError,
        });
        await flush();
        if (errorCount === 0 && rows === 0) noteError({ line: 1, message: "The file has no rows of calls under its header" });
        if (errorCount > 0) throw new Refused();
        await tx.callImport.update({ where: { id: record.id }, data: { rows } });
        // The calls are what the accuracy page and the calibration offer add up: their memo's
        // version moves when the rows become visible, not before.
        await bumpDataVersion(tx);
        return { ok: true as const, importId: record.id, rows };
      },
      // A million rows take a while; the default 5 s would cut the transaction short.
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors, errorCount };
    // The same file imported at the same moment by someone else: theirs stands.
    const done = await db.callImport.findUnique({ where: { sourceId_sha256: { sourceId: input.sourceId, sha256: input.sha256 } } });
    if (done) return { ok: true, alreadyImported: { at: done.createdAt, rows: done.rows } };
    throw error;
  }
}
