// The Finance report as a CSV file (finance only), for the fiscal year asked for.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { holdsAny } from "~/auth/require-role.server";
import { requireUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { feeCsv } from "~/fees/feeCsv.server";
import { financeReport } from "~/fees/financeReport.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A file has no page to refuse on: someone without the role is sent to the report page,
  // which refuses them with the portal's own page (403).
  if (!holdsAny(user, ["finance"])) throw redirect(`/finance${new URL(request.url).search}`);
  const report = await financeReport(db, user, new URL(request.url));
  return new Response(feeCsv(report.records), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="311-fees-${report.year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
