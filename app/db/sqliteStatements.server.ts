// Prepared statements kept for reuse on SQLite. Prisma's better-sqlite3 adapter (6.19) prepares
// every query afresh; preparing cost about a tenth of an event's time and a few percent of a
// page's. The adapter binds each statement's values once (`prepare(sql).bind(values)`), which a
// kept better-sqlite3 statement refuses the second time, so what it gets back is a view that
// passes the values with each call instead. Only what the adapter calls is offered.
import type Database from "better-sqlite3";

/** Distinct SQL texts kept, the least recently used dropped first (lists of values make new texts). */
const KEPT = 500;

interface BoundView {
  readonly reader: boolean;
  run(): Database.RunResult;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
}

// A statement's result columns, asked for on every query, are fixed once it is prepared (the
// schema is migrated before the portal serves), and better-sqlite3 builds them anew each time.
const columnsOf = new WeakMap<Database.Statement, Database.ColumnDefinition[]>();

function columns(statement: Database.Statement): Database.ColumnDefinition[] {
  let known = columnsOf.get(statement);
  if (!known) {
    known = statement.columns();
    columnsOf.set(statement, known);
  }
  return known;
}

function boundView(statement: Database.Statement, values: unknown[]): BoundView {
  return {
    reader: statement.reader,
    run: () => statement.run(...values),
    columns: () => columns(statement),
    raw: () => ({ all: () => statement.raw(true).all(...values) as unknown[] }),
  };
}

/** Makes `database.prepare` hand out kept statements, each bound afresh on every use. */
export function keepStatements(database: Database.Database): void {
  const prepare = database.prepare.bind(database);
  const kept = new Map<string, Database.Statement>();
  const keptPrepare = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else {
      statement = prepare(sql);
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
    }
    kept.set(sql, statement);
    const held = statement;
    return { bind: (values: unknown[]) => boundView(held, values), run: () => held.run(), reader: held.reader };
  };
  (database as unknown as { prepare: typeof keptPrepare }).prepare = keptPrepare;
}
