// Asks the machine, without sending anything, whether it would accept these answers at
// SUBMIT now: the "Continue" buttons use it so a refusal is told before the check page.
import type { CurrentUser } from "~/auth/session.server";
import { restore, startRequest, whyNot, type RequestAnswers } from "workflows";
import { actorOf } from "./actor.server";

export interface SubmissionCheck {
  user: CurrentUser;
  /** The stored snapshot of an existing draft; a new request starts from a fresh one. */
  stored: { snapshot: string; machineVersion: number } | null;
  department: { id: string; partnerSince: string | null };
  answers: RequestAnswers;
  now: Date;
  timeZone: string;
}

/** The machine's reason for refusing SUBMIT, or null when it would accept it. */
export function submissionRefusal(input: SubmissionCheck): string | null {
  const snapshot = input.stored
    ? restore(input.stored.snapshot, input.stored.machineVersion)
    : startRequest({ requestId: "new", departmentId: input.department.id, createdBy: input.user.id, timeZone: input.timeZone });
  return whyNot(snapshot, {
    type: "SUBMIT",
    actor: actorOf(input.user),
    at: input.now.toISOString(),
    answers: input.answers,
    department: input.department,
  });
}
