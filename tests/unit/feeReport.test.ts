// The Finance report's totals and CSV (SPEC §6).
import { describe, expect, it } from "vitest";
import { feeCsv } from "../../app/fees/feeCsv.server";
import { fiscalYearChoices, totalsByDepartment, type FeeRecord } from "../../app/fees/feeReport";
import { chosenYear, inYear } from "../../app/fees/reportFilter";

const record = (over: Partial<FeeRecord>): FeeRecord => ({
  requestId: "r",
  reference: "311-2026-0001",
  title: "Mailer",
  department: "Public Works",
  amount: 10000,
  suggested: 10000,
  status: "assessed",
  scheduleVersion: 1,
  accountCode: null,
  assessedOn: "2026-11-24",
  fiscalYear: "FY2027",
  ...over,
});

describe("fees report", () => {
  it("totals fees by department and status, in exact cents", () => {
    const totals = totalsByDepartment([
      record({ amount: 433 }),
      record({ amount: 1, status: "accepted" }),
      record({ department: "Libraries", amount: 250000, status: "disputed" }),
      record({ amount: 99, status: "accepted" }),
    ]);
    expect(totals).toEqual([
      { department: "Libraries", count: 1, total: 250000, byStatus: { assessed: 0, accepted: 0, disputed: 250000, declined: 0 } },
      { department: "Public Works", count: 3, total: 533, byStatus: { assessed: 433, accepted: 100, disputed: 0, declined: 0 } },
    ]);
  });

  it("offers the current fiscal year and those with fees, newest first, and filters by one", () => {
    const records = [record({ fiscalYear: "FY2025" }), record({ fiscalYear: "FY2027" })];
    expect(fiscalYearChoices(records, "FY2026")).toEqual(["FY2027", "FY2026", "FY2025"]);
    expect(chosenYear("FY2025", "FY2026")).toBe("FY2025");
    expect(chosenYear("2025; drop", "FY2026")).toBe("FY2026");
    expect(inYear(records, "FY2025")).toHaveLength(1);
  });

  it("writes CSV with quoting for commas and quotes, and defuses spreadsheet formulas", () => {
    const csv = feeCsv([record({ title: 'Leaves, "big" mailer', accountCode: "=HYPERLINK(1)", amount: 346400 })]);
    const [header, row] = csv.trim().split("\n");
    expect(header).toBe("Fiscal year,Department,Request,Title,Assessed on,Fee (USD),Suggested (USD),Fee schedule version,Status,Account code");
    expect(row).toBe(`FY2027,Public Works,311-2026-0001,"Leaves, ""big"" mailer",2026-11-24,3464.00,100.00,1,"Assessed, awaiting the department",'=HYPERLINK(1)`);
  });
});
