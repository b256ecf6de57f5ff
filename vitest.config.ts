import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      workflows: fileURLToPath(new URL("./workflows/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: [
      "tests/support/globalSetup.ts",
      // TEST_DB=postgres: the integration tests again, on a PostgreSQL server of their own.
      ...(process.env.TEST_DB === "postgres" ? ["tests/support/postgresGlobalSetup.ts"] : []),
    ],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
