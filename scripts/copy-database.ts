// `npm run db:copy -- <from-url> <to-url>`: copies a whole portal database from one engine to the
// other (issue 17; decision 0023). The use: a county whose SQLite file has outgrown the embedded
// database moves it to PostgreSQL; any engine to any works.
//
// The target is migrated first (prisma/migrate.ts) and must then be empty but for the rows the
// migrations insert (DataVersion 1, the portal's AuditChainHead), which the copy replaces. Rows are
// read with plain SQL on the source in one read transaction (a consistent snapshot) and written
// in batches in one transaction on the target, parents before children, so a failed copy leaves
// the target as it was. Each column's type comes from the generated client's data model, and
// values are carried as what Prisma means by them — an instant, a boolean — never as one engine's
// spelling: the audit chain's HMACs cover them, so they must come out of the target exactly as
// they went into the source.
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, isSqliteUrl, sqliteFile } from "../app/db/databaseUrl";
import { connectDb, createPrismaClient } from "../app/db.server";
import { rebuildSearchIndex } from "../app/requests/search.server";
import { migrateDatabase } from "../prisma/migrate";
import { runsAsCommand } from "./runsAsCommand";

type ScalarType = "String" | "Int" | "BigInt" | "Float" | "Boolean" | "DateTime" | "Bytes";
type Value = string | number | bigint | boolean | Date | Buffer | null;

interface Column {
  name: string;
  type: ScalarType;
}

interface Table {
  name: string;
  columns: Column[];
}

interface RuntimeDataModel {
  models: Record<string, { dbName: string | null; fields: Array<{ name: string; dbName?: string | null; kind: string; type: string }> }>;
}

const SUPPORTED = new Set<string>(["String", "Int", "BigInt", "Float", "Boolean", "DateTime", "Bytes"]);

/** Rows the migrations insert, which the copy replaces with the source's (a table's other rows make the target non-empty). */
const MIGRATION_ROWS: Record<string, { column: string; value: string | number }> = {
  DataVersion: { column: "id", value: 1 },
  AuditChainHead: { column: "chain", value: "portal" },
};

/** Rows per INSERT on PostgreSQL (kept under its 65 535 parameters a statement for the widest table). */
const BATCH = 500;

/** The portal's tables and their columns, from the data model Prisma generated (`_runtimeDataModel` is not in its types). */
function tablesOf(url: string): Table[] {
  const client = createPrismaClient(url);
  const model = (client as unknown as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
  return Object.entries(model.models).map(([name, m]) => ({
    name: m.dbName ?? name,
    columns: m.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => {
        const type = f.kind === "enum" ? "String" : f.type;
        if (!SUPPORTED.has(type)) throw new Error(`${name}.${f.name} is a ${type}, which the copy does not know how to carry.`);
        return { name: f.dbName ?? f.name, type: type as ScalarType };
      }),
  }));
}

/** Parents before children: a table comes after every table its foreign keys point to (a key to itself is left out). */
export function foreignKeyOrder(tables: Table[], references: Array<{ child: string; parent: string }>): Table[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && byName.has(child) && byName.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: Table[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}; the copy cannot order its tables.`);
    visiting.add(name);
    for (const parent of [...parents.get(name)!].sort()) visit(parent);
    visiting.delete(name);
    done.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

// --- Values: each engine's spelling to and from what the data model means ---------------------

/** SQLite DateTimes: the adapter writes ISO text with "+00:00"; CURRENT_TIMESTAMP defaults write "YYYY-MM-DD HH:MM:SS" in UTC. */
function sqliteInstant(value: unknown): Date {
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  const utcWithoutZone = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
  const date = new Date(utcWithoutZone ? `${text.replace(" ", "T")}Z` : text);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${text}`);
  return date;
}

function fromSqlite(value: unknown, type: ScalarType): Value {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "DateTime":
      return sqliteInstant(value);
    case "Boolean":
      return Number(value) !== 0;
    case "BigInt":
      return BigInt(value as number);
    case "Int":
    case "Float":
      return Number(value);
    case "Bytes":
      return Buffer.from(value as Uint8Array);
    default:
      return String(value);
  }
}

function toSqlite(value: Value): string | number | bigint | Buffer | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** PostgreSQL TIMESTAMP(3) holds UTC without a zone (as Prisma writes it); pg would read it as local time, so it is read as text. */
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;

