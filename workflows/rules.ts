// The rules of SPEC §2–§4 as checks: each returns the reason an event is refused, or null.
// The machine's guards call them; `whyNot` reports the same reasons to people.
import type { RequestContext } from "./context";
import type { EventOf, RequestEvent, RequestEventType } from "./events";
import { allowedTypes, isPartnerOn, localDate, noticeAt } from "./notice";
import { factsOf, type RequestAnswers } from "./requestAnswers";
import { answerProblems } from "./requestSchemas";
import { holds, REVIEWER_ROLES, roleUsed, EVENT_ROLES } from "./roles";
import { COPYABLE_STATES, type StateName } from "./states";
import type { Actor, SignOffSlot } from "./types";
import { REQUEST_TYPE_LABELS, ROLE_LABELS, SLOT_ROLE } from "./types";

export type Reason = string | null;

/** R1: only requesters of the owning department act for it. */
export function requesterCheck(ctx: Pick<RequestContext, "departmentId">, actor: Actor): Reason {
  if (!holds(actor, "requester") || actor.departmentId !== ctx.departmentId) {
    return "Only a requester in the department that owns this request can do this.";
  }
  return null;
}

/** The actor holds a role that may send this event (acting appointments included, R3). */
function roleCheck(event: RequestEvent): Reason {
  if (roleUsed(event) !== null) return null;
  const roles = EVENT_ROLES[event.type];
  if (roles === REVIEWER_ROLES) return "Only the COM Director or Assistant Director (or someone acting for them) can do this.";
  return `Only ${roles.map((r) => ROLE_LABELS[r]).join(" or ")} can do this.`;
}

/** R2: nobody decides on a request they wrote. */
function notAuthorCheck(ctx: RequestContext, actor: Actor): Reason {
  return ctx.authors.includes(actor.userId) ? "You worked on this request, so you cannot decide on it: decisions come from people who did not write the request." : null;
}

function needsText(value: string | undefined, what: string): Reason {
  return value && value.trim().length > 0 ? null : `${what} is required.`;
}

function today(ctx: RequestContext, at: string): string {
  return localDate(at, ctx.timeZone);
}

/** Completeness and R10, judged on the answers themselves with the form's own schema. */
function answersCheck(answers: RequestAnswers): Reason {
  const problems = answerProblems(answers);
  if (problems.length === 0) return null;
  if (problems.length === 1) return `The request is not complete. ${problems[0].label}: ${problems[0].message}.`;
  return `The request is not complete. Missing or invalid: ${problems.map((p) => p.label).join(", ")}.`;
}

/** R7: the partner status in force at first submission, kept on resubmission. */
export function submissionPartner(ctx: RequestContext, event: EventOf<"SUBMIT"> | EventOf<"RESUBMIT">): boolean {
  if (ctx.partnerAtSubmission !== null) return ctx.partnerAtSubmission;
  return event.type === "SUBMIT" && isPartnerOn(event.department, today(ctx, event.at));
}

/** R4–R9: the type is open to the department, the notice is long enough, and a resubmitted date lies ahead. */
function noticeCheck(ctx: RequestContext, event: EventOf<"SUBMIT"> | EventOf<"RESUBMIT">): Reason {
  const facts = factsOf(event.answers);
  const partner = submissionPartner(ctx, event);
  if (!allowedTypes(partner).includes(facts.type)) {
    return `"${REQUEST_TYPE_LABELS[facts.type]}" is open to 3-1-1 partner departments only.`;
  }
  const notice = noticeAt({ partner, firstSubmittedAt: ctx.firstSubmittedAt, now: event.at, timeZone: ctx.timeZone });
  if (facts.effectiveDate < notice.earliest) return notice.message;
  return null;
}

function slotCheck(ctx: RequestContext, e: EventOf<"APPROVE">): Reason {
  const role = SLOT_ROLE[e.slot];
  if (!holds(e.actor, role)) {
    return `Only the ${ROLE_LABELS[role]} (or someone acting as ${ROLE_LABELS[role]}) signs this slot.`;
  }
  if (ctx.signOffs[e.slot] !== null) return `The ${ROLE_LABELS[role]} slot is already signed.`;
  const other: SignOffSlot = e.slot === "director" ? "assistantDirector" : "director";
  if (ctx.signOffs[other]?.userId === e.actor.userId) {
    return "You signed the other slot; the two sign-offs must come from two different people.";
  }
  return null;
}

const first = (...reasons: Array<() => Reason>): Reason => {
  for (const reason of reasons) {
    const r = reason();
    if (r !== null) return r;
  }
  return null;
};

