// The Finance report's tables (SPEC §6): the year's fees by department and status, and one page
// of its fees. Rendered to HTML on the server once for each version of the report
// (financePage.server.tsx), not by the page.
import { DateText } from "~/components/DateText";
import { FEE_STATUS_LABELS, FEE_STATUSES, type DepartmentTotals, type FeeRecord } from "./feeReport";
import { formatUsd } from "./money";

export function FinanceTables(props: { year: string; totals: DepartmentTotals[]; count: number; fees: FeeRecord[]; page: number; pages: number }) {
  const { year, totals, count, fees, page, pages } = props;
  // A cell's words are one string: React marks each break between text parts in the HTML.
  return (
    <>
      <h2>By department</h2>
      {totals.length === 0 ? (
        <p data-testid="no-fees">No fees in {year}.</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="fee-totals">
          <caption className="usa-sr-only">Fees by department and status, {year}</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              {FEE_STATUSES.map((s) => (
                <th scope="col" key={s}>
                  {FEE_STATUS_LABELS[s]}
                </th>
              ))}
              <th scope="col">All fees</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={t.department}>
                <th scope="row" data-label="Department">
                  {t.department}
                </th>
                {FEE_STATUSES.map((s) => (
                  <td key={s} data-label={FEE_STATUS_LABELS[s]}>
                    {formatUsd(t.byStatus[s])}
                  </td>
                ))}
                <td data-label="All fees">{`${formatUsd(t.total)} (${t.count} ${t.count === 1 ? "fee" : "fees"})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {fees.length > 0 ? (
        <>
          <h2>Fees</h2>
          <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="fee-rows">
            <caption>{`${count} ${count === 1 ? "fee" : "fees"} in ${year}${pages > 1 ? `, page ${page} of ${pages}` : ""}`}</caption>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Department</th>
                <th scope="col">Assessed on</th>
                <th scope="col">Fee</th>
                <th scope="col">Suggested</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {fees.map((r) => (
                <tr key={r.requestId}>
                  <th scope="row" data-label="Request">
                    <a href={`/requests/${r.requestId}`}>{`${r.reference}: ${r.title}`}</a>
                  </th>
                  <td data-label="Department">{r.department}</td>
                  <td data-label="Assessed on">
                    <DateText date={r.assessedOn} />
                  </td>
                  <td data-label="Fee">{formatUsd(r.amount)}</td>
                  <td data-label="Suggested">
                    {r.scheduleVersion ? `${formatUsd(r.suggested)} (schedule v${r.scheduleVersion})` : formatUsd(r.suggested)}
                  </td>
                  <td data-label="Status">{FEE_STATUS_LABELS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