function fromPostgres(value: unknown, type: ScalarType): Value {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "DateTime":
      return value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`);
    case "BigInt":
      return BigInt(value as string);
    case "Int":
    case "Float":
      return Number(value);
    case "Bytes":
      return Buffer.from(value as Uint8Array);
    default:
      return value as Value;
  }
}

/** A zone in the text is ignored for TIMESTAMP (without time zone), so the UTC ISO text stores the UTC wall time. */
function toPostgres(value: Value): string | number | boolean | Buffer | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

// --- Sources: rows in batches, in one snapshot ------------------------------------------------

interface Source {
  rows(table: Table): AsyncIterable<Value[][]>;
  close(): Promise<void>;
}

function sqliteSource(url: string): Source {
  const db = new Database(sqliteFile(url), { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true);
  db.exec("BEGIN");
  return {
    async *rows(table) {
      const select = db.prepare(`SELECT ${table.columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table.name)}`).raw(true);
      let batch: Value[][] = [];
      for (const row of select.iterate() as Iterable<unknown[]>) {
        batch.push(row.map((v, i) => fromSqlite(v, table.columns[i].type)));
        if (batch.length === BATCH * 10) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async close() {
      db.exec("COMMIT");
      db.close();
    },
  };
}

async function postgresSource(url: string): Promise<Source> {
  const client = new pg.Client({
    connectionString: url,
    types: { getTypeParser: (oid, format) => (oid === PG_TIMESTAMP || oid === PG_INT8 ? (v: string) => v : pg.types.getTypeParser(oid, format)) },
  });
  await client.connect();
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  return {
    async *rows(table) {
      await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR SELECT ${table.columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table.name)}`);
      for (;;) {
        const { rows } = await client.query<unknown[]>({ text: `FETCH ${BATCH * 10} FROM copy_rows`, rowMode: "array" });
        if (rows.length === 0) break;
        yield rows.map((row) => row.map((v, i) => fromPostgres(v, table.columns[i].type)));
      }
      await client.query("CLOSE copy_rows");
    },
    async close() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

// --- Targets: one transaction; refuses unless empty ---------------------------------------------

interface Target {
  /** Parent → child pairs of the target's foreign keys. */
  references(): Promise<Array<{ child: string; parent: string }>>;
  begin(): Promise<void>;
  /** Tables holding rows other than the migrations', with their counts. */
  occupied(tables: Table[]): Promise<Array<{ table: string; rows: number }>>;
  clearMigrationRows(): Promise<void>;
  insert(table: Table, rows: Value[][]): Promise<void>;
  count(table: Table): Promise<number>;
  /** What must follow the rows: PostgreSQL's sequences. */
  finish(tables: Table[]): Promise<void>;
  commit(): Promise<void>;
  /** After the commit: what the planner needs to know of the rows. */
  gatherStatistics(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

const exceptMigrationRows = (table: string, placeholder: string) => {
  const row = MIGRATION_ROWS[table];
  return row ? ` WHERE ${quote(row.column)} <> ${placeholder}` : "";
};

function sqliteTarget(url: string): Target {
  const db = new Database(sqliteFile(url), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  const inserts = new Map<string, Database.Statement>();
  return {
    async references() {
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
      return tables.flatMap((child) =>
        (db.prepare(`SELECT "table" AS parent FROM pragma_foreign_key_list(?)`).all(child) as Array<{ parent: string }>).map(({ parent }) => ({ child, parent })),
      );
    },
    async begin() {
      db.exec("BEGIN IMMEDIATE");
    },
    async occupied(tables) {
      return tables
        .map((t) => {
          const guard = MIGRATION_ROWS[t.name];
          const rows = db.prepare(`SELECT count(*) FROM ${quote(t.name)}${exceptMigrationRows(t.name, "?")}`).pluck().get(...(guard ? [guard.value] : [])) as number;
          return { table: t.name, rows };
        })
        .filter((t) => t.rows > 0);
    },
    async clearMigrationRows() {
      for (const [table, { column, value }] of Object.entries(MIGRATION_ROWS)) db.prepare(`DELETE FROM ${quote(table)} WHERE ${quote(column)} = ?`).run(value);
    },
    // One prepared single-row INSERT: inside a transaction SQLite gains nothing from multi-row statements.
    async insert(table, rows) {
      let insert = inserts.get(table.name);
      if (!insert) {
        insert = db.prepare(
          `INSERT INTO ${quote(table.name)} (${table.columns.map((c) => quote(c.name)).join(", ")}) VALUES (${table.columns.map(() => "?").join(", ")})`,
        );
        inserts.set(table.name, insert);
      }
      for (const row of rows) insert.run(row.map(toSqlite));
    },
    async count(table) {
      return db.prepare(`SELECT count(*) FROM ${quote(table.name)}`).pluck().get() as number;
    },
    // AUTOINCREMENT's sqlite_sequence follows the largest id inserted by itself.
    async finish() {},
    async commit() {
      db.exec("COMMIT");
    },
    // None: the portal's SQLite queries are written for the planner without statistics (a start
    // never gathers them either), and ANALYZE would change their plans.
    async gatherStatistics() {},
    async rollback() {
      if (db.inTransaction) db.exec("ROLLBACK");
    },
    async close() {
      db.close();
    },
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async references() {
      const { rows } = await client.query<{ child: string; parent: string }>(
        `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c
           JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
          WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
      );
      return rows;
    },
    async begin() {
      await client.query("BEGIN");
    },
    async occupied(tables) {
      const counts: Array<{ table: string; rows: number }> = [];
      for (const t of tables) {
        const guard = MIGRATION_ROWS[t.name];
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(t.name)}${exceptMigrationRows(t.name, "$1")}`, guard ? [guard.value] : []);
        counts.push({ table: t.name, rows: Number(rows[0].n) });
      }
      return counts.filter((t) => t.rows > 0);
    },
    async clearMigrationRows() {
      for (const [table, { column, value }] of Object.entries(MIGRATION_ROWS)) {
        await client.query(`DELETE FROM ${quote(table)} WHERE ${quote(column)} = $1`, [value]);
      }
    },
    async insert(table, rows) {
      const width = table.columns.length;
      const per = Math.max(1, Math.min(BATCH, Math.floor(65_000 / width)));
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      for (let start = 0; start < rows.length; start += per) {
        const chunk = rows.slice(start, start + per);
        const tuples = chunk.map((_, r) => `(${table.columns.map((_c, i) => `$${r * width + i + 1}`).join(", ")})`);
        await client.query(`INSERT INTO ${quote(table.name)} (${columns}) VALUES ${tuples.join(", ")}`, chunk.flat().map(toPostgres));
      }
    },
    async count(table) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table.name)}`);
      return Number(rows[0].n);
    },
    // Rows came with their ids, so each identity sequence is moved past the largest (AuditEntry.id).
    async finish(tables) {
      for (const t of tables) {
        for (const c of t.columns) {
          const { rows } = await client.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence($1, $2) AS seq`, [quote(t.name), c.name]);
          const seq = rows[0]?.seq;
          if (!seq) continue;
          await client.query(
            `SELECT setval($1, COALESCE((SELECT max(${quote(c.name)}) FROM ${quote(t.name)}), 1), (SELECT count(*) > 0 FROM ${quote(t.name)}))`,
            [seq],
          );
        }
      }
    },
    async commit() {
      await client.query("COMMIT");
    },
    // Until autovacuum gets to them, the planner would guess at a million new rows: a copy is
    // served at once, so its first pages would be planned blind. (No VACUUM: autovacuum's own
    // work, started as the copy commits, holds back what it could mark visible to all.)
    async gatherStatistics() {
      await client.query("ANALYZE");
    },
    async rollback() {
      await client.query("ROLLBACK");
    },
    async close() {
      await client.end();
    },
  };
}

