// Named prepared statements on PostgreSQL for the reads by key that every page sends (decision
// 0035). Prisma's pg adapter sends every query unnamed, so PostgreSQL parses and plans it each
// time: for a request page's five reads (the session, the request, its history, comments and
// files) that planning was about two thirds of the database's CPU. A named statement is parsed
// and planned once per connection, as Prisma's own engine does with its statement cache.
//
// Only reads that opt in are named (readRows's `prepared`): fixed statements that look rows up
// by key. After five uses PostgreSQL may keep one generic plan, which suits a lookup by id but
// not a list filtered on a skewed column such as the state.
//
// `pgbouncer=true` in DATABASE_URL (Prisma's own switch) turns naming off, for poolers in
// transaction mode that do not keep prepared statements (PgBouncer before 1.21, or without
// max_prepared_statements). A named statement PostgreSQL refuses (a release changed a column's
// type under it, or a pooler mixed up connections) is sent again unnamed, and is not named again.
import { createHash } from "node:crypto";
import type pg from "pg";

/** Distinct statements named: the opted-in reads have a few fixed texts each. */
const NAMED_AT_MOST = 100;

// "cached plan must not change result type"; behind a pooler that hands each transaction any
// server connection, "prepared statement … does not exist" and "… already exists".
const STALE_STATEMENT_CODES = new Set(["0A000", "26000", "42P05"]);

const names = new Map<string, string>();
const refused = new Set<string>();

/** The name a statement is prepared under: the same in every instance, and on every connection. */
export function statementName(text: string): string {
  return `portal_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
}

/** Names this statement from now on, so that each connection prepares it once. */
export function nameStatement(text: string): void {
  if (names.has(text) || refused.has(text) || names.size >= NAMED_AT_MOST) return;
  names.set(text, statementName(text));
}

interface QueryConfig {
  text: string;
}

function isQueryConfig(config: unknown): config is QueryConfig {
  return typeof config === "object" && config !== null && typeof (config as QueryConfig).text === "string";
}

/** Makes the pool send named statements as named, and each refused one again unnamed. */
export function sendNamedStatements(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<unknown>;
  const named = async (config: unknown, values?: unknown) => {
    if (!isQueryConfig(config)) return query(config, values);
    const name = names.get(config.text);
    if (name === undefined) return query(config, values);
    try {
      return await query({ ...config, name }, values);
    } catch (error) {
      if (!STALE_STATEMENT_CODES.has((error as { code?: string }).code ?? "")) throw error;
      names.delete(config.text);
      refused.add(config.text);
      return query(config, values);
    }
  };
  (pool as unknown as { query: typeof named }).query = named;
}
