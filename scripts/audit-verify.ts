// `npm run audit:verify`: checks every audit entry, every chain's head and every request's state
// against its trail. Prints the first problem (and the others) with the kind of damage and
// exits 1; or says that all verify.
import { auditKeyring } from "../app/requests/auditHash.server";
import { problemLines } from "../app/requests/auditReport.server";
import { verifyAuditTrail } from "../app/requests/auditVerify.server";
import { withDatabase } from "./withDatabase";

await withDatabase(async (db, settings) => {
  const report = await verifyAuditTrail(db, auditKeyring(settings));
  if (report.problems.length === 0) {
    console.log(`All ${report.entries} audit entries verify, and the heads of all ${report.requests} requests' chains and the portal chain match.`);
  } else {
    for (const line of problemLines(report.problems)) console.error(line);
    process.exitCode = 1;
  }
});
