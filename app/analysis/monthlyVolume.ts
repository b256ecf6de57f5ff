// Calls that arrive at a steady monthly rate (routed lines, automated-response bounce-backs),
// spread evenly over the calendar days of each month: a 31-day month gets a little less per
// day than February for the same monthly figure.
import { daysInMonthOf, dateSeries } from "./calendarDates";

/** Expected (fractional) calls for each of `days` days starting at `firstDate`. */
export function monthlyVolume(input: { callsPerMonth: number; firstDate: string; days: number }): {
  dates: string[];
  calls: number[];
} {
  const dates = dateSeries(input.firstDate, input.days);
  return { dates, calls: dates.map((date) => input.callsPerMonth / daysInMonthOf(date)) };
}
