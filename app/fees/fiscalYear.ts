// Fiscal years for the Finance report (SPEC §6: July–June unless set). US government
// convention: a fiscal year is named for the calendar year in which it ends, so July 2026 –
// June 2027 is FY2027; with a January start the fiscal year is the calendar year.
import { addCalendarDays, isCalendarDate } from "workflows/view";

export const DEFAULT_FISCAL_YEAR_START_MONTH = 7;

export interface FiscalYear {
  label: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

function assertStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`fiscal year start month must be 1–12, got ${startMonth}`);
  }
}

const firstOfMonth = (year: number, month: number) => `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;

// Built from the year it starts in, as calendar dates: no time zone or daylight-saving change
// can move a boundary. Plain arithmetic: the Finance report asks for every fee's year.
function fromStartYear(startYear: number, startMonth: number): FiscalYear {
  const endYear = startMonth === 1 ? startYear : startYear + 1;
  return {
    label: `FY${endYear}`,
    start: firstOfMonth(startYear, startMonth),
    end: addCalendarDays(firstOfMonth(startYear + 1, startMonth), -1),
  };
}

/** The fiscal year a calendar date falls in. */
export function fiscalYearOf(date: string, startMonth = DEFAULT_FISCAL_YEAR_START_MONTH): FiscalYear {
  assertStartMonth(startMonth);
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, month] = date.split("-").map(Number);
  return fromStartYear(month >= startMonth ? year : year - 1, startMonth);
}

/** The dates of a fiscal year named like "FY2027". */
export function fiscalYearRange(label: string, startMonth = DEFAULT_FISCAL_YEAR_START_MONTH): FiscalYear {
  assertStartMonth(startMonth);
  const match = /^FY([1-9]\d{3})$/.exec(label);
  if (!match) throw new RangeError(`not a fiscal year label (FYyyyy): ${label}`);
  const endYear = Number(match[1]);
  return fromStartYear(startMonth === 1 ? endYear : endYear - 1, startMonth);
}
