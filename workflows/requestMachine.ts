// The procedure of SPEC §4 as one XState machine: the single authority over a request's states.
// Pure: the time and the actor arrive with each event; no timers, no I/O.
import { assign, setup } from "xstate";
import { initialContext, type RequestContext, type RequestInput } from "./context";
import type { EventOf, RequestEvent, RequestEventType } from "./events";
import { actsAs, check } from "./rules";
import type { Actor, SignOffSlot } from "./types";
import { SLOT_ROLE } from "./types";

/** Bump when a change to the machine makes older persisted snapshots need migrating. */
export const MACHINE_VERSION = 1;

const allowed = ({ context, event }: { context: RequestContext; event: RequestEvent }) =>
  check(context, event) === null;

function addAuthor(ctx: RequestContext, actor: Actor): string[] {
  return ctx.authors.includes(actor.userId) ? ctx.authors : [...ctx.authors, actor.userId];
}

const noSignOffs = { director: null, assistantDirector: null };

const allowedForSlot =
  (slot: SignOffSlot) => (args: { context: RequestContext; event: RequestEvent }) =>
    args.event.type === "APPROVE" && args.event.slot === slot && allowed(args);

export const requestMachine = /* @__PURE__ */ setup({
  types: {
    context: {} as RequestContext,
    events: {} as RequestEvent,
    input: {} as RequestInput,
  },
  guards: {
    allowed,
    allowedForDirectorSlot: allowedForSlot("director"),
    allowedForAssistantSlot: allowedForSlot("assistantDirector"),
    allowedWithFee: (args) =>
      allowed(args) && args.event.type === "ASSESS_FEE" && args.event.amount > 0,
    allowedWithoutFee: (args) =>
      allowed(args) && args.event.type === "ASSESS_FEE" && args.event.amount === 0,
  },
  actions: {
    recordAuthor: assign({ authors: ({ context, event }) => addAuthor(context, event.actor) }),
    recordSubmission: assign(({ context, event }) => {
      const e = event as EventOf<"SUBMIT"> | EventOf<"RESUBMIT">;
      return {
        authors: addAuthor(context, e.actor),
        type: e.request.type,
        effectiveDate: e.request.effectiveDate,
        endDate: e.request.endDate,
        partnerAtSubmission:
          context.partnerAtSubmission ?? (e.type === "SUBMIT" ? e.partner : null),
        firstSubmittedAt: context.firstSubmittedAt ?? e.at,
      };
    }),
    // R13: an ordered analysis replaces any earlier one, and the fee that followed it.
    clearAnalysis: assign({ analysis: null, fee: null }),
    clearSignOffs: assign({ signOffs: noSignOffs }),
    recordAnalysis: assign({
      analysis: ({ event }) => {
        const e = event as EventOf<"RECORD_ANALYSIS">;
        return { by: e.actor.userId, at: e.at, projectedCalls: e.projectedCalls };
      },
    }),
    recordFee: assign({
      fee: ({ event }) => {
        const e = event as EventOf<"ASSESS_FEE">;
        return {
          amount: e.amount,
          suggested: e.suggested,
          reason: e.amount === e.suggested ? null : (e.comment ?? null),
          scheduleVersion: e.scheduleVersion,
          by: e.actor.userId,
          at: e.at,
          status: e.amount > 0 ? ("assessed" as const) : ("accepted" as const),
          accountCode: null,
        };
      },
    }),
    recordFeeAnswer: assign({
      fee: ({ context, event }) => {
        if (context.fee === null) return null;
        if (event.type === "ACCEPT_FEE") {
          return { ...context.fee, status: "accepted" as const, accountCode: event.accountCode };
        }
        return { ...context.fee, status: event.type === "DISPUTE_FEE" ? ("disputed" as const) : ("declined" as const) };
      },
    }),
    recordSignOff: assign({
      signOffs: ({ context, event }) => {
        const e = event as EventOf<"APPROVE">;
        const held = actsAs(e.actor, SLOT_ROLE[e.slot]);
        return {
          ...context.signOffs,
          [e.slot]: { userId: e.actor.userId, name: e.actor.name, acting: held?.acting ?? false, at: e.at },
        };
      },
    }),
  },
}).createMachine({
  id: "request",
  context: ({ input }) => initialContext(input),
  initial: "draft",
  states: {
    draft: {
      on: {
        EDIT: { guard: "allowed", actions: "recordAuthor" },
        SUBMIT: { guard: "allowed", target: "screening", actions: "recordSubmission" },
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
      },
    },
    screening: {
      on: {
        ORDER_ANALYSIS: { guard: "allowed", target: "analysis", actions: "clearAnalysis" },
        NO_ANALYSIS: { guard: "allowed", target: "decision", actions: "clearAnalysis" },
        REQUEST_CHANGES: { guard: "allowed", target: "changesRequested" },
        REJECT: { guard: "allowed", target: "rejected" },
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
        LAPSE: { guard: "allowed", target: "lapsed" },
      },
    },
    analysis: {
      on: {
        RECORD_ANALYSIS: { guard: "allowed", target: "feeAssessment", actions: "recordAnalysis" },
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
        LAPSE: { guard: "allowed", target: "lapsed" },
      },
    },
    feeAssessment: {
      on: {
        ASSESS_FEE: [
          { guard: "allowedWithFee", target: "feeAcceptance", actions: "recordFee" },
          { guard: "allowedWithoutFee", target: "decision", actions: "recordFee" },
        ],
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
        LAPSE: { guard: "allowed", target: "lapsed" },
      },
    },
    feeAcceptance: {
      on: {
        ACCEPT_FEE: { guard: "allowed", target: "decision", actions: "recordFeeAnswer" },
        DISPUTE_FEE: { guard: "allowed", target: "feeAssessment", actions: "recordFeeAnswer" },
        DECLINE_FEE: { guard: "allowed", target: "withdrawn", actions: "recordFeeAnswer" },
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
        LAPSE: { guard: "allowed", target: "lapsed" },
      },
    },
    decision: {
      type: "parallel",
      // R12: sign-offs start afresh every time the request comes (back) to a decision.
      entry: "clearSignOffs",
      onDone: "approved",
      on: {
        REQUEST_CHANGES: { guard: "allowed", target: "changesRequested" },
        REJECT: { guard: "allowed", target: "rejected" },
        ORDER_ANALYSIS: { guard: "allowed", target: "analysis", actions: "clearAnalysis" },
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
        LAPSE: { guard: "allowed", target: "lapsed" },
      },
      states: {
        director: {
          initial: "pending",
          states: {
            pending: {
              on: {
                APPROVE: { guard: "allowedForDirectorSlot", target: "signed", actions: "recordSignOff" },
              },
            },
            signed: { type: "final" },
          },
        },
        assistantDirector: {
          initial: "pending",
          states: {
            pending: {
              on: {
                APPROVE: {
                  guard: "allowedForAssistantSlot",
                  target: "signed",
                  actions: "recordSignOff",
                },
              },
            },
            signed: { type: "final" },
          },
        },
      },
    },
    changesRequested: {
      on: {
        EDIT: { guard: "allowed", actions: "recordAuthor" },
        RESUBMIT: { guard: "allowed", target: "screening", actions: "recordSubmission" },
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
        LAPSE: { guard: "allowed", target: "lapsed" },
      },
    },
    approved: {
      on: {
        CANCEL: { guard: "allowed", target: "cancelled" },
        COMPLETE: { guard: "allowed", target: "completed" },
      },
    },
    completed: { type: "final" },
    rejected: { type: "final" },
    withdrawn: { type: "final" },
    cancelled: { type: "final" },
    lapsed: { type: "final" },
  },
});

export type RequestMachine = typeof requestMachine;
export type { RequestEventType };
