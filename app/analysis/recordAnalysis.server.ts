// Recording an analysis: the stored inputs, figures and chart are written in the same
// transaction as the RECORD_ANALYSIS event, so neither exists without the other.
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import type { RequestRow } from "~/requests/queries.server";
import { transition, type TransitionOutcome } from "~/requests/transition.server";
import { storeAnalysis } from "./analyses.server";
import { withChart } from "./dailyCallsSvg.server";
import type { AnalysisForm } from "./analysisForm";
import { projectCalls, type CallProjection } from "./callProjection";
import type { CalibrationOffer } from "./calibration";

/**
 * The calculator's figures for the form's values, calibrated by the form's factor; the total
 * the calculator made before calibration; and the recommendation the analyst keeps.
 */
export function calculate(form: AnalysisForm): { projection: CallProjection; calculatedCalls: number; recommendation: string } {
  const { recommendation, calibrationFactor, ...input } = form;
  const projection = projectCalls(input, calibrationFactor);
  const calculatedCalls = calibrationFactor === 1 ? projection.totalCalls : projectCalls(input).totalCalls;
  return { projection, calculatedCalls, recommendation: recommendation || projection.recommendation };
}

/** The calculator's figures with their chart, for showing before anything is recorded. */
export function preview(form: AnalysisForm) {
  const { projection, calculatedCalls, recommendation } = calculate(form);
  return { projection: withChart(projection), calibration: { factor: form.calibrationFactor, calculatedCalls }, recommendation };
}

/**
 * Record the analysis with the calibration factor the analyst chose and the offer the portal
 * made beside it (issue 19); `offer` is null only where no offer was worked out (test set-ups).
 */
export async function recordAnalysis(
  db: PrismaClient,
  input: { by: CurrentUser; request: RequestRow; form: AnalysisForm; offer: CalibrationOffer | null; now: Date; timeZone: string },
): Promise<TransitionOutcome> {
  const { projection, recommendation } = calculate(input.form);
  const { recommendation: _typed, calibrationFactor, ...inputs } = input.form;
  return transition(db, {
    request: input.request,
    by: input.by,
    event: { type: "RECORD_ANALYSIS", projectedCalls: projection.totalCalls, comment: recommendation },
    now: input.now,
    timeZone: input.timeZone,
    within: (tx) =>
      storeAnalysis(tx, {
        requestId: input.request.id,
        userId: input.by.id,
        at: input.now,
        inputs,
        outputs: projection,
        recommendation,
        calibration: { factor: calibrationFactor, offer: input.offer },
      }),
  });
}
