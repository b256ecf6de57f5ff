// The baseline's normal calls from the actual calls imported at /actuals (issue 19: the baseline
// is "imported from the same CSV"). Each weekday's hour gets the average calls offered in that
// hour over the days of that weekday in a period that have interval data; the agents stay as the
// analyst planned them. Pure: the page's preview and its confirmation reckon alike.
import { addCalendarDays, daysBetween } from "workflows/view";
import type { BaselineHour } from "./baseline";
import { HOURS, weekdayHours, weekdayOf } from "./combinedStaffing";

/** The period offered first: eight whole weeks, so each weekday counts eight days. */
export const DEFAULT_WEEKS = 8;
/** At least a week, so that every weekday is in the period. */
export const MIN_PERIOD_DAYS = 7;
/** At most a year: a normal week is not the average of several seasons. */
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  from: string;
  to: string;
}

/** The last DEFAULT_WEEKS weeks up to the last day with interval data. */
export function defaultPeriod(lastDay: string): Period {
  return { from: addCalendarDays(lastDay, 1 - DEFAULT_WEEKS * 7), to: lastDay };
}

/** Days in a period, both ends included. */
export const periodDays = (period: Period) => daysBetween(period.from, period.to) + 1;

/** Calls offered on one day in one hour (its intervals summed), over the queues that count. */
export interface HourTotal {
  date: string;
  hour: number;
  calls: number;
}

export interface WeekdayCalls {
  weekday: number;
  /** Days of this weekday in the period with interval data; 0 leaves the weekday's calls as they are. */
  days: number;
  /** The average calls in each of the 24 hours, to a tenth; empty when `days` is 0. */
  calls: number[];
}

const tenth = (n: number) => Math.round(n * 10) / 10;

/**
 * Each weekday's average calls by hour. A day counts when it has any interval data; an hour of it
 * without a row had no calls. A weekday without such a day (closed, or not yet imported) has none.
 */
export function averageCallsByWeekday(totals: readonly HourTotal[]): WeekdayCalls[] {
  const dates = Array.from({ length: 7 }, () => new Set<string>());
  const sums = Array.from({ length: 7 }, () => new Array<number>(HOURS).fill(0));
  for (const { date, hour, calls } of totals) {
    const weekday = weekdayOf(date);
    dates[weekday].add(date);
    sums[weekday][hour] += calls;
  }
  return sums.map((hours, weekday) => {
    const days = dates[weekday].size;
    return { weekday, days, calls: days === 0 ? [] : hours.map((sum) => tenth(sum / days)) };
  });
}

export interface WeekdayPreview extends WeekdayCalls {
  /** The baseline's hours of that weekday now, all 24. */
  current: BaselineHour[];
}

export type ActualsPreview =
  | {
      ok: true;
      period: Period;
      weekdays: WeekdayPreview[];
      /** Queue codes tied to requests that had calls in the period, left out. */
      leftOut: string[];
      /** What the confirmation must match: the figures as shown. */
      checked: string;
    }
  | { ok: false; period: Period; message: string };

/**
 * The baseline with the averages as the calls of every weekday that has them and the agents as
 * planned: the weekdays to replace and their 24 hours each.
 */
export function withActualCalls(current: readonly BaselineHour[], averages: readonly WeekdayCalls[]): { weekdays: number[]; hours: BaselineHour[] } {
  const counted = averages.filter((w) => w.days > 0);
  return {
    weekdays: counted.map((w) => w.weekday),
    hours: counted.flatMap((w) => weekdayHours([...current], w.weekday).map((h) => ({ ...h, calls: w.calls[h.hour] }))),
  };
}
