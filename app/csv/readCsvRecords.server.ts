// Reading a CSV file as it streams (csv-parse), a record at a time, each with its line (issue 19):
// the one way the portal sets up csv-parse, for the staffing baseline and the phone system's
// exports alike. A byte-order mark is dropped and empty lines are skipped; a file broken past a
// row's repair (an unclosed quote, a row longer than the header) ends the reading with its line.
import { Readable } from "node:stream";
import { CsvError, parse, type InfoRecord, type Options } from "csv-parse";

export type CsvSource = Readable | Uint8Array | AsyncIterable<Uint8Array | string>;

export interface CsvProblem {
  /** The line in the file, counting the header as line 1. */
  line: number;
  message: string;
}

export interface CsvRecordAt {
  /** The record's last line in the file. */
  line: number;
  /**
   * With relax_column_count: this record has more or fewer cells than the header. (csv-parse's
   * own `invalid_field_length` counts such records so far in the file, not this one's.)
   */
  cellsDiffer: boolean;
}

/** Returned by onRecord to read no further: the stream is let go. */
export const STOP = Symbol("stop reading");

/** Thrown from the `columns` callback: the header is not the file asked for, a problem on line 1. */
export class HeaderProblem extends Error {}

export interface CsvReading<T> {
  /** csv-parse's own options that differ by file: how the header is read, trimming, rows of other lengths, the last line read. */
  options?: Pick<Options, "columns" | "trim" | "relax_column_count" | "to_line">;
  onRecord: (record: T, at: CsvRecordAt) => void | typeof STOP | Promise<void | typeof STOP>;
  /** The one problem that ends the reading: the header, or the file's CSV structure. */
  onError: (problem: CsvProblem) => void;
}

function streamOf(source: CsvSource): Readable {
  if (source instanceof Readable) return source;
  if (source instanceof Uint8Array) return Readable.from([Buffer.from(source)]);
  return Readable.from(source);
}

/**
 * Reads every record in order, awaiting each onRecord before the next (so a slow writer holds the
 * stream back). Errors thrown by onRecord are not the file's: they propagate.
 */
export async function readCsvRecords<T = Record<string, string>>(source: CsvSource, reading: CsvReading<T>): Promise<void> {
  const parser = streamOf(source).pipe(parse({ ...reading.options, bom: true, skip_empty_lines: true, info: true }));
  const records = parser as AsyncIterable<{ record: T; info: InfoRecord }>;
  const iterator = records[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<{ record: T; info: InfoRecord }>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (error instanceof HeaderProblem) return reading.onError({ line: 1, message: error.message });
        if (error instanceof CsvError) return reading.onError({ line: Number(error.lines ?? 0), message: error.message });
        throw error;
      }
      if (next.done) return;
      const { record, info } = next.value;
      if ((await reading.onRecord(record, { line: info.lines, cellsDiffer: info.error !== undefined })) === STOP) return;
    }
  } finally {
    parser.destroy();
  }
}
