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

/** The calculator's figures for the form's values, and the recommendation the analyst keeps. */
export function calculate(form: AnalysisForm): { projection: CallProjection; recommendation: string } {
  const { recommendation, ...input } = form;
  const projection = projectCalls(input);
  return { projection, recommendation: recommendation || projection.recommendation };
}

/** The calculator's figures with their chart, for showing before anything is recorded. */
export function preview(form: AnalysisForm) {
  const { projection, recommendation } = calculate(form);
  return { projection: withChart(projection), recommendation };
}

export async function recordAnalysis(
  db: PrismaClient,
  input: { by: CurrentUser; request: RequestRow; form: AnalysisForm; now: Date; timeZone: string },
): Promise<TransitionOutcome> {
  const { projection, recommendation } = calculate(input.form);
  const { recommendation: _typed, ...inputs } = input.form;
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
      }),
  });
}
