// The rules of SPEC §2–§4 as checks: each returns the reason an event is refused, or null.
// The machine's guards call them; `whyNot` reports the same reasons to people.
import type { RequestContext } from "./context";
import type { EventOf, RequestEvent, RequestEventType } from "./events";
import {
  allowedTypes,
  earliestEffectiveDate,
  isCalendarDate,
  localDate,
  noticeRule,
  noticeDays,
} from "./notice";
import type { Actor, ActorRole, RequestFacts, SignOffSlot } from "./types";
import { REQUEST_TYPE_LABELS, ROLE_LABELS, SLOT_ROLE } from "./types";

export type Reason = string | null;

export function holds(actor: Actor, role: ActorRole): boolean {
  return actor.roles.some((r) => r.role === role);
}

export function actsAs(actor: Actor, role: ActorRole): { acting: boolean } | null {
  const held = actor.roles.filter((r) => r.role === role);
  if (held.length === 0) return null;
  return { acting: held.every((r) => r.acting) };
}

const REVIEWER_ROLES: ActorRole[] = ["director", "assistant_director"];

function isReviewer(actor: Actor): boolean {
  return REVIEWER_ROLES.some((role) => holds(actor, role));
}

/** R1: only requesters of the owning department act for it. */
export function requesterCheck(ctx: RequestContext, actor: Actor): Reason {
  if (!holds(actor, "requester") || actor.departmentId !== ctx.departmentId) {
    return "Only a requester in the department that owns this request can do this (R1).";
  }
  return null;
}

function reviewerCheck(actor: Actor): Reason {
  return isReviewer(actor)
    ? null
    : "Only the COM Director or Assistant Director (or someone acting for them) can do this.";
}

/** R2: nobody decides on a request they wrote. */
function notAuthorCheck(ctx: RequestContext, actor: Actor): Reason {
  return ctx.authors.includes(actor.userId)
    ? "You worked on this request, so you cannot decide on it (R2)."
    : null;
}

function roleCheck(actor: Actor, role: ActorRole): Reason {
  return holds(actor, role) ? null : `Only ${ROLE_LABELS[role]} can do this.`;
}

function needsText(value: string | undefined, what: string): Reason {
  return value && value.trim().length > 0 ? null : `${what} is required.`;
}

function today(ctx: RequestContext, at: string): string {
  return localDate(at, ctx.timeZone);
}

/** Completeness and R10: the dates that make a request what it is. */
function factsCheck(facts: RequestFacts): Reason {
  if (facts.missing.length > 0) {
    return `The request is not complete. Missing or invalid: ${facts.missing.join(", ")}.`;
  }
  if (!isCalendarDate(facts.effectiveDate)) return "The effective date is not a valid date.";
  if (facts.endDate !== null && !isCalendarDate(facts.endDate)) {
    return "The end date is not a valid date.";
  }
  if (facts.type === "call_routing") {
    if (facts.routing === "temporary" && facts.endDate === null) {
      return "Temporary call routing needs an end date (R10).";
    }
    if (facts.routing === "permanent" && facts.endDate !== null) {
      return "Permanent call routing has no end date (R10).";
    }
    if (facts.routing === null) return "Say whether the call routing is permanent or temporary (R10).";
  }
  if (facts.type === "materials" && facts.endDate === null) {
    return "Materials need a distribution window: the last distribution date is missing (R10).";
  }
  if (facts.endDate !== null && facts.endDate < facts.effectiveDate) {
    return facts.type === "materials"
      ? "The last distribution date must be on or after the first (R10)."
      : "The end date must be on or after the effective date (R10).";
  }
  return null;
}