/** A rule may depend on the step the request is at; the machine's guards pass the state they stand in. */
type Checks = { [T in RequestEventType]: (ctx: RequestContext, e: EventOf<T>, state: StateName | null) => Reason };

/** The reason each event would be refused in a state that accepts its type. */
export const checks: Checks = {
  EDIT: (ctx, e) => requesterCheck(ctx, e.actor),
  SUBMIT: (ctx, e) => first(() => requesterCheck(ctx, e.actor), () => answersCheck(e.answers), () => noticeCheck(ctx, e)),
  RESUBMIT: (ctx, e) => first(() => requesterCheck(ctx, e.actor), () => answersCheck(e.answers), () => noticeCheck(ctx, e)),
  ORDER_ANALYSIS: (ctx, e, state) =>
    first(
      () => roleCheck(e),
      () => notAuthorCheck(ctx, e.actor),
      // SPEC §4: at the decision only when none was done. At screening (after changes) a new one may replace it.
      () =>
        state === "decision" && ctx.analysis !== null ? "A call volume analysis was already done for this request." : null,
    ),
  NO_ANALYSIS: (ctx, e) => first(() => roleCheck(e), () => notAuthorCheck(ctx, e.actor)),
  REQUEST_CHANGES: (ctx, e) =>
    first(() => roleCheck(e), () => notAuthorCheck(ctx, e.actor), () => needsText(e.comment, "A comment saying what to change")),
  REJECT: (ctx, e) =>
    first(() => roleCheck(e), () => notAuthorCheck(ctx, e.actor), () => needsText(e.comment, "A reason for the rejection")),
  RECORD_ANALYSIS: (_ctx, e) =>
    first(
      () => roleCheck(e),
      () => (Number.isFinite(e.projectedCalls) && e.projectedCalls >= 0 ? null : "Projected calls must be a number of 0 or more."),
    ),
  ASSESS_FEE: (ctx, e) =>
    first(
      () => roleCheck(e),
      () => (ctx.analysis === null ? "A fee needs a call volume analysis first: fees follow the measured impact." : null),
      () => (Number.isFinite(e.amount) && e.amount >= 0 ? null : "The fee must be an amount of $0 or more."),
      () =>
        e.amount === e.suggested
          ? null
          : needsText(e.comment, "A reason for a fee that differs from the suggestion, or is waived,"),
    ),
  ACCEPT_FEE: (ctx, e) => first(() => requesterCheck(ctx, e.actor), () => needsText(e.accountCode, "An account code")),
  DISPUTE_FEE: (ctx, e) => first(() => requesterCheck(ctx, e.actor), () => needsText(e.comment, "A comment explaining the dispute")),
  DECLINE_FEE: (ctx, e) => requesterCheck(ctx, e.actor),
  APPROVE: (ctx, e) => first(() => notAuthorCheck(ctx, e.actor), () => slotCheck(ctx, e)),
  WITHDRAW: (ctx, e) => requesterCheck(ctx, e.actor),
  CANCEL: (ctx, e) =>
    first(
      () => requesterCheck(ctx, e.actor),
      () =>
        ctx.effectiveDate !== null && today(ctx, e.at) < ctx.effectiveDate
          ? null
          : "An approved request can be cancelled only before its effective date.",
    ),
  LAPSE: (ctx, e) =>
    first(
      () => roleCheck(e),
      () =>
        ctx.effectiveDate !== null && today(ctx, e.at) >= ctx.effectiveDate
          ? null
          : "The request lapses only once its effective date arrives.",
    ),
  COMPLETE: (ctx, e) =>
    first(
      () => roleCheck(e),
      () => (ctx.endDate !== null && today(ctx, e.at) > ctx.endDate ? null : "The request completes only after its end date has passed."),
    ),
  REMIND: (_ctx, e) => roleCheck(e),
};

/** The reason `event` would be refused in `state` (null: a rule that holds in every state that takes it). */
export function check(ctx: RequestContext, event: RequestEvent, state: StateName | null = null): Reason {
  const fn = checks[event.type] as (c: RequestContext, e: RequestEvent, s: StateName | null) => Reason;
  return fn(ctx, event, state);
}

/** R15: a lapsed, rejected or withdrawn request may be copied into a new draft by its department's requesters. */
export function copyCheck(state: StateName, ctx: Pick<RequestContext, "departmentId">, actor: Actor): Reason {
  return first(
    () => requesterCheck(ctx, actor),
    () => (COPYABLE_STATES.includes(state) ? null : "Only a lapsed, rejected or withdrawn request can be copied."),
  );
}
