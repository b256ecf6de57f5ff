// What waits on whom: the task a request's state gives someone, and who is reminded of it (R16).
import type { RequestContext } from "./context";
import type { RequestEventType } from "./events";
import type { Audience } from "./notifications";
import type { StateName } from "./states";

/** Events that are someone's task to do; the others (withdraw, cancel, edit) are options. */
export const TASK_EVENTS: RequestEventType[] = [
  "SUBMIT",
  "RESUBMIT",
  "ORDER_ANALYSIS",
  "NO_ANALYSIS",
  "RECORD_ANALYSIS",
  "ASSESS_FEE",
  "ACCEPT_FEE",
  "APPROVE",
];

/** True when doing `event` in `state` is a task; at the decision only the sign-off is (ordering an analysis there is an option). */
export function isTask(state: StateName, event: RequestEventType): boolean {
  return TASK_EVENTS.includes(event) && (state !== "decision" || event === "APPROVE");
}

/** Who holds the task a request waits on, for reminders (R16); none when nobody must act, or for a draft (its author's own). */
export function taskHolders(state: StateName, ctx: Pick<RequestContext, "signOffs">): Audience[] {
  switch (state) {
    case "screening":
      return ["reviewers"];
    case "decision":
      return [
        ...(ctx.signOffs.director === null ? (["directors"] as const) : []),
        ...(ctx.signOffs.assistantDirector === null ? (["assistantDirectors"] as const) : []),
      ];
    case "analysis":
      return ["analysts"];
    case "feeAssessment":
      return ["finance"];
    case "feeAcceptance":
    case "changesRequested":
      return ["submitter"];
    default:
      return [];
  }
}

/**
 * True when an accepted event changed what waits on whom: a new state, or a sign-off (the
 * decision stays, but now waits on the other slot only). Such a step starts a new task,
 * with its own reminders, and tells people.
 */
export function movesTask(event: RequestEventType, from: StateName, to: StateName): boolean {
  return from !== to || event === "APPROVE";
}
