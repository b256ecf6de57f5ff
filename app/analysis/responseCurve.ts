// How calls prompted by a mailing spread over time (SPEC §5: "most calls in the days right
// after distribution"). Each distribution day reaches an equal part of the audience; the calls
// that part prompts fall off exponentially, halving every RESPONSE_HALF_LIFE_DAYS, and the
// tail is cut after RESPONSE_TAIL_DAYS. This is an assumption, not a measurement: a burst when
// the piece is received, then a thin tail. With a 3-day half-life half of a day's calls come in
// its first 3 days; the cut drops only 0.5^10 ≈ 0.1 %, which is spread back over the 30 days so
// the total is kept. The analyst records their own judgement beside the projection.
import { dateSeries, inclusiveDays } from "./calendarDates";

export const RESPONSE_HALF_LIFE_DAYS = 3;
export const RESPONSE_TAIL_DAYS = 30;

/** Share of one distribution day's calls on each day after it (day 0 = distribution day). */
function decayShares(): number[] {
  const raw = Array.from({ length: RESPONSE_TAIL_DAYS }, (_, day) => 0.5 ** (day / RESPONSE_HALF_LIFE_DAYS));
  const sum = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => w / sum);
}

/**
 * Expected (fractional) calls for each day from the first distribution date to the end of
 * the last distribution day's tail. The values add up to `expectedCalls`.
 */
export function responseCurve(input: { expectedCalls: number; firstDate: string; lastDate: string }): {
  dates: string[];
  calls: number[];
} {
  const windowDays = inclusiveDays(input.firstDate, input.lastDate);
  const dates = dateSeries(input.firstDate, windowDays + RESPONSE_TAIL_DAYS - 1);
  const shares = decayShares();
  const perDistributionDay = input.expectedCalls / windowDays;
  const calls = dates.map(() => 0);
  for (let sent = 0; sent < windowDays; sent++) {
    shares.forEach((share, after) => {
      calls[sent + after] += perDistributionDay * share;
    });
  }
  return { dates, calls };
}
