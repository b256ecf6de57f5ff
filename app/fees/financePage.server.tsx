// The Finance report's page (SPEC §6): one page of the year's fees, and its tables as HTML made
// once for each version of the report and page (issue 17, decision 0036), sent once through
// components/ServerMarkup.tsx. Rendering a full page of fees and the department totals cost more
// than all else the page does, and grew with them: 13 fees at 1 000 requests, a full page of 50
// at 100 000. The report is remembered per data version (financeReport.server.ts), so its tables
// are kept with that very object and go when it goes.
import { renderToStaticMarkup } from "react-dom/server";
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { pageWithin } from "~/paging";
import { financeReport } from "./financeReport.server";
import { FinanceTables } from "./FinanceTables";

/** Fees listed a page at a time: a year can hold thousands, and the totals and the CSV cover them all. */
const FEES_PER_PAGE = 50;

/** Pages kept for each version of the report: people read the first few; a long trawl is made again. */
const PAGES_KEPT = 8;

const tablesOf = new WeakMap<object, Map<number, string>>();

export async function financePage(db: PrismaClient, user: CurrentUser, url: URL) {
  const report = await financeReport(db, user, url);
  const count = report.records.length;
  const { page, pages, offset } = pageWithin(count, Number(url.searchParams.get("page") ?? "1"), FEES_PER_PAGE);
  let made = tablesOf.get(report.records);
  if (!made) tablesOf.set(report.records, (made = new Map()));
  let tables = made.get(page);
  if (tables === undefined) {
    const fees = report.records.slice(offset, offset + FEES_PER_PAGE);
    tables = renderToStaticMarkup(<FinanceTables year={report.year} totals={report.totals} count={count} fees={fees} page={page} pages={pages} />);
    if (made.size >= PAGES_KEPT) made.delete(made.keys().next().value as number);
    made.set(page, tables);
  }
  return { year: report.year, fiscalYearStartMonth: report.fiscalYearStartMonth, years: report.years, count, page, pages, tables };
}
