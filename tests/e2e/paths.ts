// Where one browser-test run keeps its database, mail and sessions: a folder per port, so two
// runs on one machine (on different E2E_PORTs) never delete each other's files.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DIR = `var/e2e/${E2E_PORT}`;
export const E2E_DB = `${E2E_DIR}/portal.db`;
export const E2E_MAIL_DIR = `${E2E_DIR}/mail`;
export const E2E_SESSIONS_DIR = `${E2E_DIR}/sessions`;
export const E2E_TOTP_STEPS_FILE = `${E2E_DIR}/totp-steps.json`;
/**
 * The database the browser tests' portal uses: its SQLite file, or, for the PostgreSQL run,
 * the database `npm test` made for it on the tests' PostgreSQL server (E2E_DATABASE_URL).
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./${E2E_DB}`;
