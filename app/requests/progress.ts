// The status tracker's steps (SPEC §4), as the requester sees them: done, current, to come,
// skipped; and for a closed request, the step where it ended and how.
import type { StateName } from "workflows/view";

export type StepStatus = "complete" | "current" | "upcoming" | "skipped" | "ended" | "notReached";
export interface Step {
  label: string;
  status: StepStatus;
}

export interface Progress {
  steps: Step[];
  /** The step the request is at, or ended at, counted from 1. */
  at: number;
  /** What the tracker's header says beside "3 of 6": the step, or how the request ended there. */
  heading: string;
  /** For a closed request, the word for how it ended ("Withdrawn"); null while it is open or approved. */
  ended: string | null;
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

/** How a closed request ended, said on the step where it stopped. */
const ENDINGS: Partial<Record<StateName, string>> = {
  withdrawn: "Withdrawn",
  rejected: "Rejected",
  lapsed: "Lapsed",
  cancelled: "Cancelled",
};

/**
 * @param hadAnalysis whether a call volume analysis was recorded for the request now
 * @param lastOpenState for closed requests (rejected, withdrawn, lapsed), the state they closed from
 */
export function progressSteps(state: StateName, hadAnalysis: boolean, lastOpenState: StateName | null = null): Progress {
  const at = POSITION[state] ?? POSITION[lastOpenState ?? "draft"] ?? 0;
  const ended = ENDINGS[state] ?? null;
  const finished = state === "approved" || state === "completed";
  // Changes were asked for: the request is back with its department, before screening again.
  const labels = STEPS.map((label, i) => (i === 0 && state === "changesRequested" ? "Changes requested" : label));
  const steps = labels.map((label, i): Step => {
    // Analysis and fee are skipped when the request went to the decision without an analysis (R13).
    const skippable = i === 2 || i === 3;
    if (skippable && at >= 4 && !hadAnalysis) return { label, status: "skipped" };
    if (i === at && ended) return { label, status: "ended" };
    if (i < at || (finished && i === at)) return { label, status: "complete" };
    if (i === at) return { label, status: "current" };
    return { label, status: ended ? "notReached" : "upcoming" };
  });
  const heading =
    state === "cancelled"
      ? "Approved, then cancelled before it took effect"
      : ended
        ? `${labels[at]}: ${ended.toLowerCase()} here`
        : state === "completed"
          ? "Approved and completed"
          : labels[at];
  return { steps, at: at + 1, heading, ended };
}

/** What happens next, in plain words, for each state. */
export const NEXT_STEP: Record<StateName, string> = {
  draft: "Finish the request and submit it. Until then it is your department's own draft: COM, the 3-1-1 Contact Center and Finance see it only once it is submitted.",
  screening: "The COM Director or Assistant Director will screen the request and decide whether the 3-1-1 Contact Center needs to analyse the expected calls.",
  analysis: "The 3-1-1 Contact Center is estimating how many calls the request will bring.",
  feeAssessment: "Finance is working out the fee for the expected calls.",
  feeAcceptance: "The requesting department must accept the fee (with an account code), dispute it, or decline it.",
  decision: "The COM Director and the Assistant Director each sign off. Both are needed for approval.",
  changesRequested: "The requesting department must make the changes the reviewer asked for and resubmit.",
  approved: "Approved. The 3-1-1 Contact Center will plan for the calls from the effective date.",
  completed: "Completed: the approved period has ended.",
  rejected: "Rejected. The department can copy the request into a new draft.",
  withdrawn: "Withdrawn. The department can copy the request into a new draft.",
  cancelled: "Cancelled before it took effect.",
  lapsed: "Lapsed: the effective date arrived before approval. The department can copy the request into a new draft.",
};
