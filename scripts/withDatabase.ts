// The frame of a command that works on the portal's database: settings validated (a bad one is
// one line and exit 1), a connection for the work, closed afterwards.
import { connectDb, type PrismaClient } from "../app/db.server";
import { loadSettings, SettingsError, type Settings } from "../app/settings.server";

export async function withDatabase(work: (db: PrismaClient, settings: Settings) => Promise<void>): Promise<void> {
  try {
    const settings = loadSettings();
    const db = await connectDb(settings.databaseUrl);
    try {
      await work(db, settings);
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
