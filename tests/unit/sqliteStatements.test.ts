// Kept SQLite statements (issue 17: an event's time): each SQL text is prepared once, and each use
// binds its own values, as Prisma's better-sqlite3 adapter calls them (prepare(sql).bind(values)).
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { keepStatements } from "../../app/db/sqliteStatements.server";

let database: Database.Database;
afterEach(() => database.close());

/** An in-memory database whose statements are kept, and how many times SQLite really prepared each text. */
function keptDatabase() {
  database = new Database(":memory:");
  const prepared = new Map<string, number>();
  const prepare = database.prepare.bind(database);
  database.prepare = ((sql: string) => {
    prepared.set(sql, (prepared.get(sql) ?? 0) + 1);
    return prepare(sql);
  }) as typeof database.prepare;
  keepStatements(database);
  return prepared;
}

describe("keepStatements", () => {
  it("prepares a text once and binds each use's own values, for reads and writes", () => {
    const prepared = keptDatabase();
    database.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    expect(database.prepare(insert).bind([1, "one"]).run().changes).toBe(1);
    expect(database.prepare(insert).bind([2, "two"]).run().changes).toBe(1);
    const read = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    const first = database.prepare(read).bind([1]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(first.raw().all()).toEqual([[1, "one"], [2, "two"]]);
    const second = database.prepare(read).bind([2]);
    expect(second.raw().all()).toEqual([[2, "two"]]);
    // The columns are worked out once per statement, not on every query.
    expect(second.columns()).toBe(first.columns());
    expect(prepared.get(insert)).toBe(1);
    expect(prepared.get(read)).toBe(1);
  });

  it("keeps a bounded number of texts, the least recently used dropped first", () => {
    const prepared = keptDatabase();
    const text = (i: number) => `SELECT ${i} AS n`;
    for (let i = 0; i < 600; i++) expect(database.prepare(text(i)).bind([]).raw().all()).toEqual([[i]]);
    // The most recent are still kept; the first was dropped, so it is prepared again.
    database.prepare(text(599)).bind([]).raw().all();
    database.prepare(text(0)).bind([]).raw().all();
    expect(prepared.get(text(599))).toBe(1);
    expect(prepared.get(text(0))).toBe(2);
  });

  it("runs a statement without values as the adapter's BEGIN does", () => {
    keptDatabase();
    database.prepare("BEGIN").run();
    expect(database.inTransaction).toBe(true);
    database.prepare("COMMIT").run();
    expect(database.inTransaction).toBe(false);
  });
});
