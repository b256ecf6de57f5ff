// The one CSV reader (issue 19): records with their lines as the file numbers them, a header
// problem on line 1, a broken file's line, stopping early, and a row of another length told
// apart from the rows after it.
import { describe, expect, it } from "vitest";
import { HeaderProblem, readCsvRecords, STOP, type CsvProblem, type CsvRecordAt } from "~/csv/readCsvRecords.server";

type Row = Record<string, string>;

async function readAll(text: string | Uint8Array, options: Parameters<typeof readCsvRecords>[1]["options"] = { columns: true }) {
  const rows: Array<[Row, CsvRecordAt]> = [];
  const problems: CsvProblem[] = [];
  await readCsvRecords<Row>(typeof text === "string" ? new TextEncoder().encode(text) : text, {
    options,
    onRecord: (record, at) => void rows.push([record, at]),
    onError: (problem) => problems.push(problem),
  });
  return { rows, problems };
}

describe("readCsvRecords", () => {
  it("drops a byte-order mark, skips empty lines and numbers records by their file lines (a quoted field may span two)", async () => {
    const { rows, problems } = await readAll('\uFEFFa,b\n1,2\n\n3,"x\ny"\n4,5\n');
    expect(problems).toEqual([]);
    expect(rows.map(([record, at]) => [record, at.line])).toEqual([
      [{ a: "1", b: "2" }, 2],
      [{ a: "3", b: "x\ny" }, 5],
      [{ a: "4", b: "5" }, 6],
    ]);
  });

  it("reads a stream as it comes, in pieces that split lines", async () => {
    async function* pieces() {
      yield "a,b\n1,";
      yield "2\n3,4";
      yield "\n";
    }
    const rows: Row[] = [];
    await readCsvRecords<Row>(pieces(), { options: { columns: true }, onRecord: (r) => void rows.push(r), onError: () => {} });
    expect(rows).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
  });

  it("marks only the row whose cells differ in number from the header's, not the rows after it", async () => {
    const { rows } = await readAll("a,b,c\n1,2\n3,4,5\n6,7,8,9\n10,11,12\n", { columns: true, relax_column_count: true });
    expect(rows.map(([, at]) => [at.line, at.cellsDiffer])).toEqual([
      [2, true],
      [3, false],
      [4, true],
      [5, false],
    ]);
  });

  it("reports a header the caller refuses on line 1, and reads no record", async () => {
    const { rows, problems } = await readAll("x,y\n1,2\n", {
      columns: () => {
        throw new HeaderProblem("The header must name a and b");
      },
    });
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: "The header must name a and b" }]);
  });

  it("ends at a broken row with its line", async () => {
    const { problems } = await readAll('a,b\n1,2\n3,"4\n');
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(3);
    expect(problems[0].message).toMatch(/Quote Not Closed/);
  });

  it("stops when asked", async () => {
    const seen: number[] = [];
    await readCsvRecords<Row>(new TextEncoder().encode("a\n1\n2\n3\n"), {
      options: { columns: true },
      onRecord: (_record, { line }) => {
        seen.push(line);
        return line === 3 ? STOP : undefined;
      },
      onError: () => {},
    });
    expect(seen).toEqual([2, 3]);
  });

  it("lets an error of the caller's own through: it is not the file's", async () => {
    const failing = readCsvRecords<Row>(new TextEncoder().encode("a\n1\n"), {
      options: { columns: true },
      onRecord: () => {
        throw new Error("database gone");
      },
      onError: () => {},
    });
    await expect(failing).rejects.toThrow("database gone");
  });
});
