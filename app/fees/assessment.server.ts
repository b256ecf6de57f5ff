// Fee assessment (SPEC §6, R13): the suggestion comes from the schedule in force and the
// request's recorded analysis; the fee itself goes through the machine like every event.
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { transition, type TransitionOutcome } from "~/requests/transition.server";
import type { RequestContext } from "../../workflows/context";
import { restore } from "../../workflows/engine";
import type { RequestType } from "../../workflows/types";
import { currentFeeSchedule, feeScheduleVersion } from "./feeSchedules.server";
import type { FeeForm } from "./feeForm";
import { toCents } from "./money";
import { suggestedFee, type SuggestedFee } from "./suggestedFee";

/** The suggestion for a request now, or null when it has no analysis (R13: no fee without one). */
export async function feeSuggestion(
  db: PrismaClient,
  request: { type: string; snapshot: string },
): Promise<SuggestedFee | null> {
  const analysis = restore(request.snapshot).context.analysis;
  if (analysis === null) return null;
  const schedule = await currentFeeSchedule(db);
  return suggestedFee({ schedule, type: request.type as RequestType, projectedCalls: analysis.projectedCalls });
}

/**
 * How the suggestion behind a fee Finance set was worked out, with the schedule version it
 * names: for the department deciding whether to accept it. Null without a version or analysis.
 */
export async function assessedFeeWorking(
  db: PrismaClient,
  type: string,
  { fee, analysis }: Pick<RequestContext, "fee" | "analysis">,
): Promise<string | null> {
  if (fee === null || fee.scheduleVersion === null || analysis === null) return null;
  const schedule = await feeScheduleVersion(db, fee.scheduleVersion);
  if (schedule === null) return null;
  return suggestedFee({ schedule, type: type as RequestType, projectedCalls: analysis.projectedCalls }).working;
}

export type AssessOutcome = TransitionOutcome | { ok: false; status: 409; reason: string; scheduleChanged: true };

export async function assessFee(
  db: PrismaClient,
  input: { by: CurrentUser; request: { id: string; type: string; snapshot: string }; form: FeeForm; now: Date; timeZone: string },
): Promise<AssessOutcome> {
  const { request, form } = input;
  const suggestion = await feeSuggestion(db, request);
  if (suggestion !== null && suggestion.scheduleVersion !== form.scheduleVersion) {
    return {
      ok: false,
      status: 409,
      scheduleChanged: true,
      reason: `The fee schedule changed to version ${suggestion.scheduleVersion} while you were working. Check the new suggestion, then set the fee again.`,
    };
  }
  const amount = toCents(form.amount) / 100;
  return transition(db, {
    requestId: request.id,
    by: input.by,
    event: {
      type: "ASSESS_FEE",
      amount,
      // Without an analysis the machine refuses (R13) whatever the suggestion; it gets the amount.
      suggested: suggestion ? suggestion.total / 100 : amount,
      scheduleVersion: suggestion?.scheduleVersion ?? null,
      comment: form.reason || undefined,
    },
    now: input.now,
    timeZone: input.timeZone,
  });
}