/** R4–R8: the type is open to the department and the notice is long enough. */
function noticeCheck(
  ctx: RequestContext,
  facts: RequestFacts,
  partner: boolean,
  submittedAt: string,
): Reason {
  if (!allowedTypes(partner).includes(facts.type)) {
    return `"${REQUEST_TYPE_LABELS[facts.type]}" is open to 311 partner departments only (R6).`;
  }
  const earliest = earliestEffectiveDate({ partner, submittedAt, timeZone: ctx.timeZone });
  if (facts.effectiveDate < earliest) {
    const who = partner ? "Partner departments" : "Departments without a 311 partnership";
    return (
      `${who} must give at least ${noticeDays(partner)} calendar days' notice ` +
      `(${noticeRule(partner)}). The earliest effective date allowed is ${earliest}.`
    );
  }
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
    return "You signed the other slot; the two sign-offs must come from two different people (R2).";
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

type Checks = { [T in RequestEventType]: (ctx: RequestContext, e: EventOf<T>) => Reason };

/** The reason each event would be refused in a state that accepts its type. */
export const checks: Checks = {
  EDIT: (ctx, e) => requesterCheck(ctx, e.actor),
  SUBMIT: (ctx, e) =>
    first(
      () => requesterCheck(ctx, e.actor),
      () => factsCheck(e.request),
      () => noticeCheck(ctx, e.request, e.partner, e.at),
    ),
  RESUBMIT: (ctx, e) =>
    first(
      () => requesterCheck(ctx, e.actor),
      () => factsCheck(e.request),
      () =>
        // R9: notice still counts from the first submission, with the partner status of then.
        noticeCheck(ctx, e.request, ctx.partnerAtSubmission ?? false, ctx.firstSubmittedAt ?? e.at),
      () =>
        e.request.effectiveDate > today(ctx, e.at)
          ? null
          : "The effective date has passed or is today; it must be in the future (R9).",
    ),
  ORDER_ANALYSIS: (ctx, e) =>
    first(
      () => reviewerCheck(e.actor),
      () => notAuthorCheck(ctx, e.actor),
      () =>
        ctx.analysis === null ? null : "A call volume analysis was already done for this request.",
    ),
  NO_ANALYSIS: (ctx, e) => first(() => reviewerCheck(e.actor), () => notAuthorCheck(ctx, e.actor)),
  REQUEST_CHANGES: (ctx, e) =>
    first(
      () => reviewerCheck(e.actor),
      () => notAuthorCheck(ctx, e.actor),
      () => needsText(e.comment, "A comment saying what to change"),
    ),
  REJECT: (ctx, e) =>
    first(
      () => reviewerCheck(e.actor),
      () => notAuthorCheck(ctx, e.actor),
      () => needsText(e.comment, "A reason for the rejection"),
    ),
  RECORD_ANALYSIS: (_ctx, e) =>
    first(
      () => roleCheck(e.actor, "analyst"),
      () =>
        Number.isFinite(e.projectedCalls) && e.projectedCalls >= 0
          ? null
          : "Projected calls must be a number of 0 or more.",
    ),
  ASSESS_FEE: (ctx, e) =>
    first(
      () => roleCheck(e.actor, "finance"),
      () => (ctx.analysis === null ? "A fee needs a call volume analysis first (R13)." : null),
      () =>
        Number.isFinite(e.amount) && e.amount >= 0 ? null : "The fee must be an amount of $0 or more (R13).",
      () =>
        e.amount === e.suggested
          ? null
          : needsText(e.comment, "A reason for a fee that differs from the suggestion, or is waived (R13),"),
    ),
  ACCEPT_FEE: (ctx, e) =>
    first(() => requesterCheck(ctx, e.actor), () => needsText(e.accountCode, "An account code")),
  DISPUTE_FEE: (ctx, e) =>
    first(
      () => requesterCheck(ctx, e.actor),
      () => needsText(e.comment, "A comment explaining the dispute"),
    ),
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
      () => roleCheck(e.actor, "system"),
      () =>
        ctx.effectiveDate !== null && today(ctx, e.at) >= ctx.effectiveDate
          ? null
          : "The request lapses only once its effective date arrives.",
    ),
  COMPLETE: (ctx, e) =>
    first(
      () => roleCheck(e.actor, "system"),
      () =>
        ctx.endDate !== null && today(ctx, e.at) > ctx.endDate
          ? null
          : "The request completes only after its end date has passed.",
    ),
};

export function check(ctx: RequestContext, event: RequestEvent): Reason {
  const fn = checks[event.type] as (c: RequestContext, e: RequestEvent) => Reason;
  return fn(ctx, event);
}
