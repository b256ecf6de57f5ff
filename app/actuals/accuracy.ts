// How right the forecasts were (issue 19): each request's absolute percentage error and bias on
// its total calls, their mean by group (MAPE), the worst misses, and a calibration factor from
// similar requests. Pure.
//
// A request's error is measured on its total over the days the imports cover, against the
// actual calls: APE = |F − A| ÷ A, bias = (F − A) ÷ A (positive: the forecast was too high).
// A request with no actual calls has no percentage error; it is counted apart, not averaged in.

export interface RequestOutcome {
  requestId: string;
  reference: string;
  title: string;
  type: string;
  departmentId: string;
  department: string;
  /** YYYY-MM of the first forecast day compared. */
  month: string;
  /** The forecast as recorded: what the Center planned for. */
  forecast: number;
  /**
   * The calculator's own forecast, before the analyst's calibration (forecast ÷ factor): what a
   * calibration factor corrects, so a new factor is never worked out from calibrated figures.
   */
  calculated: number;
  actual: number;
}

export interface GroupAccuracy {
  key: string;
  /** Requests averaged. */
  requests: number;
  /** Requests with no actual calls, left out of the means. */
  withoutCalls: number;
  /** Mean absolute percentage error, as a share (0.25 = 25 %); null when no request could be averaged. */
  mape: number | null;
  /** Mean signed percentage error, as a share; positive = over-forecast. */
  bias: number | null;
}

export const absolutePercentageError = (o: Pick<RequestOutcome, "forecast" | "actual">): number | null => (o.actual > 0 ? Math.abs(o.forecast - o.actual) / o.actual : null);

export const percentageBias = (o: Pick<RequestOutcome, "forecast" | "actual">): number | null => (o.actual > 0 ? (o.forecast - o.actual) / o.actual : null);

const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);

/** The outcomes' accuracy grouped by `keyOf`, groups in key order. */
export function accuracyBy(outcomes: readonly RequestOutcome[], keyOf: (o: RequestOutcome) => string): GroupAccuracy[] {
  const groups = new Map<string, RequestOutcome[]>();
  for (const o of outcomes) {
    const members = groups.get(keyOf(o));
    if (members) members.push(o);
    else groups.set(keyOf(o), [o]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => {
      const averaged = members.filter((o) => o.actual > 0);
      return {
        key,
        requests: averaged.length,
        withoutCalls: members.length - averaged.length,
        mape: mean(averaged.map((o) => absolutePercentageError(o)!)),
        bias: mean(averaged.map((o) => percentageBias(o)!)),
      };
    });
}

/** The requests furthest off, by absolute error in calls (a request with no calls counts its whole forecast). */
export function worstMisses(outcomes: readonly RequestOutcome[], count: number): RequestOutcome[] {
  return [...outcomes].sort((a, b) => Math.abs(b.forecast - b.actual) - Math.abs(a.forecast - a.actual) || a.reference.localeCompare(b.reference)).slice(0, count);
}

/** Fewest similar requests a calibration factor is offered from: one request is an anecdote. */
export const MIN_CALIBRATION_REQUESTS = 2;

export type Similarity = "type_and_department" | "type";

/** What a calibration factor rests on, recorded with the analysis whether a factor came of it or not. */
export interface CalibrationBasis {
  similarity: Similarity;
  requests: number;
  references: string[];
  forecast: number;
  actual: number;
  /** Null when no similar request had any calls (a share of nothing). */
  mape: number | null;
  bias: number | null;
}

export interface Calibration {
  /** Multiply a new forecast by this: actual ÷ forecast over the similar requests' totals; null when there are too few. */
  factor: number | null;
  basis: CalibrationBasis;
}

/**
 * A calibration factor from similar past requests: their actual calls over their forecast calls,
 * rounded to two decimals. No factor when fewer than MIN_CALIBRATION_REQUESTS or nothing was forecast.
 */
export function calibrationFrom(similar: readonly RequestOutcome[], similarity: Similarity): Calibration {
  const forecast = similar.reduce((s, o) => s + o.forecast, 0);
  const actual = similar.reduce((s, o) => s + o.actual, 0);
  // One group, or none when there are no similar requests.
  const group: GroupAccuracy | undefined = accuracyBy(similar, () => similarity)[0];
  return {
    factor: similar.length < MIN_CALIBRATION_REQUESTS || forecast <= 0 ? null : Math.round((actual / forecast) * 100) / 100,
    basis: { similarity, requests: similar.length, references: similar.map((o) => o.reference), forecast, actual, mape: group?.mape ?? null, bias: group?.bias ?? null },
  };
}

/** The most similar past requests there are enough of: same type and department, else same type. */
export function similarOutcomes(outcomes: readonly RequestOutcome[], to: { type: string; departmentId: string; excludeId?: string }): { outcomes: RequestOutcome[]; similarity: Similarity } {
  const others = outcomes.filter((o) => o.requestId !== to.excludeId && o.type === to.type);
  const sameDepartment = others.filter((o) => o.departmentId === to.departmentId);
  return sameDepartment.length >= MIN_CALIBRATION_REQUESTS ? { outcomes: sameDepartment, similarity: "type_and_department" } : { outcomes: others, similarity: "type" };
}
