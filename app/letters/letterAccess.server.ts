// Which letter a request has (R20): an approval letter once both sign-offs stand and while the
// approval holds (approved, then completed), a rejection letter once rejected. Anyone who may see
// the request may download it (R1): its department, COM (reviewers and the Contact Center) and Finance.
import type { StateName } from "workflows";

export type LetterKind = "approval" | "rejection";

export function letterKind(state: StateName): LetterKind | null {
  if (state === "approved" || state === "completed") return "approval";
  if (state === "rejected") return "rejection";
  return null;
}

/** The state a letter's deciding audit entry led to. */
export const DECIDED_STATE: Record<LetterKind, StateName> = { approval: "approved", rejection: "rejected" };
