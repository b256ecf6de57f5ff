// What the accuracy page shows (issue 19), worked out once per data version and day (issue 17:
// the page's time grew with the compared requests). The figures are the Center's, the same for
// every role the page admits (accuracyRoles), so nothing a viewer may not see is in them and no
// viewer is in the key.
import { memoised } from "~/dataVersionMemo.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { REQUEST_TYPE_LABELS, type RequestType } from "workflows/view";
import { accuracyBy, worstMisses } from "./accuracy";
import { comparedOutcomes } from "./requestActuals.server";

const WORST_SHOWN = 10;

export function accuracyReport(db: PrismaClient, today: string) {
  return memoised(db, `accuracy|${today}`, async () => {
    const outcomes = await comparedOutcomes(db, today);
    return {
      requests: outcomes.length,
      byType: accuracyBy(outcomes, (o) => REQUEST_TYPE_LABELS[o.type as RequestType] ?? o.type),
      byDepartment: accuracyBy(outcomes, (o) => o.department),
      byMonth: accuracyBy(outcomes, (o) => o.month),
      worst: worstMisses(outcomes, WORST_SHOWN),
    };
  });
}
