// SPEC §5: projected extra calls at the Contact Center for one request, and what they mean
// for staffing. Pure, so the analysis form can show the figures as the analyst types and the
// server can recompute them from the same inputs before storing.
import { inclusiveDays } from "./calendarDates";
import { apportion } from "./apportion";
import { agentsNeeded } from "./erlangC";
import { monthlyVolume } from "./monthlyVolume";
import type { ProjectionInput } from "./projectionInput";
import { recommendation } from "./recommendation";
import { responseCurve } from "./responseCurve";

export { projectionInputSchema, type ProjectionInput } from "./projectionInput";

/** Days shown for permanent routing and automated response: the first month of the new load. */
export const OPEN_ENDED_HORIZON_DAYS = 30;

/**
 * When no peak-hour share is given, the busiest hour is assumed to be 20 % above an average
 * hour of the business day: 1.2 ÷ 8 hours = 15 % of the day's calls. An assumption for a
 * daytime center whose calls bunch up mid-morning; the analyst enters the Center's measured
 * share when they have it.
 */
export const PEAK_HOUR_FACTOR = 1.2;

export interface DailyCalls {
  date: string;
  calls: number;
}

export interface CallProjection {
  /** Over the days in `daily`: for permanent routing and automated response, the first month. */
  totalCalls: number;
  daily: DailyCalls[];
  /** Earliest of the busiest days; null when no calls are expected. */
  peakDate: string | null;
  peakDayCalls: number;
  /** Total calls × handle time, in hours (one decimal). */
  extraAgentHours: number;
  peakHourShare: number;
  /** Extra calls in the busiest hour of the busiest day (one decimal). */
  peakHourCalls: number;
  /** Agents to add at that hour to hold the target service level (Erlang C). */
  extraAgentsAtPeak: number;
  recommendation: string;
}

// Expected (fractional) extra calls per day, by request type.
//  - materials: audience × response rate, spread by the mailing response curve.
//  - call_routing: the department's monthly calls × the share expected to reach 311, from the
//    start date to the end date (temporary) or over the first month (permanent).
//  - automated_response: 311 already answers these callers and transfers them, so sending them
//    to a machine instead of staff adds work only when the machine does not serve them and they
//    call 311 again. We assume every caller it does not serve calls back (the cautious case):
//    transferred a month × (1 − share handled by the system).
function expectedDailyCalls(input: ProjectionInput): { dates: string[]; calls: number[] } {
  switch (input.type) {
    case "materials":
      return responseCurve({
        expectedCalls: input.audienceSize * input.responseRate,
        firstDate: input.firstDistributionDate,
        lastDate: input.lastDistributionDate,
      });
    case "call_routing":
      return monthlyVolume({
        callsPerMonth: input.callsPerMonth * input.shareAt311,
        firstDate: input.startDate,
        days:
          input.routing === "temporary" && input.endDate
            ? inclusiveDays(input.startDate, input.endDate)
            : OPEN_ENDED_HORIZON_DAYS,
      });
    case "automated_response":
      return monthlyVolume({
        callsPerMonth: input.transferredCallsPerMonth * (1 - input.handledBySystemShare),
        firstDate: input.startDate,
        days: OPEN_ENDED_HORIZON_DAYS,
      });
  }
}

function busiestDay(daily: DailyCalls[]): DailyCalls | null {
  return daily.reduce<DailyCalls | null>((best, day) => (day.calls > (best?.calls ?? 0) ? day : best), null);
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The projection for the inputs, the calls of each day multiplied by the analyst's calibration
 * factor (issue 19) before anything is rounded: the totals, the busiest day, the agents and the
 * recommendation all follow from the calibrated calls. A factor of 1 changes nothing.
 */
export function projectCalls(input: ProjectionInput, calibrationFactor = 1): CallProjection {
  const expected = expectedDailyCalls(input);
  const calls = expected.calls.map((n) => n * calibrationFactor);
  const totalCalls = Math.round(calls.reduce((s, n) => s + n, 0));
  const perDay = apportion(totalCalls, calls);
  const daily = expected.dates.map((date, i) => ({ date, calls: perDay[i] }));
  const peak = busiestDay(daily);
  const peakDayCalls = peak?.calls ?? 0;

  const peakHourShare = input.peakHourShare ?? Math.min(1, PEAK_HOUR_FACTOR / input.businessHoursPerDay);
  const peakHourCalls = peakDayCalls * peakHourShare;
  // Staffing the new calls together with the Center's current ones needs fewer extra agents
  // than staffing them alone (pooling), so the difference is what the schedule must add.
  const target = {
    handleTimeSeconds: input.handleTimeMinutes * 60,
    targetSeconds: input.targetAnswerSeconds,
    targetServiceLevel: input.targetServiceLevel,
  };
  const extraAgentsAtPeak =
    agentsNeeded({ ...target, callsPerHour: input.baselineCallsPerHour + peakHourCalls }) -
    agentsNeeded({ ...target, callsPerHour: input.baselineCallsPerHour });

  return {
    totalCalls,
    daily,
    peakDate: peak?.date ?? null,
    peakDayCalls,
    extraAgentHours: oneDecimal((totalCalls * input.handleTimeMinutes) / 60),
    peakHourShare,
    peakHourCalls: oneDecimal(peakHourCalls),
    extraAgentsAtPeak,
    recommendation: recommendation({ input, peakDate: peak?.date ?? null, peakDayCalls, extraAgentsAtPeak }),
  };
}
