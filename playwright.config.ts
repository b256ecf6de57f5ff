import { defineConfig } from "@playwright/test";
import { isPostgresUrl } from "./app/db/databaseUrl";
import { E2E_DATABASE_URL, E2E_DIR, E2E_MAIL_DIR, E2E_PORT as PORT } from "./tests/e2e/paths";

/** On PostgreSQL the portal runs as two instances behind a round-robin proxy (issue 17); on SQLite as one. */
const twoInstances = isPostgresUrl(E2E_DATABASE_URL);

/**
 * `npm test` runs the browser tests as two groups side by side, each with its own portal,
 * database, port and sessions, so neither sees the other's data (E2E_GROUP=first|second; unset:
 * every spec). The first group is named; the second is every other spec, so a new spec always
 * runs. The split gives each group about half of the time (6.6 and 7.9 minutes in `npm test`
 * before lists, 44 s, moved to the first group).
 */
const FIRST_GROUP = ["lighthouse", "pages", "request-page", "review-approval", "capacity-pinch", "lists"].map((name) => `**/${name}.spec.ts`);
const group = process.env.E2E_GROUP;
if (group !== undefined && group !== "first" && group !== "second") throw new Error(`E2E_GROUP must be "first" or "second", got "${group}"`);

export default defineConfig({
  testDir: "tests/e2e",
  ...(group === "first" ? { testMatch: FIRST_GROUP } : group === "second" ? { testIgnore: FIRST_GROUP } : {}),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Two minutes a test, as a bound on a hang, not a speed check: in `npm test` the two browser
  // groups and the vitest runs share two cores, and tests that take 30 s alone took 57–60 s there.
  timeout: 120_000,
  // A page's answer, not a speed check: in `npm test` the portal shares two cores with the vitest
  // runs, and a client-side navigation has taken more than the default 5 s to land.
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The real start command, on a database of its own made afresh for each run.
    command: `rm -rf ${E2E_DIR} && mkdir -p ${E2E_DIR} && ${twoInstances ? "npx tsx tests/e2e/twoInstances.ts" : "npm start"}`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      APP_URL: `http://127.0.0.1:${PORT}`,
      MAIL_DIR: `./${E2E_MAIL_DIR}`,
    },
  },
});
