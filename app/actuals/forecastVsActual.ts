// A request's forecast set against the calls that came (issue 19): by day, in total and at the
// peak, and whether the extra staffing the analysis planned was needed. Pure.
import type { DailyCalls } from "~/analysis/callProjection";
import { agentsNeeded } from "~/analysis/erlangC";
import type { ProjectionInput } from "~/analysis/projectionInput";

export interface ComparedDay {
  date: string;
  forecast: number;
  /** Calls offered on the request's queues; null for a day the imports do not reach yet. */
  actual: number | null;
}

export interface Peak {
  date: string;
  calls: number;
}

export interface ForecastAgainstActual {
  days: ComparedDay[];
  /** Days with actual figures: the totals and peaks below are over these. */
  comparedDays: number;
  forecastTotal: number;
  actualTotal: number;
  /** Actual − forecast: positive when more calls came than forecast. */
  totalError: number;
  /** totalError ÷ forecastTotal; null when nothing was forecast. */
  totalErrorShare: number | null;
  forecastPeak: Peak | null;
  actualPeak: Peak | null;
  /** Actual peak-day calls − forecast peak-day calls. */
  peakError: number;
}

/** The earliest of the busiest days; null when none has calls. */
function peakOf(days: Array<{ date: string; calls: number }>): Peak | null {
  return days.reduce<Peak | null>((best, d) => (d.calls > (best?.calls ?? 0) ? { date: d.date, calls: d.calls } : best), null);
}

/**
 * The forecast's days with the actual calls of each; `actual` has the days with calls, and
 * `coveredThrough` the last day the imports reach (days after it have no figure yet, days up to
 * it without calls had none).
 */
export function compareForecast(forecast: readonly DailyCalls[], actual: ReadonlyMap<string, number>, coveredThrough: string | null): ForecastAgainstActual {
  const days = forecast.map((d) => ({
    date: d.date,
    forecast: d.calls,
    actual: coveredThrough !== null && d.date <= coveredThrough ? (actual.get(d.date) ?? 0) : null,
  }));
  const compared = days.filter((d): d is ComparedDay & { actual: number } => d.actual !== null);
  const forecastTotal = compared.reduce((s, d) => s + d.forecast, 0);
  const actualTotal = compared.reduce((s, d) => s + d.actual, 0);
  const forecastPeak = peakOf(compared.map((d) => ({ date: d.date, calls: d.forecast })));
  const actualPeak = peakOf(compared.map((d) => ({ date: d.date, calls: d.actual })));
  return {
    days,
    comparedDays: compared.length,
    forecastTotal,
    actualTotal,
    totalError: actualTotal - forecastTotal,
    totalErrorShare: forecastTotal > 0 ? (actualTotal - forecastTotal) / forecastTotal : null,
    forecastPeak,
    actualPeak,
    peakError: (actualPeak?.calls ?? 0) - (forecastPeak?.calls ?? 0),
  };
}

export type StaffingVerdict = "needed" | "more_than_planned" | "partly_needed" | "not_needed" | "none_planned_none_needed";

export interface StaffingCheck {
  planned: number;
  /** Extra agents the actual peak day needed at its busiest hour, on the analysis's own assumptions. */
  needed: number;
  actualPeakHourCalls: number;
  verdict: StaffingVerdict;
}

/**
 * Was the extra staffing needed? The actual peak day's calls go through the same reckoning the
 * analysis made for the forecast one: the same share in the busiest hour, the same baseline calls
 * and handle time, the same service target (Erlang C). Only the calls differ.
 */
export function staffingCheck(
  inputs: Pick<ProjectionInput, "handleTimeMinutes" | "targetAnswerSeconds" | "targetServiceLevel" | "baselineCallsPerHour">,
  plan: { extraAgentsAtPeak: number; peakHourShare: number },
  actualPeakDayCalls: number,
): StaffingCheck {
  const target = { handleTimeSeconds: inputs.handleTimeMinutes * 60, targetSeconds: inputs.targetAnswerSeconds, targetServiceLevel: inputs.targetServiceLevel };
  const actualPeakHourCalls = actualPeakDayCalls * plan.peakHourShare;
  const needed =
    agentsNeeded({ ...target, callsPerHour: inputs.baselineCallsPerHour + actualPeakHourCalls }) - agentsNeeded({ ...target, callsPerHour: inputs.baselineCallsPerHour });
  const planned = plan.extraAgentsAtPeak;
  const verdict: StaffingVerdict =
    planned === 0 ? (needed === 0 ? "none_planned_none_needed" : "more_than_planned") : needed === 0 ? "not_needed" : needed < planned ? "partly_needed" : needed === planned ? "needed" : "more_than_planned";
  return { planned, needed, actualPeakHourCalls: Math.round(actualPeakHourCalls * 10) / 10, verdict };
}

/** The verdict in a sentence. */
export function staffingSentence(check: StaffingCheck): string {
  const agents = (n: number) => `${n} extra ${n === 1 ? "agent" : "agents"}`;
  switch (check.verdict) {
    case "needed":
      return `The extra staffing was needed: the actual busiest day called for the ${agents(check.planned)} planned.`;
    case "more_than_planned":
      return `More staffing was needed than planned: the actual busiest day called for ${agents(check.needed)}, against ${check.planned} planned.`;
    case "partly_needed":
      return `Part of the extra staffing was needed: the actual busiest day called for ${agents(check.needed)} of the ${check.planned} planned.`;
    case "not_needed":
      return `The extra staffing was not needed: the Center's usual staff could have answered the actual busiest day (${check.planned} extra planned).`;
    case "none_planned_none_needed":
      return "No extra staffing was planned, and none was needed.";
  }
}
