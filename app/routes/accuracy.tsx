// Forecast accuracy (issue 19), for COM and the analysts: how far the call volume forecasts of
// requests in effect or done were from the calls that came, by request type, department and
// month (mean absolute percentage error and bias), and the worst misses.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { GroupAccuracy } from "~/actuals/accuracy";
import { accuracyReport } from "~/actuals/accuracyReport.server";
import { accuracyRoles } from "~/actuals/actualsRoles";
import { requireRole } from "~/auth/require-role.server";
import { db } from "~/db.server";
import { formatCount } from "~/format";
import { getSettings } from "~/settings.server";
import { formatMonth, localDate } from "workflows/view";

export const meta: MetaFunction = () => [{ title: "Forecast accuracy – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, accuracyRoles);
  return accuracyReport(db, localDate(new Date(), getSettings().timeZone));
}

const percent = (share: number | null) => (share === null ? "–" : `${share > 0 ? "+" : ""}${(share * 100).toFixed(1)} %`);
const plainPercent = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)} %`);

function GroupTable({ id, title, column, groups, label = (k) => k }: { id: string; title: string; column: string; groups: GroupAccuracy[]; label?: (key: string) => string }) {
  return (
    <section aria-labelledby={id} className="margin-y-3">
      <h2 id={id}>{title}</h2>
      <table className="usa-table usa-table--borderless" data-testid={id}>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col">Requests</th>
            <th scope="col">Mean absolute percentage error</th>
            <th scope="col">Bias</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{label(g.key)}</th>
              <td>
                {formatCount(g.requests)}
                {g.withoutCalls > 0 ? ` (and ${formatCount(g.withoutCalls)} with no calls)` : ""}
              </td>
              <td>{plainPercent(g.mape)}</td>
              <td>{percent(g.bias)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export default function AccuracyPage() {
  const { requests, byType, byDepartment, byMonth, worst } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Forecast accuracy</h1>
      <p>
        Requests in effect or completed, with queue codes and imported calls: each request’s projected calls against the calls offered on its queues, over the days the
        imports reach. A positive bias means the forecasts were too high. A request with no calls at all has no percentage error and is counted apart.
      </p>
      {requests === 0 ? (
        <p data-testid="no-outcomes">
          No request can be compared yet: <Link to="/actuals">import actual calls</Link> and tie requests to their queue codes.
        </p>
      ) : (
        <>
          <GroupTable id="by-type" title="By request type" column="Type" groups={byType} />
          <GroupTable id="by-department" title="By department" column="Department" groups={byDepartment} />
          <GroupTable id="by-month" title="By month" column="Month" groups={byMonth} label={formatMonth} />
          <section aria-labelledby="worst-heading" className="margin-y-3">
            <h2 id="worst-heading">Worst misses</h2>
            <table className="usa-table usa-table--borderless" data-testid="worst-misses">
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Department</th>
                  <th scope="col">Projected</th>
                  <th scope="col">Actual</th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {worst.map((o) => (
                  <tr key={o.requestId}>
                    <th scope="row">
                      <Link to={`/requests/${o.requestId}`}>
                        {o.reference}: {o.title}
                      </Link>
                    </th>
                    <td>{o.department}</td>
                    <td>{formatCount(o.forecast)}</td>
                    <td>{formatCount(o.actual)}</td>
                    <td>{percent(o.actual > 0 ? (o.forecast - o.actual) / o.actual : null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
