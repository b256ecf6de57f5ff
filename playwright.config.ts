import { defineConfig } from "@playwright/test";
import { E2E_DB, E2E_DIR, E2E_MAIL_DIR, E2E_PORT as PORT } from "./tests/e2e/paths";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
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
    command: `rm -rf ${E2E_DIR} && mkdir -p ${E2E_DIR} && npm start`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:./${E2E_DB}`,
      APP_URL: `http://127.0.0.1:${PORT}`,
      MAIL_DIR: `./${E2E_MAIL_DIR}`,
    },
  },
});
