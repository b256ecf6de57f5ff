// Asks the machine, without sending anything, whether it would accept these answers at
// SUBMIT now: the "Continue" buttons use it so a refusal is told before the check page.
import type { CurrentUser } from "~/auth/session.server";
import { restore, startRequest, whyNot } from "../../workflows/engine";
import { actorOf } from "./actor.server";
import { factsOf, type RequestAnswers } from "./requestSchema";

export interface SubmissionCheck {
  user: CurrentUser;
  /** The stored snapshot of an existing draft; a new request starts from a fresh one. */
  snapshot: string | null;
  departmentId: string;
  answers: RequestAnswers;
  partner: boolean;
  now: Date;
  timeZone: string;
}

/** The machine's reason for refusing SUBMIT, or null when it would accept it. */
export function submissionRefusal(input: SubmissionCheck): string | null {
  const snapshot = input.snapshot
    ? restore(input.snapshot)
    : startRequest({ requestId: "new", departmentId: input.departmentId, createdBy: input.user.id, timeZone: input.timeZone });
  return whyNot(snapshot, {
    type: "SUBMIT",
    actor: actorOf(input.user),
    at: input.now.toISOString(),
    request: factsOf(input.answers),
    partner: input.partner,
  });
}
