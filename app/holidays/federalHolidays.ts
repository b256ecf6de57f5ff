// The U.S. federal holidays of a year as observed (a Saturday's on the Friday before, a Sunday's
// on the Monday after), from 18F's maintained list of OPM's rules rather than dates typed here.
import federal from "@18f/us-federal-holidays";

export interface HolidayDate {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
}

export function federalHolidays(year: number): HolidayDate[] {
  return federal
    .allForYear(year, { shiftSaturdayHolidays: true, shiftSundayHolidays: true })
    .map((h) => ({ date: h.date.toISOString().slice(0, 10), name: h.name }));
}
