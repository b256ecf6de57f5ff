// What the database does with a query, for tests that a page reads its index in order (issue 17),
// and the SQL a client sends, for tests of what a page reads.
import type { PrismaClient } from "../../app/db.server";
import { engineOf } from "../../app/db/engine";
import { Prisma } from "../../app/generated/prisma/client";

/**
 * The plan as text, and whether it sorts. PostgreSQL's planner chooses by cost, and test tables
 * are small: the scan and the sort are forbidden, so the plan shows whether an index can give the order.
 * Where two indexes can, which one it takes on a few rows turns on its statistics of the moment
 * (whether autovacuum has analysed the table yet): on PostgreSQL, `without` names indexes dropped for the plan
 * alone, in a transaction rolled back, so the plan shows what the named one does.
 */
export async function orderedPlan(db: PrismaClient, sql: Prisma.Sql, { without = [] }: { without?: string[] } = {}): Promise<{ plan: string; sorts: boolean }> {
  if (engineOf(db) === "sqlite") {
    const plan = (await db.$queryRaw<Array<{ detail: string }>>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`)).map((row) => row.detail).join("\n");
    return { plan, sorts: plan.includes("TEMP B-TREE") };
  }
  let plan = "";
  await db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      for (const index of without) await tx.$executeRawUnsafe(`DROP INDEX "${index}"`);
      plan = (await tx.$queryRaw<Array<{ "QUERY PLAN": string }>>(Prisma.sql`EXPLAIN ${sql}`)).map((row) => row["QUERY PLAN"]).join("\n");
      throw ROLLED_BACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLED_BACK) throw error;
    });
  return { plan, sorts: /Sort/.test(plan) };
}

const ROLLED_BACK = new Error("rolled back: the plan's transaction changes nothing");

/** The client, and the text of each raw query sent through it from now on. */
export function watchedQueries(db: PrismaClient): { db: PrismaClient; sent: string[] } {
  const sent: string[] = [];
  const watched = new Proxy(db, {
    get(target, name, receiver) {
      if (name !== "$queryRaw") return Reflect.get(target, name, receiver);
      return (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
        sent.push(query instanceof Prisma.Sql ? query.sql : query.join("?"));
        return target.$queryRaw(query as TemplateStringsArray, ...values);
      };
    },
  });
  return { db: watched, sent };
}
