// What the database does with a query, for tests that a page reads its index in order (issue 17),
// and the SQL a client sends, for tests of what a page reads.
import type { PrismaClient } from "../../app/db.server";
import { engineOf } from "../../app/db/engine";
import { Prisma } from "../../app/generated/prisma/client";

/**
 * The plan as text, and whether it sorts. PostgreSQL's planner chooses by cost, and test tables
 * are small: the scan and the sort are forbidden, so the plan shows whether an index can give the order.
 */
export async function orderedPlan(db: PrismaClient, sql: Prisma.Sql): Promise<{ plan: string; sorts: boolean }> {
  if (engineOf(db) === "sqlite") {
    const plan = (await db.$queryRaw<Array<{ detail: string }>>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`)).map((row) => row.detail).join("\n");
    return { plan, sorts: plan.includes("TEMP B-TREE") };
  }
  const plan = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
    return (await tx.$queryRaw<Array<{ "QUERY PLAN": string }>>(Prisma.sql`EXPLAIN ${sql}`)).map((row) => row["QUERY PLAN"]).join("\n");
  });
  return { plan, sorts: /Sort/.test(plan) };
}

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
