// The Finance report (SPEC §6), finance only: fees by department for a fiscal year, with
// their status, each fee a page at a time, and a CSV export of every fee of the year.
import { DateText } from "~/components/DateText";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/require-role.server";
import { SelectField } from "~/components/Field";
import { InAppLinks } from "~/components/InAppLinks";
import { Pagination } from "~/components/Pagination";
import { db } from "~/db.server";
import { FEE_STATUS_LABELS, FEE_STATUSES } from "~/fees/feeReport";
import { financeReport } from "~/fees/financeReport.server";
import { fiscalYearRange } from "~/fees/fiscalYear";
import { formatUsd } from "~/fees/money";
import { pageWithin } from "~/paging";

export const meta: MetaFunction = () => [{ title: "Fees report – 3-1-1 Number Use Portal" }];

/** Fees listed a page at a time: a year can hold thousands, and the totals and the CSV cover them all. */
const FEES_PER_PAGE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const url = new URL(request.url);
  const report = await financeReport(db, user, url);
  const range = fiscalYearRange(report.year, report.fiscalYearStartMonth);
  const { page, pages, offset } = pageWithin(report.records.length, Number(url.searchParams.get("page") ?? "1"), FEES_PER_PAGE);
  return {
    year: report.year,
    range,
    years: report.years,
    totals: report.totals,
    count: report.records.length,
    // What the page shows of each fee: the account code and fiscal year are the CSV's.
    records: report.records.slice(offset, offset + FEES_PER_PAGE).map(({ accountCode: _code, fiscalYear: _year, ...shown }) => shown),
    page,
    pages,
  };
}

export default function FinancePage() {
  const { year, range, years, totals, count, records, page, pages } = useLoaderData<typeof loader>();
  const pageLink = (to: number) => `?${new URLSearchParams({ year, page: String(to) }).toString()}`;
  // Fifty fees a page, each a link: plain links followed in the page (components/InAppLinks.tsx).
  // A cell's words are one string: React marks each break between text parts in the HTML.
  return (
    <InAppLinks>
      <h1>Fees report</h1>
      <Form method="get" className="usa-form portal-filters">
        <SelectField name="year" label="Fiscal year" defaultValue={year} options={years.map((y) => ({ value: y, label: y }))} />
        <button type="submit" className="usa-button">
          Show
        </button>
      </Form>
      <p>
        {year}: <DateText date={range.start} /> to <DateText date={range.end} />. A fee counts in the fiscal year Finance
        assessed it.{" "}
        <a href={`/finance.csv?year=${year}`} download>
          Download as CSV<span className="usa-sr-only"> ({year})</span>
        </a>
      </p>

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

      {records.length > 0 ? (
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
              {records.map((r) => (
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
          <Pagination
            label="Pages of fees"
            previous={page > 1 ? pageLink(page - 1) : null}
            next={page < pages ? pageLink(page + 1) : null}
          />
        </>
      ) : null}
    </InAppLinks>
  );
}
