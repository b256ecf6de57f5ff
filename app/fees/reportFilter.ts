// Which fiscal year the Finance report shows: ?year=FY2027, or the current one.
import type { FeeRecord } from "./feeReport";

export function chosenYear(param: string | null, current: string): string {
  return param && /^FY[1-9]\d{3}$/.test(param) ? param : current;
}

export function inYear(records: FeeRecord[], year: string): FeeRecord[] {
  return records.filter((r) => r.fiscalYear === year);
}
