// `npm run clock:tick`: one pass of the clock, for cron.
import { tickAlone } from "../app/clock/clock.server";
import { connectDb } from "../app/db.server";
import { loadSettings, SettingsError } from "../app/settings.server";

try {
  const settings = loadSettings();
  const db = await connectDb(settings.databaseUrl);
  const result = await tickAlone(db, { now: new Date(), timeZone: settings.timeZone });
  await db.$disconnect();
  console.log(
    result
      ? `Clock: ${result.lapsed} lapsed, ${result.completed} completed, ${result.reminded} reminders.`
      : "Clock: another instance is ticking; nothing done.",
  );
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
