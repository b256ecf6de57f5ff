// State names and how they read to people.

export const STATE_NAMES = [
  "draft",
  "screening",
  "analysis",
  "feeAssessment",
  "feeAcceptance",
  "decision",
  "changesRequested",
  "approved",
  "completed",
  "rejected",
  "withdrawn",
  "cancelled",
  "lapsed",
] as const;
export type StateName = (typeof STATE_NAMES)[number];

/** R15: requests in these states may be copied into a new draft. */
export const COPYABLE_STATES: StateName[] = ["lapsed", "rejected", "withdrawn"];

export const STATE_LABELS: Record<StateName, string> = {
  draft: "Draft",
  screening: "Screening by COM",
  analysis: "Call volume analysis",
  feeAssessment: "Fee assessment",
  feeAcceptance: "Fee awaiting acceptance",
  decision: "Awaiting decision",
  changesRequested: "Changes requested",
  approved: "Approved",
  completed: "Completed",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  cancelled: "Cancelled",
  lapsed: "Lapsed",
};

export function isStateName(value: string): value is StateName {
  return (STATE_NAMES as readonly string[]).includes(value);
}
