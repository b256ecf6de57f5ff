import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
      // Each worker imports the app's modules once for all its files, not afresh for each: that
      // cost a third of the unit tests' time, and 60 of the PostgreSQL integration run's 180 s.
      // An integration file brings its own database and settings (useTestDatabase); the process's
      // services follow the settings (perSettings, getDb), as the memo follows the client.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false } },
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], isolate: false } },
    ],
    globalSetup: [
      "tests/support/globalSetup.ts",
      // TEST_DB=postgres: the integration tests again, on a PostgreSQL server of their own.
      ...(process.env.TEST_DB === "postgres" ? ["tests/support/postgresGlobalSetup.ts"] : []),
      "tests/support/templateGlobalSetup.ts",
    ],
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
