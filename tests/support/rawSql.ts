// Raw SQL on a test database through a connection of its own, outside Prisma and the portal's
// code: for tests that read or change the database as someone with access to it would (the
// audit trail's tamper tests). One dialect for both engines: identifiers in double quotes
// (PostgreSQL folds unquoted camelCase to lower case) and $1..$n parameters, which become
// SQLite's positional `?` here.
import Database from "better-sqlite3";
import pg from "pg";
import type { TestDb } from "./testDb";

export interface RawSql {
  engine: TestDb["engine"];
  /** The rows a query returns. Timestamps come back as ISO text on both engines. */
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

export interface RawSqlOptions {
  /**
   * false: foreign keys are not enforced on this connection, as for someone editing the
   * database by hand (SQLite: PRAGMA foreign_keys = OFF; PostgreSQL: session_replication_role
   * = replica, which skips the foreign-key triggers; the tests' server runs as a superuser).
   */
  foreignKeys?: boolean;
}

// Single-quoted literals and quoted identifiers are matched first so that a "$1" inside them stays text.
const PLACEHOLDER = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

/** `$n` placeholders as SQLite's `?`, with the parameters in the order they are used. */
export function toSqlitePositional(sql: string, params: unknown[]): { sql: string; params: unknown[] } {
  const ordered: unknown[] = [];
  const text = sql.replace(PLACEHOLDER, (match, index: string | undefined) => {
    if (index === undefined) return match;
    const n = Number(index);
    if (n < 1 || n > params.length) throw new Error(`No parameter $${n} (${params.length} given)`);
    ordered.push(params[n - 1]);
    return "?";
  });
  return { sql: text, params: ordered };
}

// better-sqlite3 binds no booleans; SQLite keeps them as 0 and 1, as Prisma writes them.
const sqliteValue = (value: unknown) => (typeof value === "boolean" ? Number(value) : value);

async function withSqlite<T>(file: string, options: RawSqlOptions, work: (sql: RawSql) => Promise<T>): Promise<T> {
  const sqlite = new Database(file);
  try {
    if (options.foreignKeys === false) sqlite.pragma("foreign_keys = OFF");
    const prepare = (text: string, params: unknown[]) => {
      const positional = toSqlitePositional(text, params);
      return { statement: sqlite.prepare(positional.sql), params: positional.params.map(sqliteValue) };
    };
    return await work({
      engine: "sqlite",
      all: <R>(text: string, params: unknown[] = []) => {
        const { statement, params: values } = prepare(text, params);
        return Promise.resolve(statement.all(...values) as R[]);
      },
      run: (text: string, params: unknown[] = []) => {
        const { statement, params: values } = prepare(text, params);
        return Promise.resolve(statement.run(...values).changes);
      },
    });
  } finally {
    sqlite.close();
  }
}

// Prisma keeps UTC in `timestamp(3)` columns, which have no zone; node-postgres would read them
// as local time. As UTC ISO text instead, the same as SQLite hands back.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary"
      ? (value: string) => `${value.replace(" ", "T")}Z`
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

async function withPostgres<T>(url: string, options: RawSqlOptions, work: (sql: RawSql) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  try {
    if (options.foreignKeys === false) await client.query("SET session_replication_role = replica");
    return await work({
      engine: "postgres",
      all: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
      run: async (text: string, params: unknown[] = []) => (await client.query(text, params)).rowCount ?? 0,
    });
  } finally {
    await client.end();
  }
}

/** Opens a connection to the test database, runs `work` on it and closes it. */
export function withRawSql<T>(t: Pick<TestDb, "engine" | "url" | "file">, work: (sql: RawSql) => Promise<T>, options: RawSqlOptions = {}): Promise<T> {
  if (t.engine === "postgres") return withPostgres(t.url, options, work);
  if (!t.file) throw new Error("A SQLite test database without a file");
  return withSqlite(t.file, options, work);
}

/** Every row of every table, each table's rows as sorted JSON: to check that nothing was written. */
export async function dumpTables(sql: RawSql): Promise<Record<string, string[]>> {
  const tables = await sql.all<{ name: string }>(
    sql.engine === "postgres"
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1",
  );
  const json = (row: unknown) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  const dump: Record<string, string[]> = {};
  for (const { name } of tables) {
    dump[name] = (await sql.all(`SELECT * FROM "${name.replaceAll('"', '""')}"`)).map(json).sort();
  }
  return dump;
}
