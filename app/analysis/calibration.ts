// Calibrating a forecast from past accuracy (issue 19, decision 0026): the analysis form offers
// the factor similar past requests suggest, and the analyst decides which factor the calculator's
// calls are multiplied by. Pure: the form's schema (browser and server), the calculator and the
// pages that show what was decided all read it.
import { calibrationFrom, similarOutcomes, type CalibrationBasis, type RequestOutcome } from "~/actuals/accuracy";
import { formatCount } from "~/format";

/**
 * The factors an analyst may apply: a quarter to four times the calculator's calls. Beyond that
 * the calculator's inputs are wrong, and should be corrected rather than scaled.
 */
export const CALIBRATION_FACTOR = { min: 0.25, max: 4, none: 1 } as const;

/** The form field's name, beside the calculator's inputs. */
export const CALIBRATION_FIELD = "calibrationFactor";

/** What the portal offered when the analysis was recorded: a factor (or none) and what it rests on. */
export interface CalibrationOffer {
  /** Within CALIBRATION_FACTOR's range; null when too few similar requests have actual calls. */
  suggested: number | null;
  basis: CalibrationBasis;
}

/** The factor a stored analysis applied and the offer recorded with it (null before offers were recorded). */
export interface AppliedCalibration {
  factor: number;
  offer: CalibrationOffer | null;
}

const withinRange = (factor: number) => Math.min(CALIBRATION_FACTOR.max, Math.max(CALIBRATION_FACTOR.min, factor));

/**
 * The offer for a request from the outcomes of past ones, and the similar outcomes it rests on.
 * A factor corrects the calculator, so past forecasts count as the calculator made them, before
 * their own analysts' calibration; otherwise a factor applied once would hide the calculator's
 * bias from every later suggestion.
 */
export function offerCalibration(
  outcomes: readonly RequestOutcome[],
  to: { type: string; departmentId: string; excludeId?: string },
): { offer: CalibrationOffer; similar: RequestOutcome[] } {
  // In reference order, which is the order they were made in: the record reads the same each time.
  const calculated = outcomes.map((o) => ({ ...o, forecast: o.calculated })).sort((a, b) => a.reference.localeCompare(b.reference, "en", { numeric: true }));
  const { outcomes: similar, similarity } = similarOutcomes(calculated, to);
  const { factor, basis } = calibrationFrom(similar, similarity);
  return { offer: { suggested: factor === null ? null : withinRange(factor), basis }, similar };
}

/** 0.85, 1.2, 1: as an analyst writes a factor. */
export const formatFactor = (factor: number): string => String(Math.round(factor * 100) / 100);

const percent = (share: number) => `${Math.round(Math.abs(share) * 100)} %`;

/** The bias in plain words: "forecasts were 18 % too high on average". */
export function biasWords(bias: number): string {
  if (Math.round(Math.abs(bias) * 100) === 0) return "forecasts were about right on average";
  return `forecasts were ${percent(bias)} too ${bias > 0 ? "high" : "low"} on average`;
}

/** The mean absolute percentage error in plain words. */
export const mapeWords = (mape: number): string => `each was ${percent(mape)} off on average, one way or the other`;

const requestsWords = (n: number) => `${n} similar ${n === 1 ? "request" : "requests"}`;

/** Why no factor was suggested, in a few words. */
function noSuggestionWords(basis: CalibrationBasis): string {
  return basis.requests === 0 ? "no similar request with actual calls" : `only ${requestsWords(basis.requests)} with actual calls`;
}

const decidedWords = (factor: number) => (factor === CALIBRATION_FACTOR.none ? "Not calibrated" : `Calibrated × ${formatFactor(factor)}`);

/**
 * What a recorded analysis decided, in one line: "Calibrated × 0.85 (suggested 0.85 from 6
 * similar requests)". Null for an analysis recorded before calibration was offered.
 */
export function calibrationLine({ factor, offer }: AppliedCalibration): string | null {
  const decided = decidedWords(factor);
  if (!offer) return factor === CALIBRATION_FACTOR.none ? null : decided;
  const suggestion =
    offer.suggested === null ? `no factor suggested: ${noSuggestionWords(offer.basis)}` : `suggested ${formatFactor(offer.suggested)} from ${requestsWords(offer.basis.requests)}`;
  return `${decided} (${suggestion})`;
}

/** A preview's calibration, with the calculator's total and the calibrated one: "Calibrated × 0.85: the calculator's 800 calls become 680". */
export function previewLine(factor: number, calculatedCalls: number, calibratedCalls: number): string {
  if (factor === CALIBRATION_FACTOR.none) return `Not calibrated: ${formatCount(calculatedCalls)} calls as calculated`;
  return `${decidedWords(factor)}: the calculator's ${formatCount(calculatedCalls)} calls become ${formatCount(calibratedCalls)}`;
}
