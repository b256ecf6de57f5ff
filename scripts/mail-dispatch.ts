// `npm run mail:dispatch`: send the e-mails that are due, then exit — for cron, next to (or
// instead of) the dispatcher inside the server. Claims make running both at once safe.
// Exit 0 when the pass ran (messages that failed stay queued for a later pass), 1 when it
// could not run (bad settings, no database).
import { hostname } from "node:os";
import { connectDb } from "../app/db.server";
import { getSettings, SettingsError } from "../app/settings.server";
import { dispatchAll } from "../emails/dispatcher.server";
import { loadMailSettings } from "../emails/mail-settings.server";
import { createTransport } from "../emails/transport.server";

async function main(): Promise<void> {
  // The .eml outbox may hold one-time links: whatever this writes is the portal's user's only.
  process.umask(0o077);
  const settings = loadMailSettings();
  const db = await connectDb(getSettings().databaseUrl);
  const transport = createTransport(settings);
  try {
    const total = await dispatchAll({ ...settings, db, transport, workerId: `cron@${hostname()}:${process.pid}` });
    console.log(
      `Mail: ${total.sent} sent, ${total.retrying} to retry, ${total.failed} failed (via ${transport.kind === "smtp" ? "SMTP" : settings.mailDir}).`,
    );
  } finally {
    transport.close();
    await db.$disconnect();
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : `Mail dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
