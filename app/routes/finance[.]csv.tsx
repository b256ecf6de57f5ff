// The Finance report as a CSV file (finance only), for the fiscal year asked for.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/require-role.server";
import { db } from "~/db.server";
import { feeCsv } from "~/fees/feeCsv.server";
import { financeReport } from "~/fees/financeReport.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const report = await financeReport(db, user, new URL(request.url));
  return new Response(feeCsv(report.records), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="311-fees-${report.year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
