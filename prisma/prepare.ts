// `npm run db:migrate`, the release step, which `npm start` also runs before serving (issue 17
// §2): what the database needs before any instance serves, under the database's start
// lock — an advisory lock on PostgreSQL, a lock file beside a SQLite file — so that instances
// starting together take turns: the first migrates, rebuilds the search index, reseals and
// seeds; the next finds it all done (seeding fills only an empty database; the rebuild and the
// reseal give the same result twice).
import { connectDb } from "../app/db.server";
import { auditKeyring } from "../app/requests/auditHash.server";
import { needsReseal, resealAuditTrail } from "../app/requests/auditReseal.server";
import { rebuildSearchIndex } from "../app/requests/search.server";
import { loadSettings, SettingsError, type Settings } from "../app/settings.server";
import { withStartLock } from "./migrate";
import { seedOnStart } from "./seed";
import { runsAsCommand } from "../scripts/runsAsCommand";

export async function prepareDatabase(settings: Settings): Promise<void> {
  await withStartLock(settings.databaseUrl, async (migrate) => {
    console.log("Applying database migrations…");
    const applied = await migrate();
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s).`);
    const db = await connectDb(settings.databaseUrl);
    try {
      await rebuildSearchIndex(db);
      // A trail from before keyed hashes (or from before an AUDIT_KEY change) is checked and
      // re-signed with the current key; a damaged one is left as it is, and said so.
      const keys = auditKeyring(settings);
      if (await needsReseal(db, keys.current)) {
        const outcome = await resealAuditTrail(db, keys);
        if (outcome.ok) console.log(`Audit trail sealed with the current AUDIT_KEY (${outcome.chains} chains).`);
        else console.error("The audit trail does not verify, so it was not re-signed: run npm run audit:verify.");
      }
      const result = await seedOnStart(db, { nodeEnv: settings.nodeEnv, timeZone: settings.timeZone, now: new Date() });
      if (result.seeded) {
        console.log(`Seeded demo data: ${result.departments} departments, ${result.users} accounts (see README).`);
      }
      if (result.needsAdmin) {
        console.log("No one can sign in yet: create the first administrator with npm run admin:create -- --email you@your-county.gov");
      }
    } finally {
      await db.$disconnect();
    }
  });
}

// `npm run db:migrate`: the release step, before `npm run serve` on each instance.
if (runsAsCommand(import.meta.url)) {
  try {
    await prepareDatabase(loadSettings());
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
