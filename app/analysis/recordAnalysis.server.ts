// Recording an analysis: the machine accepts RECORD_ANALYSIS through transition() first, then
// the analysis row is stored. transition() has no way to write another row in its
// transaction, so a crash between the two would leave the request with its projected calls
// (which the fee needs) but without the stored inputs and chart; the reverse order could
// leave a stored analysis the machine never accepted, which is worse.
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { transition, type TransitionOutcome } from "~/requests/transition.server";
import { storeAnalysis } from "./analyses.server";
import type { AnalysisForm } from "./analysisForm";
import { projectCalls, type CallProjection } from "./callProjection";

/** The calculator's figures for the form's values, and the recommendation the analyst keeps. */
export function calculate(form: AnalysisForm): { projection: CallProjection; recommendation: string } {
  const { recommendation, ...input } = form;
  const projection = projectCalls(input);
  return { projection, recommendation: recommendation || projection.recommendation };
}

export async function recordAnalysis(
  db: PrismaClient,
  input: { by: CurrentUser; requestId: string; form: AnalysisForm; now: Date; timeZone: string },
): Promise<TransitionOutcome> {
  const { projection, recommendation } = calculate(input.form);
  const outcome = await transition(db, {
    requestId: input.requestId,
    by: input.by,
    event: { type: "RECORD_ANALYSIS", projectedCalls: projection.totalCalls, comment: recommendation },
    now: input.now,
    timeZone: input.timeZone,
  });
  if (outcome.ok) {
    const { recommendation: _typed, ...inputs } = input.form;
    await storeAnalysis(db, {
      requestId: input.requestId,
      userId: input.by.id,
      at: input.now,
      inputs,
      outputs: projection,
      recommendation,
    });
  }
  return outcome;
}
