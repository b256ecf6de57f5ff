// Vitest's global set-up for the PostgreSQL run: a throw-away server for the whole run (each test
// file makes a database of its own on it), stopped at the end even when tests fail. A given
// TEST_DATABASE_URL is used instead.
import { startPostgres } from "./postgresServer";

export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {};
  const server = await startPostgres();
  // The forked test workers start after this and inherit the address.
  process.env.TEST_DATABASE_URL = server.url;
  return server.stop;
}
