import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { isPostgresUrl } from "./app/db/databaseUrl";
import { SlowFilesFirst } from "./tests/support/slowFilesFirst";

// A PostgreSQL server given (npm test starts one), or TEST_DB=postgres (a server of its own, from
// the global set-up): the integration tests run on it as a project of their own, in the same run
// and the same workers as the SQLite ones, so neither waits for the other to finish.
const postgresGiven = isPostgresUrl(process.env.TEST_DATABASE_URL ?? "");
const onPostgres = postgresGiven || process.env.TEST_DB === "postgres";

export default defineConfig({
  resolve: {
    // Exact names for the workflow's two doors (a plain "workflows" key would also catch "workflows/view").
    alias: [
      { find: "~", replacement: fileURLToPath(new URL("./app", import.meta.url)) },
      { find: /^workflows$/, replacement: fileURLToPath(new URL("./workflows/index.ts", import.meta.url)) },
      { find: /^workflows\/view$/, replacement: fileURLToPath(new URL("./workflows/view.ts", import.meta.url)) },
    ],
  },
  test: {
    projects: [
      // The unit tests share their workers' modules: none touches the environment, a database
      // or a mock, and importing the app's modules afresh for each file cost a third of their time.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false } },
      // TEST_DATABASE_URL empty: a SQLite file per test file, whatever server the run was given.
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], env: { TEST_DATABASE_URL: "" } } },
      ...(onPostgres ? [{ extends: true as const, test: { name: "integration (PostgreSQL)", include: ["tests/integration/**/*.test.ts"] } }] : []),
    ],
    // The server of its own when none is given; the forked workers inherit its address.
    globalSetup: ["tests/support/globalSetup.ts", ...(onPostgres && !postgresGiven ? ["tests/support/postgresGlobalSetup.ts"] : [])],
    sequence: { sequencer: SlowFilesFirst },
    pool: "forks",
    // A worker per core: vitest's default leaves one free, which on a 2-core machine runs the
    // files one at a time while much of a file's time waits on its database (own one per file).
    maxWorkers: "100%",
    // --expose-gc: the upload test measures memory after a full collection.
    execArgv: ["--expose-gc"],
    // Hang guards, not speed checks: in `npm test` the browser tests run beside these, and a test
    // that starts processes (tsx, dispatchers, the admin script) can take several times its time alone.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
