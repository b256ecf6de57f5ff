// The status tracker's steps (SPEC §4), as the requester sees them: done, current, to come, skipped.
import type { StateName } from "workflows";

export type StepStatus = "complete" | "current" | "upcoming" | "skipped";
export interface Step {
  label: string;
  status: StepStatus;
}

const STEPS = ["Draft", "Screening", "Call volume analysis", "Fee", "Decision", "Approved"] as const;

const POSITION: Partial<Record<StateName, number>> = {
  draft: 0,
  changesRequested: 0,
  screening: 1,
  analysis: 2,
  feeAssessment: 3,
  feeAcceptance: 3,
  decision: 4,
  approved: 5,
  completed: 5,
  cancelled: 5,
};

/**
 * @param hadAnalysis whether a call volume analysis was recorded for the request now
 * @param lastOpenState for closed requests (rejected, withdrawn, lapsed), the state they closed from
 */
export function progressSteps(state: StateName, hadAnalysis: boolean, lastOpenState: StateName | null = null): Step[] {
  const at = POSITION[state] ?? POSITION[lastOpenState ?? "draft"] ?? 0;
  const finished = state === "approved" || state === "completed" || state === "cancelled";
  return STEPS.map((label, i) => {
    // Analysis and fee are skipped when the request went to the decision without an analysis (R13).
    const skippable = i === 2 || i === 3;
    if (skippable && at >= 4 && !hadAnalysis) return { label, status: "skipped" };
    if (i < at || (finished && i === at)) return { label, status: "complete" };
    if (i === at) return { label, status: "current" };
    return { label, status: "upcoming" };
  });
}

/** What happens next, in plain words, for each state. */
export const NEXT_STEP: Record<StateName, string> = {
  draft: "Finish the request and submit it. COM cannot see it until you do.",
  screening: "The COM Director or Assistant Director will screen the request and decide whether the 311 Contact Center needs to analyse the expected calls.",
  analysis: "The 311 Contact Center is estimating how many calls the request will bring.",
  feeAssessment: "Finance is working out the fee for the expected calls.",
  feeAcceptance: "The requesting department must accept the fee (with an account code), dispute it, or decline it.",
  decision: "The COM Director and the Assistant Director each sign off. Both are needed for approval.",
  changesRequested: "The requesting department must make the changes asked for and resubmit.",
  approved: "Approved. The 311 Contact Center will plan for the calls from the effective date.",
  completed: "Completed: the approved period has ended.",
  rejected: "Rejected. You can copy the request into a new draft.",
  withdrawn: "Withdrawn. You can copy the request into a new draft.",
  cancelled: "Cancelled before it took effect.",
  lapsed: "Lapsed: the effective date arrived before approval. You can copy the request into a new draft.",
};
