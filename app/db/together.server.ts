// A guarded update and the writes that follow it, sent as few times as each engine allows
// (issue 17). The transition service writes a request row only if nobody changed it since it
// was read, and only then its audit entry, the data version and its e-mails.
// - PostgreSQL: one statement, its own transaction. The guarded UPDATE is a WITH clause and each
//   following write reads from it (INSERT … SELECT … FROM it, UPDATE … WHERE EXISTS it), so they
//   write nothing when it matched no row, and run after it has locked its row: the lock order is
//   the one every other transaction of the portal takes (the request's row, then the rest).
// - SQLite has no data-modifying WITH: a transaction, one statement after another.
// Without further writes through Prisma (`within`), the statements go straight to the driver
// adapter, as raw reads do (decision 0030); on SQLite in the adapter's own transaction (its lock,
// its connection). Prisma's interactive transaction and query compiler were about a third of an
// event's CPU on SQLite.
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { connectedAdapter } from "~/db.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { engineOf } from "./engine";
import { driverQuery, readRows } from "./rawReads.server";

type Tx = Prisma.TransactionClient;

/** A write that follows the guarded update. */
export type Follower =
  /** Rows for `insert` (the table and its column list), each the list of its values. */
  | { insert: Prisma.Sql; rows: Prisma.Sql[] }
  /** An UPDATE ending in its WHERE clause (one more condition is added on PostgreSQL). */
  | { update: Prisma.Sql };

export interface GuardedWrite {
  /** An UPDATE of at most one row, without RETURNING, that matches no row when the write must not happen. */
  guard: Prisma.Sql;
  /** What follows it, when it wrote its row. */
  followers: Follower[];
  /** Further writes in the same transaction (PostgreSQL then opens one too). */
  within?: (tx: Tx) => Promise<void>;
}

function plain(follower: Follower): Prisma.Sql {
  if ("update" in follower) return follower.update;
  return Prisma.sql`INSERT INTO ${follower.insert} VALUES ${Prisma.join(follower.rows.map((row) => Prisma.sql`(${row})`))}`;
}

/** PostgreSQL: the follower's writes as WITH clauses reading the guard's clause, `guarded`. */
function afterGuard(follower: Follower): Prisma.Sql[] {
  // One INSERT … SELECT a row: a UNION of them would type their parameters as text.
  if ("insert" in follower) return follower.rows.map((row) => Prisma.sql`INSERT INTO ${follower.insert} SELECT ${row} FROM guarded`);
  return [Prisma.sql`${follower.update} AND EXISTS (SELECT 1 FROM guarded)`];
}

/** SQLite, inside a transaction: the guard, then its followers if it wrote its row. Whether it did. */
async function oneAfterAnother(write: GuardedWrite, execute: (sql: Prisma.Sql) => Promise<number>): Promise<boolean> {
  if ((await execute(write.guard)) !== 1) return false;
  for (const follower of write.followers) await execute(plain(follower));
  return true;
}

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

/**
 * SQLite, with nothing to write through Prisma: the adapter's transaction. Its commit() only
 * releases the adapter's lock; COMMIT and ROLLBACK are statements, as Prisma's engine sends them.
 */
async function writeThroughAdapter(adapter: SqlDriverAdapter, write: GuardedWrite): Promise<boolean> {
  const tx = await adapter.startTransaction();
  try {
    const wrote = await oneAfterAnother(write, (sql) => tx.executeRaw(driverQuery(adapter, sql)));
    await tx.executeRaw(statement("COMMIT"));
    return wrote;
  } catch (error) {
    // The first error is the one to report; a failed ROLLBACK (none left to undo) would hide it.
    await tx.executeRaw(statement("ROLLBACK")).catch(() => undefined);
    throw error;
  } finally {
    await tx.commit();
  }
}

/** Whether the guard wrote its row (and so everything else was written). */
export async function writeGuarded(db: PrismaClient, write: GuardedWrite): Promise<boolean> {
  if (engineOf(db) === "sqlite") {
    const adapter = write.within ? undefined : connectedAdapter(db);
    if (adapter) return writeThroughAdapter(adapter, write);
    return db.$transaction(async (tx) => {
      if (!(await oneAfterAnother(write, (sql) => tx.$executeRaw(sql)))) return false;
      await write.within?.(tx);
      return true;
    });
  }
  const clauses = write.followers.flatMap(afterGuard).map((sql, i) => Prisma.sql`, ${Prisma.raw(`w${i}`)} AS (${sql})`);
  const withClause = Prisma.sql`WITH guarded AS (${write.guard} RETURNING 1) ${Prisma.join(clauses, " ")} SELECT count(*)::int AS n FROM guarded`;
  const run = async (client: PrismaClient | Tx) => (await readRows<{ n: number }>(client, withClause))[0].n === 1;
  const { within } = write;
  if (!within) return run(db);
  return db.$transaction(async (tx) => {
    if (!(await run(tx))) return false;
    await within(tx);
    return true;
  });
}
