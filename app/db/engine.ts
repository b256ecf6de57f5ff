// Which database a client talks to, for the few raw queries written once per engine (issue 17).
// Everything else is the same SQL on both; what differs is said here, side by side.
import type { Prisma } from "~/generated/prisma/client";

export type Engine = "sqlite" | "postgres";

type AnyClient = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * The engine of a client or of a transaction's client. Prisma keeps the schema's provider on
 * every client it makes, transactions' included (`_activeProvider`); the generated types do not
 * show it.
 */
export function engineOf(db: AnyClient): Engine {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql") return "postgres";
  if (provider === "sqlite") return "sqlite";
  throw new Error(`Unknown database provider: ${String(provider)}`);
}

/** The engine's own form of a piece of SQL. */
export function sqlFor<T>(db: AnyClient, forms: Record<Engine, T>): T {
  return forms[engineOf(db)];
}
