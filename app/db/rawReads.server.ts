// Raw reads sent straight to the driver adapter the client itself uses (decision 0030). Prisma's
// $queryRaw compiles every call with its query compiler and passes the rows through two
// conversions: about 0.23 ms of the server's CPU a query on PostgreSQL and 0.07 on SQLite, against
// 0.08 and 0.004 for the driver. A page sends three to six, so that was a fifth of a page's cost.
//
// Same SQL, same connection pool, same values: the arguments are typed as Prisma types them for
// the adapter, and each column comes back as $queryRaw returns it (the conversions below are
// Prisma 6.19's serializeRawValue and deserializeRawResult, in one step). Only the process's own
// clients are read this way, and never inside a transaction: a transaction's client, or any other
// object standing for a client (a test's watcher), goes through $queryRaw. The transition's write
// takes the same way (`driverQuery`, db/together.server.ts, decision 0034).
import { ColumnTypeEnum, type ArgType, type ColumnType, type SqlDriverAdapter, type SqlQuery } from "@prisma/driver-adapter-utils";
import { connectedAdapter } from "~/db.server";
import { nameStatement } from "./postgresStatements.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";

function scalarType(value: unknown): ArgType["scalarType"] {
  if (value instanceof Date) return "datetime";
  if (ArrayBuffer.isView(value)) return "bytes";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "bigint";
    case "boolean":
      return "boolean";
    default:
      return "unknown";
  }
}

const argType = (value: unknown): ArgType => ({ scalarType: scalarType(value), arity: "scalar" });

/** A column's value as $queryRaw gives it. */
function columnValue(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case ColumnTypeEnum.Int32:
      return Math.trunc(Number(value));
    case ColumnTypeEnum.Int64:
      return BigInt(typeof value === "number" ? Math.trunc(value) : (value as string | bigint));
    case ColumnTypeEnum.Numeric:
      return new Prisma.Decimal(value as string);
    case ColumnTypeEnum.Boolean:
      return typeof value === "boolean" ? value : value === "true" || value === "1" || value === 1;
    case ColumnTypeEnum.Json:
      return JSON.parse(value as string);
    case ColumnTypeEnum.Bytes:
      return new Uint8Array(value as ArrayLike<number>);
    case ColumnTypeEnum.Date:
    case ColumnTypeEnum.DateTime:
      return new Date(value as string);
    case ColumnTypeEnum.Time:
      return new Date(`1970-01-01T${String(value)}Z`);
    case ColumnTypeEnum.Int32Array:
    case ColumnTypeEnum.Int64Array:
    case ColumnTypeEnum.NumericArray:
    case ColumnTypeEnum.BooleanArray:
    case ColumnTypeEnum.JsonArray:
    case ColumnTypeEnum.BytesArray:
    case ColumnTypeEnum.DateArray:
    case ColumnTypeEnum.DateTimeArray:
    case ColumnTypeEnum.TimeArray:
      return (value as unknown[]).map((v) => columnValue(v, (type - ColumnTypeEnum.Int32Array) as ColumnType));
    default:
      return value;
  }
}

/** The query as the driver adapter takes it, its arguments typed as Prisma types them. */
export function driverQuery(adapter: SqlDriverAdapter, query: Prisma.Sql): SqlQuery {
  return { sql: adapter.provider === "postgres" ? query.text : query.sql, args: query.values, argTypes: query.values.map(argType) };
}

export interface ReadOptions {
  /**
   * A fixed statement that looks rows up by key, sent on PostgreSQL as a named statement that
   * each connection parses and plans once (db/postgresStatements.server.ts). SQLite keeps every
   * statement anyway.
   */
  prepared?: boolean;
}

/** The rows of a read, as `db.$queryRaw(query)` returns them. */
export async function readRows<T>(db: PrismaClient | Prisma.TransactionClient, query: Prisma.Sql, options: ReadOptions = {}): Promise<T[]> {
  const adapter = connectedAdapter(db as PrismaClient);
  if (!adapter) return db.$queryRaw<T[]>(query);
  const sent = driverQuery(adapter, query);
  // Named by the very text the pool is handed: Prisma.Sql builds its text anew on each reading.
  if (options.prepared && adapter.provider === "postgres") nameStatement(sent.sql);
  const result = await adapter.queryRaw(sent);
  const { columnNames, columnTypes } = result;
  return result.rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) object[columnNames[i]] = columnValue(row[i], columnTypes[i]);
    return object as T;
  });
}
