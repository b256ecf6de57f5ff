// The Finance report (SPEC §6): fees by department and fiscal year with their status. A fee
// belongs to the fiscal year of the local date Finance assessed it: that is when the charge
// arises, and it does not move when the request's dates change later.
import type { FeeStatus } from "workflows/view";
import type { Cents } from "./money";

export const FEE_STATUSES: FeeStatus[] = ["assessed", "accepted", "disputed", "declined"];

export const FEE_STATUS_LABELS: Record<FeeStatus, string> = {
  assessed: "Assessed, awaiting the department",
  accepted: "Accepted",
  disputed: "Disputed",
  declined: "Declined",
};

export interface FeeRecord {
  requestId: string;
  reference: string;
  title: string;
  department: string;
  amount: Cents;
  suggested: Cents;
  status: FeeStatus;
  scheduleVersion: number | null;
  accountCode: string | null;
  /** Local date of assessment, YYYY-MM-DD. */
  assessedOn: string;
  fiscalYear: string;
}

export interface DepartmentTotals {
  department: string;
  count: number;
  total: Cents;
  byStatus: Record<FeeStatus, Cents>;
}

const noStatus = (): Record<FeeStatus, Cents> => ({ assessed: 0, accepted: 0, disputed: 0, declined: 0 });

/** Totals per department, departments in alphabetical order. */
export function totalsByDepartment(records: FeeRecord[]): DepartmentTotals[] {
  const byDepartment = new Map<string, DepartmentTotals>();
  for (const r of records) {
    const totals = byDepartment.get(r.department) ?? { department: r.department, count: 0, total: 0, byStatus: noStatus() };
    totals.count += 1;
    totals.total += r.amount;
    totals.byStatus[r.status] += r.amount;
    byDepartment.set(r.department, totals);
  }
  return [...byDepartment.values()].sort((a, b) => a.department.localeCompare(b.department));
}

/** The fiscal years that have fees, newest first, with the current one always offered. */
export function fiscalYearChoices(records: FeeRecord[], current: string): string[] {
  return [...new Set([current, ...records.map((r) => r.fiscalYear)])].sort().reverse();
}
