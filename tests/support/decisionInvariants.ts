// What every accepted decision must carry (issue 16), checked on each step of the path and
// property tests: the e-mails reach whoever must act next, and the deadlines match the state.
import { expect } from "vitest";
import { FINAL_STATES, OPEN_STATES, taskHolders, type Audience, type Decision, type RequestEvent } from "workflows";

/** The audiences an e-mail to `sent` reaches: the reviewers include both slots. */
function reaches(sent: Audience, holder: Audience): boolean {
  return sent === holder || (sent === "reviewers" && (holder === "directors" || holder === "assistantDirectors"));
}

export function checkDecision(decision: Decision, event: RequestEvent): void {
  const { from, to, snapshot, deadlines, notifications } = decision;
  const ctx = snapshot.context;
  const sentTo = notifications.flatMap((n) => n.audience);
  const holders = taskHolders(to, ctx);

  // Whoever the request comes to is told (SPEC §7), in the step that brings it.
  if (from !== to) for (const holder of holders) expect(sentTo.some((sent) => reaches(sent, holder))).toBe(true);
  // A request that ends after submission tells its department how (SPEC §7).
  if (from !== to && FINAL_STATES.includes(to) && from !== "draft") expect(sentTo).toContain("submitter");
  // An accepted step was taken in a role the actor holds (R3), and the audit names the event.
  expect(decision.role).not.toBeNull();
  expect(decision.audit.event).toBe(event.type === "REMIND" ? "REMINDER" : event.type);

  // The clock's deadlines: lapse while open, complete after an approved end date, remind whoever holds the task.
  expect(deadlines.lapseOn).toBe(OPEN_STATES.includes(to) ? ctx.effectiveDate : null);
  expect(deadlines.completeOn).toBe(to === "approved" ? ctx.endDate : null);
  if (from !== to || event.type === "APPROVE") {
    expect(deadlines.task?.startsNow).toBe(true);
    expect(deadlines.task?.nextReminderAt !== null).toBe(holders.length > 0);
  }
  if (deadlines.task?.nextReminderAt) expect(deadlines.task.nextReminderAt.getTime()).toBeGreaterThan(new Date(event.at).getTime());
  expect(decision.record.awaitsAction).toBe(to === "draft" || OPEN_STATES.includes(to));
}
