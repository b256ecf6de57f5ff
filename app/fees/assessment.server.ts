// Fee assessment (SPEC §6, R13): the suggestion comes from the schedule in force and the
// request's recorded analysis; the fee itself goes through the machine like every event.
import type { CurrentUser } from "~/auth/session.server";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { actorOf } from "~/requests/actor.server";
import type { RequestRow } from "~/requests/queries.server";
import { transition, type TransitionOutcome } from "~/requests/transition.server";
import { restore, whyNot, type RequestContext, type RequestType } from "workflows";
import { currentFeeSchedule, feeScheduleVersion } from "./feeSchedules.server";
import type { FeeForm } from "./feeForm";
import { toCents } from "./money";
import { suggestedFee, type SuggestedFee } from "./suggestedFee";

/** The suggestion for a request now, or null when it has no analysis (R13: no fee without one). */
export async function feeSuggestion(
  db: PrismaClient,
  request: { type: string; snapshot: string; machineVersion: number },
): Promise<SuggestedFee | null> {
  const analysis = restore(request.snapshot, request.machineVersion).context.analysis;
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

/** Of these requests, the ones whose fee the department disputed: Finance's task there is a reassessment. */
export async function disputedFees(db: PrismaClient, requestIds: string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await readRows<{ id: string }>(db, Prisma.sql`
    SELECT id FROM "Request" WHERE id IN (${Prisma.join(requestIds)}) AND "feeStatus" = 'disputed'`);
  return new Set(rows.map((r) => r.id));
}

/** A refusal that a written reason would have avoided (R13) names the reason field, so the page shows it there. */
export type AssessOutcome =
  | TransitionOutcome
  | { ok: false; status: 404 | 409 | 422; reason: string; field: "reason" }
  | { ok: false; status: 409; reason: string; scheduleChanged: true };

export async function assessFee(
  db: PrismaClient,
  input: { by: CurrentUser; request: RequestRow; form: FeeForm; now: Date; timeZone: string },
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
  const event = {
    type: "ASSESS_FEE",
    amount,
    // Without an analysis the machine refuses (R13) whatever the suggestion; it gets the amount.
    suggested: suggestion ? suggestion.total / 100 : amount,
    scheduleVersion: suggestion?.scheduleVersion ?? null,
    comment: form.reason || undefined,
  } as const;
  const outcome = await transition(db, { request, by: input.by, event, now: input.now, timeZone: input.timeZone });
  if (outcome.ok || form.reason) return outcome;
  // Asked of the machine, not decided here: would the same fee with a reason have been accepted?
  const withReason = whyNot(restore(request.snapshot, request.machineVersion), { ...event, comment: "a reason", actor: actorOf(input.by), at: input.now.toISOString() });
  return withReason === null ? { ...outcome, field: "reason" } : outcome;
}
