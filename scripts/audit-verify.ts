// `npm run audit:verify`: checks every audit entry, every chain's head and every request's state
// against its trail. Prints the first problem (and the others) with the kind of damage and
// exits 1; or says that all verify.
import { connectDb } from "../app/db.server";
import { auditKeyring } from "../app/requests/auditHash.server";
import { problemLines } from "../app/requests/auditReport.server";
import { verifyAuditTrail } from "../app/requests/auditVerify.server";
import { loadSettings, SettingsError } from "../app/settings.server";

try {
  const settings = loadSettings();
  const db = await connectDb(settings.databaseUrl);
  try {
    const report = await verifyAuditTrail(db, auditKeyring(settings));
    if (report.problems.length === 0) {
      console.log(`All ${report.entries} audit entries verify, and the heads of all ${report.requests} requests' chains and the portal chain match.`);
    } else {
      for (const line of problemLines(report.problems)) console.error(line);
      process.exitCode = 1;
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  if (error instanceof SettingsError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
