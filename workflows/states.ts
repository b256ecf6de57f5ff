// State names and how they read to people.
import type { StateValue } from "xstate";
import type { RequestSnapshot } from "./engine";

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

/**
 * The step a request is at, as people and the database name it: "open" is only the machine's
 * grouping. Here rather than in engine.ts, so that pages that show a request's step do not reach
 * the machine (workflows/view.ts).
 */
export function stateName(snapshot: RequestSnapshot): StateName {
  let value: StateValue = snapshot.value;
  while (typeof value !== "string") {
    const [key] = Object.keys(value);
    if (key !== "open") return key as StateName;
    value = value[key] as StateValue;
  }
  return value as StateName;
}
