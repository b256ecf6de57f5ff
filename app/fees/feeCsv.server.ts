// The Finance report as CSV (SPEC §6), written by csv-stringify so quoting of commas, quotes
// and line breaks in titles follows RFC 4180. Amounts are plain decimal dollars (no "$" or
// thousands separators) so a spreadsheet reads them as numbers.
import { stringify } from "csv-stringify/sync";
import { FEE_STATUS_LABELS, type FeeRecord } from "./feeReport";

const dollars = (cents: number) => (cents / 100).toFixed(2);

// A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection, OWASP);
// a leading apostrophe keeps it text.
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function feeCsv(records: FeeRecord[]): string {
  return stringify(
    records.map((r) => ({
      fiscalYear: r.fiscalYear,
      department: safeText(r.department),
      reference: r.reference,
      title: safeText(r.title),
      assessedOn: r.assessedOn,
      fee: dollars(r.amount),
      suggested: dollars(r.suggested),
      scheduleVersion: r.scheduleVersion ?? "",
      status: FEE_STATUS_LABELS[r.status],
      accountCode: safeText(r.accountCode ?? ""),
    })),
    {
      header: true,
      columns: [
        { key: "fiscalYear", header: "Fiscal year" },
        { key: "department", header: "Department" },
        { key: "reference", header: "Request" },
        { key: "title", header: "Title" },
        { key: "assessedOn", header: "Assessed on" },
        { key: "fee", header: "Fee (USD)" },
        { key: "suggested", header: "Suggested (USD)" },
        { key: "scheduleVersion", header: "Fee schedule version" },
        { key: "status", header: "Status" },
        { key: "accountCode", header: "Account code" },
      ],
    },
  );
}
