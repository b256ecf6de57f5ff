// Several writes that answer nothing and do not depend on one another's effects, sent as few
// times as each engine allows (issue 17): PostgreSQL runs them as one statement (data-modifying
// WITH clauses), so a transition's audit entry, e-mails and data version are one round trip;
// SQLite has no such statement and runs them one by one, in the caller's transaction either way.
import { Prisma } from "~/generated/prisma/client";
import { engineOf } from "./engine";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/**
 * Runs `statements` (INSERT, UPDATE or DELETE, without RETURNING). On PostgreSQL their order is
 * unspecified, as in any statement with data-modifying WITH clauses: they must touch different
 * rows and lock nothing another statement of the caller's needs first.
 */
export async function executeTogether(tx: Tx, statements: Prisma.Sql[]): Promise<void> {
  if (statements.length === 0) return;
  if (engineOf(tx) === "sqlite" || statements.length === 1) {
    for (const statement of statements) await tx.$executeRaw(statement);
    return;
  }
  const last = statements[statements.length - 1];
  const before = statements.slice(0, -1).map((statement, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${statement})`);
  await tx.$executeRaw`WITH ${Prisma.join(before)} ${last}`;
}