// --- The copy -----------------------------------------------------------------------------------

export interface CopyResult {
  /** Rows copied per table, in the order copied. */
  tables: Array<{ table: string; rows: number }>;
  seconds: number;
}

export class TargetNotEmptyError extends Error {}

function engineUrl(url: string, role: string): void {
  if (!isSqliteUrl(url) && !isPostgresUrl(url)) throw new Error(`The ${role} must be a file: or postgres:// URL.`);
}

/** Copies every table of the portal database at `from` into the one at `to` (migrated here first). */
export async function copyDatabase(from: string, to: string, log: (line: string) => void = () => {}): Promise<CopyResult> {
  engineUrl(from, "source");
  engineUrl(to, "target");
  if (from === to) throw new Error("The source and the target are the same database.");
  const started = Date.now();
  await migrateDatabase(to);
  const source = isSqliteUrl(from) ? sqliteSource(from) : await postgresSource(from);
  const target = isSqliteUrl(to) ? sqliteTarget(to) : await postgresTarget(to);
  const copied: CopyResult["tables"] = [];
  try {
    const tables = foreignKeyOrder(tablesOf(to), await target.references());
    await target.begin();
    try {
      const occupied = await target.occupied(tables);
      if (occupied.length > 0) {
        throw new TargetNotEmptyError(
          `The target database is not empty (${occupied.map((t) => `${t.table}: ${t.rows}`).join(", ")}); the copy only fills a new, empty database. Nothing was changed.`,
        );
      }
      await target.clearMigrationRows();
      for (const table of tables) {
        let rows = 0;
        for await (const batch of source.rows(table)) {
          await target.insert(table, batch);
          rows += batch.length;
        }
        const landed = await target.count(table);
        if (landed !== rows) throw new Error(`${table.name}: ${rows} rows read but ${landed} in the target.`);
        copied.push({ table: table.name, rows });
        log(`${table.name}: ${rows}`);
      }
      await target.finish(tables);
      await target.commit();
    } catch (error) {
      await target.rollback();
      throw error;
    }
    await target.gatherStatistics();
  } finally {
    await source.close();
    await target.close();
  }
  if (isSqliteUrl(to)) {
    // The triggers kept the index as rows came in; a rebuild makes it exactly what a start makes.
    const db = await connectDb(to);
    try {
      await rebuildSearchIndex(db);
    } finally {
      await db.$disconnect();
    }
  }
  return { tables: copied, seconds: (Date.now() - started) / 1000 };
}

/** The URL without its password, for messages. */
const shown = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

if (runsAsCommand(import.meta.url)) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error("Usage: npm run db:copy -- <from-url> <to-url>   e.g. file:./var/portal.db postgres://portal@db/portal");
    process.exit(2);
  }
  try {
    console.log(`Copying ${shown(from)} to ${shown(to)}`);
    const result = await copyDatabase(from, to, (line) => console.log(`  ${line}`));
    const total = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Copied ${total} rows in ${result.tables.length} tables in ${result.seconds.toFixed(1)} s.`);
  } catch (error) {
    console.error(error instanceof TargetNotEmptyError ? error.message : `The copy failed, and the target is as it was: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
