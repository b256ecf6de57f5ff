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
import { financePage } from "~/fees/financePage.server";
import { fiscalYearRange } from "~/fees/fiscalYear";
import { markupForAnswer } from "~/http/serverMarkup.server";
import { ServerMarkup } from "~/components/ServerMarkup";

export const meta: MetaFunction = () => [{ title: "Fees report – 3-1-1 Number Use Portal" }];

const TABLES_MARKUP = "finance-tables";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["finance"]);
  const { tables, fiscalYearStartMonth, ...page } = await financePage(db, user, new URL(request.url));
  return { ...page, range: fiscalYearRange(page.year, fiscalYearStartMonth), tables: markupForAnswer(context, TABLES_MARKUP, tables) };
}

export default function FinancePage() {
  const { year, range, years, page, pages, tables } = useLoaderData<typeof loader>();
  const pageLink = (to: number) => `?${new URLSearchParams({ year, page: String(to) }).toString()}`;
  // Fifty fees a page, each a link: plain links followed in the page (components/InAppLinks.tsx).
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

      {/* The year's tables, made by React on the server (fees/financePage.server.tsx). */}
      <ServerMarkup name={TABLES_MARKUP} html={tables} />
      <Pagination label="Pages of fees" previous={page > 1 ? pageLink(page - 1) : null} next={page < pages ? pageLink(page + 1) : null} />
    </InAppLinks>
  );
}
