// The procedure of SPEC §4 as one XState machine: the single authority over a request's states.
// Pure: the time and the actor arrive with each event; no timers, no I/O.
import { assertEvent, assign, setup } from "xstate";
import { initialContext, type RequestContext, type RequestInput } from "./context";
import type { RequestEvent } from "./events";
import { factsOf } from "./requestAnswers";
import { roleUsed } from "./roles";
import { check, submissionPartner } from "./rules";
import type { Actor, SignOffSlot } from "./types";

/**
 * Bump when a change to the machine changes what a persisted snapshot holds, and teach
 * `snapshotVersions.ts` to bring the older snapshots up to date (decision 0014).
 * 2: the states between submission and approval sit inside one parent state, "open"; the
 *    context keeps when the clock last reminded (`lastReminderAt`).
 */
export const MACHINE_VERSION = 2;

const allowed = ({ context, event }: { context: RequestContext; event: RequestEvent }) => check(context, event) === null;
/** The rules as they stand at the decision, for the events whose rules differ there. */
const allowedAtDecision = ({ context, event }: { context: RequestContext; event: RequestEvent }) =>
  check(context, event, "decision") === null;

function addAuthor(ctx: RequestContext, actor: Actor): string[] {
  return ctx.authors.includes(actor.userId) ? ctx.authors : [...ctx.authors, actor.userId];
}

const allowedForSlot =
  (slot: SignOffSlot) =>
  (args: { context: RequestContext; event: RequestEvent }) =>
    args.event.type === "APPROVE" && args.event.slot === slot && allowed(args);

export const requestMachine = /* @__PURE__ */ setup({
  types: {
    context: {} as RequestContext,
    events: {} as RequestEvent,
    input: {} as RequestInput,
  },
  guards: {
    allowed,
    allowedAtDecision,
    allowedForDirectorSlot: allowedForSlot("director"),
    allowedForAssistantSlot: allowedForSlot("assistantDirector"),
    allowedWithFee: (args) => allowed(args) && args.event.type === "ASSESS_FEE" && args.event.amount > 0,
    allowedWithoutFee: (args) => allowed(args) && args.event.type === "ASSESS_FEE" && args.event.amount === 0,
  },
  actions: {
    recordAuthor: assign({ authors: ({ context, event }) => addAuthor(context, event.actor) }),
    recordSubmission: assign(({ context, event }) => {
      assertEvent(event, ["SUBMIT", "RESUBMIT"]);
      const facts = factsOf(event.answers);
      return {
        authors: addAuthor(context, event.actor),
        type: facts.type,
        effectiveDate: facts.effectiveDate,
        endDate: facts.endDate,
        // R7: the partner status and the instant of the first submission stay with the request.
        partnerAtSubmission: submissionPartner(context, event),
        firstSubmittedAt: context.firstSubmittedAt ?? event.at,
      };
    }),
    // R13: a new analysis replaces any earlier one, and the fee that followed it; so does going without.
    clearAnalysis: assign({ analysis: null, fee: null }),
    // R12: sign-offs start afresh every time the request comes (back) to a decision.
    clearSignOffs: assign({ signOffs: { director: null, assistantDirector: null } }),
    recordAnalysis: assign({
      analysis: ({ event }) => {
        assertEvent(event, "RECORD_ANALYSIS");
        return { by: event.actor.userId, at: event.at, projectedCalls: event.projectedCalls };
      },
    }),
    recordFee: assign({
      fee: ({ event }) => {
        assertEvent(event, "ASSESS_FEE");
        return {
          amount: event.amount,
          suggested: event.suggested,
          reason: event.amount === event.suggested ? null : (event.comment ?? null),
          scheduleVersion: event.scheduleVersion,
          by: event.actor.userId,
          at: event.at,
          status: event.amount > 0 ? ("assessed" as const) : ("accepted" as const),
          accountCode: null,
        };
      },
    }),
    recordFeeAnswer: assign({
      fee: ({ context, event }) => {
        assertEvent(event, ["ACCEPT_FEE", "DISPUTE_FEE", "DECLINE_FEE"]);
        if (context.fee === null) return null;
        if (event.type === "ACCEPT_FEE") return { ...context.fee, status: "accepted" as const, accountCode: event.accountCode };
        return { ...context.fee, status: event.type === "DISPUTE_FEE" ? ("disputed" as const) : ("declined" as const) };
      },
    }),
    recordReminder: assign({ lastReminderAt: ({ event }) => event.at }),
    recordSignOff: assign({
      signOffs: ({ context, event }) => {
        assertEvent(event, "APPROVE");
        const role = roleUsed(event);
        return {
          ...context.signOffs,
          [event.slot]: { userId: event.actor.userId, name: event.actor.name, acting: role?.acting ?? false, at: event.at },
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
        SUBMIT: { guard: "allowed", target: "open.screening", actions: "recordSubmission" },
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
      },
    },
    // Submitted and not yet approved: the department may withdraw, and the clock lapses the
    // request when its effective date arrives first (SPEC §4). Someone always holds a task here.
    open: {
      on: {
        WITHDRAW: { guard: "allowed", target: "withdrawn" },
        LAPSE: { guard: "allowed", target: "lapsed" },
        REMIND: { guard: "allowed", actions: "recordReminder" },
      },
      initial: "screening",
      states: {
        screening: {
          on: {
            ORDER_ANALYSIS: { guard: "allowed", target: "analysis", actions: "clearAnalysis" },
            // No analysis → no fee (R13): one recorded before changes were requested is set aside.
            NO_ANALYSIS: { guard: "allowed", target: "decision", actions: "clearAnalysis" },
            REQUEST_CHANGES: { guard: "allowed", target: "changesRequested" },
            REJECT: { guard: "allowed", target: "#request.rejected" },
          },
        },
        analysis: {
          on: {
            RECORD_ANALYSIS: { guard: "allowed", target: "feeAssessment", actions: "recordAnalysis" },
          },
        },
        feeAssessment: {
          on: {
            ASSESS_FEE: [
              { guard: "allowedWithFee", target: "feeAcceptance", actions: "recordFee" },
              { guard: "allowedWithoutFee", target: "decision", actions: "recordFee" },
            ],
          },
        },
        feeAcceptance: {
          on: {
            ACCEPT_FEE: { guard: "allowed", target: "decision", actions: "recordFeeAnswer" },
            DISPUTE_FEE: { guard: "allowed", target: "feeAssessment", actions: "recordFeeAnswer" },
            DECLINE_FEE: { guard: "allowed", target: "#request.withdrawn", actions: "recordFeeAnswer" },
          },
        },
        decision: {
          type: "parallel",
          entry: "clearSignOffs",
          onDone: "#request.approved",
          on: {
            REQUEST_CHANGES: { guard: "allowed", target: "changesRequested" },
            REJECT: { guard: "allowed", target: "#request.rejected" },
            // Only when none was done; the sign-offs start afresh (R12).
            ORDER_ANALYSIS: { guard: "allowedAtDecision", target: "analysis" },
          },
          states: {
            director: {
              initial: "pending",
              states: {
                pending: {
                  on: { APPROVE: { guard: "allowedForDirectorSlot", target: "signed", actions: "recordSignOff" } },
                },
                signed: { type: "final" },
              },
            },
            assistantDirector: {
              initial: "pending",
              states: {
                pending: {
                  on: { APPROVE: { guard: "allowedForAssistantSlot", target: "signed", actions: "recordSignOff" } },
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
          },
        },
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
