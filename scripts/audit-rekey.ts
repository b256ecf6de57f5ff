// `npm run audit:rekey`: after AUDIT_KEY changes (the old key moved to AUDIT_PREVIOUS_KEYS),
// verifies the whole audit trail and re-signs it with the new key, so the old key can then be
// dropped. Changes nothing, and exits 1, if anything does not verify.
import { auditKeyring } from "../app/requests/auditHash.server";
import { problemLines } from "../app/requests/auditReport.server";
import { resealAuditTrail } from "../app/requests/auditReseal.server";
import { withDatabase } from "./withDatabase";

await withDatabase(async (db, settings) => {
  const outcome = await resealAuditTrail(db, auditKeyring(settings));
  if (outcome.ok) {
    console.log(`Audit trail re-signed with the current AUDIT_KEY (${outcome.chains} chains changed).`);
  } else {
    console.error("Nothing was re-signed: the audit trail does not verify.");
    for (const line of problemLines(outcome.problems)) console.error(line);
    process.exitCode = 1;
  }
});
