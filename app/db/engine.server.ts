// Which engine a Prisma client (or a transaction's client) talks to, for the few modules that
// run different SQL on each: Prisma records the provider it was generated for on the client.
import type { PrismaClient } from "../generated/prisma/client";

export type DatabaseEngine = "sqlite" | "postgres";

type Client = Pick<PrismaClient, "$queryRaw">;

export function databaseEngine(db: Client): DatabaseEngine {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "sqlite") return "sqlite";
  if (provider === "postgresql") return "postgres";
  throw new Error(`Unknown database provider: ${String(provider)}`);
}
