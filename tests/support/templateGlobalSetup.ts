// Vitest's last global set-up: the migrated database that each test file's database copies, on the
// engine of this run (after postgresGlobalSetup.ts, which may start the server). Removed at the end.
import { createMigratedTemplate } from "./testDb";

export default async function setup(): Promise<() => Promise<void>> {
  return createMigratedTemplate();
}
