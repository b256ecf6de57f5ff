// The browser tests' own look into the portal's database (SQLite or PostgreSQL, as the run
// uses): to seed a request at a given step, or to check what a page did or did not change.
import { createHash } from "node:crypto";
import { isSqliteUrl } from "../../app/db/databaseUrl";
import { connectDb, type PrismaClient } from "../../app/db.server";
import { E2E_DATABASE_URL } from "./paths";

let client: Promise<PrismaClient> | undefined;

export function e2eDb(): Promise<PrismaClient> {
  client ??= connectDb(E2E_DATABASE_URL);
  return client;
}

/** A message the mail server refused for good, as the administrator's page lists it; returns its id. */
export async function addFailedMessage(): Promise<string> {
  const id = `failed-${Date.now()}`;
  await (await e2eDb()).outboxMessage.create({
    data: {
      id,
      template: "invitation",
      recipients: JSON.stringify([{ email: "lost@example.gov", name: "Lost Person" }]),
      data: JSON.stringify({ name: "Lost Person", invitationId: "lost-invitation" }),
      status: "failed",
      attempts: 8,
      lastError: "550 mailbox unavailable",
    },
  });
  return id;
}

export async function closeE2eDb(): Promise<void> {
  if (client) await (await client).$disconnect();
  client = undefined;
}

/** The tables a page may not change by being read: all but sessions, throttles and the migration history. */
async function ordinaryTables(db: PrismaClient): Promise<string[]> {
  const rows = isSqliteUrl(E2E_DATABASE_URL)
    ? // Ordinary tables only: the search index's virtual and shadow tables are derived from Request.
      await db.$queryRaw<Array<{ name: string }>>`
        SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
    : await db.$queryRaw<Array<{ name: string }>>`
        SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const derived = ["Session", "SignInThrottle", "_prisma_migrations"];
  return rows.map((r) => r.name).filter((name) => !derived.includes(name));
}

/** A hash of each such table's rows, to compare before and after. */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const db = await e2eDb();
  const fingerprint: Record<string, string> = {};
  for (const name of await ordinaryTables(db)) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    const lines = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).sort();
    fingerprint[name] = createHash("sha256").update(lines.join("\n")).digest("hex");
  }
  return fingerprint;
}
