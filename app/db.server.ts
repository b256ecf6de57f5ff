// The portal's one database client. SQLite (file: URLs) through better-sqlite3,
// PostgreSQL (postgres:// URLs) through node-postgres; both via Prisma driver adapters, each
// with the client generated for its provider (decision 0019).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import type pg from "pg";
import { sendNamedStatements } from "./db/postgresStatements.server";
import { keepStatements } from "./db/sqliteStatements.server";
import { isPostgresUrl, isSqliteUrl } from "./db/databaseUrl";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgres/client";
import { getSettings } from "./settings.server";

export type { PrismaClient };

const BUSY_TIMEOUT_MS = 5000;

// Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) end a save with an
// error whenever the machine is busy for a moment: a queue of uploads, a slow disk, a second
// instance's import. Waiting longer keeps the user's work; a transaction that really hangs
// still ends, and releases its locks, after 30 s.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

/** The adapter a client's factory connected, until Prisma disposes of it: raw reads go to it directly (db/rawReads.server.ts). */
function tracked(adapter: SqlDriverAdapter, onDispose: () => void): SqlDriverAdapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = () => {
    onDispose();
    return dispose();
  };
  return adapter;
}

/** Prisma's better-sqlite3 adapter, with its connection's statements kept for reuse (db/sqliteStatements.server.ts). */
class PrismaSQLite extends PrismaBetterSQLite3 {
  connected: SqlDriverAdapter | undefined;
  override async connect() {
    const adapter = await super.connect();
    // The adapter's connection is its `client` (not in its types): pinned with Prisma at 6.19.
    keepStatements((adapter as unknown as { client: Database.Database }).client);
    this.connected = tracked(adapter, () => (this.connected = undefined));
    return adapter;
  }
}

/** Prisma's pg adapter, its pool sending the reads named for it as named statements (db/postgresStatements.server.ts). */
class PrismaPostgres extends PrismaPg {
  connected: SqlDriverAdapter | undefined;
  /** Off with Prisma's switch for poolers that do not keep prepared statements. */
  private readonly namesStatements: boolean;
  constructor(url: string) {
    super({ connectionString: url });
    this.namesStatements = new URL(url).searchParams.get("pgbouncer") !== "true";
  }
  override async connect() {
    const adapter = await super.connect();
    if (this.namesStatements) {
      // The adapter's pool is its `underlyingDriver()` (not in its types): pinned with Prisma at 6.19.
      sendNamedStatements((adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver());
    }
    this.connected = tracked(adapter, () => (this.connected = undefined));
    return adapter;
  }
}

const adapters = new WeakMap<PrismaClient, PrismaSQLite | PrismaPostgres>();

/** The client's connected driver adapter; undefined before Prisma connects, after it disconnects, and for a transaction's client. */
export function connectedAdapter(client: PrismaClient): SqlDriverAdapter | undefined {
  return adapters.get(clientOf(client))?.connected;
}

/** A new client for the given database URL (tests use their own SQLite files). */
export function createPrismaClient(url: string): PrismaClient {
  if (isSqliteUrl(url)) {
    // `timeout` is better-sqlite3's busy timeout; the PRAGMA below says the same.
    const adapter = new PrismaSQLite({ url, timeout: BUSY_TIMEOUT_MS });
    const client = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    adapters.set(client, adapter);
    return client;
  }
  if (isPostgresUrl(url)) {
    // Both clients are generated from one schema and offer the same API; the code is typed once.
    const adapter = new PrismaPostgres(url);
    const client = new PostgresPrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as PrismaClient;
    adapters.set(client, adapter);
    return client;
  }
  throw new Error(`Unsupported database URL: ${url.split(":")[0]}:…`);
}

/** SQLite: WAL journal (readers do not block the writer) and a 5 s busy timeout. */
export async function applySqlitePragmas(client: PrismaClient): Promise<void> {
  // journal_mode returns a row, so it must go through a query, not execute.
  await client.$queryRawUnsafe("PRAGMA journal_mode=WAL");
  await client.$queryRawUnsafe(`PRAGMA busy_timeout=${BUSY_TIMEOUT_MS}`);
  await client.$queryRawUnsafe("PRAGMA foreign_keys=ON");
}

/** Create a client for `url` and prepare the connection (pragmas for SQLite). */
export async function connectDb(url: string): Promise<PrismaClient> {
  const client = createPrismaClient(url);
  if (isSqliteUrl(url)) await applySqlitePragmas(client);
  return client;
}

let singleton: { url: string; client: PrismaClient; ready: Promise<void> } | undefined;

/**
 * The process's client for DATABASE_URL, created on first use. A process serves one database; a
 * new client is made only if the settings name another (tests that share a worker, each with its
 * own database).
 */
export function getDb(): PrismaClient {
  const { databaseUrl } = getSettings();
  if (singleton?.url !== databaseUrl) {
    const client = createPrismaClient(databaseUrl);
    // better-sqlite3 runs statements in order on its one connection, so the pragmas run before
    // the first query the app sends.
    const ready = isSqliteUrl(databaseUrl)
      ? applySqlitePragmas(client).catch((error: unknown) => {
          console.error("Could not set SQLite pragmas:", error);
        })
      : Promise.resolve();
    singleton = { url: databaseUrl, client, ready };
  }
  return singleton.client;
}

/** Resolves once the singleton's connection is prepared. */
export async function dbReady(): Promise<PrismaClient> {
  const client = getDb();
  await singleton?.ready;
  return client;
}

/**
 * The process's client. A lazy proxy so that importing this module does not read
 * settings or open the database (tests import modules without a database).
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** The client an argument stands for: the `db` proxy stands for the process's current client. */
export function clientOf(client: PrismaClient): PrismaClient {
  return client === db ? getDb() : client;
}
