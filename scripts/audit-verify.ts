// `npm run audit:verify`: walks the audit chains and says whether every entry verifies.
import { connectDb } from "../app/db.server";
import { verifyAuditChains } from "../app/requests/audit.server";
import { loadSettings, SettingsError } from "../app/settings.server";

try {
  const settings = loadSettings();
  const db = await connectDb(settings.databaseUrl);
  const verdict = await verifyAuditChains(db);
  await db.$disconnect();
  if (verdict.ok) {
    console.log(`All ${verdict.entries} audit entries verify.`);
  } else {
    const { id, requestId, why } = verdict.brokenAt;
    console.error(`Audit entry ${id} (request ${requestId ?? "none"}) does not verify: ${why}.`);
    process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof SettingsError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
