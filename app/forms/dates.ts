// Calendar dates typed into forms (issue 15, item 8): a real date (no 2026-02-30 or 0000-00-00)
// in years the portal can mean (no 9999). Every form with a date, drafts included, checks this.
import { isCalendarDate } from "../../workflows/notice";

export const FIRST_DATE = "1900-01-01";
export const LAST_DATE = "2099-12-31";

export const DATE_MESSAGE = "Enter a real date between 1900 and 2099, like 2026-12-31";

/** A YYYY-MM-DD date that exists and lies between FIRST_DATE and LAST_DATE. */
export function isPortalDate(value: string): boolean {
  return isCalendarDate(value) && value >= FIRST_DATE && value <= LAST_DATE;
}
