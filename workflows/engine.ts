// Pure operations on persisted request snapshots: start, restore, ask and send.
import { getNextTransitions, initialTransition, transition, type SnapshotFrom, type StateValue } from "xstate";
import type { RequestContext, RequestInput } from "./context";
import type { RequestEvent, RequestEventType } from "./events";
import { check, requesterCheck } from "./rules";
import { MACHINE_VERSION, requestMachine } from "./requestMachine";
import { upgradeSnapshot } from "./snapshotVersions";
import { isStateName, STATE_LABELS, stateName, type StateName } from "./states";
import type { Actor, SignOffSlot } from "./types";

export type RequestSnapshot = SnapshotFrom<typeof requestMachine>;

const EVENT_LABELS: Record<RequestEventType, string> = {
  EDIT: "Editing",
  SUBMIT: "Submitting",
  RESUBMIT: "Resubmitting",
  ORDER_ANALYSIS: "Ordering a call volume analysis",
  NO_ANALYSIS: "Deciding no analysis is needed",
  REQUEST_CHANGES: "Requesting changes",
  REJECT: "Rejecting",
  RECORD_ANALYSIS: "Recording an analysis",
  ASSESS_FEE: "Assessing a fee",
  ACCEPT_FEE: "Accepting the fee",
  DISPUTE_FEE: "Disputing the fee",
  DECLINE_FEE: "Declining the fee",
  APPROVE: "Signing the approval",
  WITHDRAW: "Withdrawing",
  CANCEL: "Cancelling",
  LAPSE: "Lapsing",
  COMPLETE: "Completing",
  REMIND: "Reminding",
};

export function startRequest(input: RequestInput): RequestSnapshot {
  return initialTransition(requestMachine, input)[0];
}

export function serialize(snapshot: RequestSnapshot): string {
  return JSON.stringify(requestMachine.getPersistedSnapshot(snapshot));
}

/** A stored snapshot, written by machine `version` (older ones are upgraded first). */
export function restore(json: string, version: number): RequestSnapshot {
  const { value, context } = upgradeSnapshot(JSON.parse(json), version, MACHINE_VERSION);
  const snapshot = requestMachine.resolveState({ value: value as StateValue, context: context as RequestContext });
  if (!isStateName(stateName(snapshot))) throw new Error("A stored snapshot names no state of the machine.");
  return snapshot;
}

function acceptsType(snapshot: RequestSnapshot, type: RequestEventType): boolean {
  return getNextTransitions(snapshot).some((t) => t.eventType === type);
}

/** Why the machine would refuse this event now, or null when it would accept it (R11). */
export function whyNot(snapshot: RequestSnapshot, event: RequestEvent): string | null {
  const state = stateName(snapshot);
  if (snapshot.status === "done") {
    return `This request is ${STATE_LABELS[state].toLowerCase()}; a closed request accepts no further action.`;
  }
  if (!acceptsType(snapshot, event.type)) {
    return `${EVENT_LABELS[event.type]} is not possible while the request is at "${STATE_LABELS[state]}".`;
  }
  if (snapshot.can(event)) return null;
  return check(snapshot.context, event, state) ?? `${EVENT_LABELS[event.type]} is not possible now.`;
}

export type SendResult =
  | { ok: true; from: StateName; to: StateName; snapshot: RequestSnapshot }
  | { ok: false; reason: string };

/** Apply one event. A refused event returns its reason and changes nothing. */
export function send(snapshot: RequestSnapshot, event: RequestEvent): SendResult {
  const reason = whyNot(snapshot, event);
  if (reason !== null) return { ok: false, reason };
  const [next] = transition(requestMachine, snapshot, event);
  return { ok: true, from: stateName(snapshot), to: stateName(next), snapshot: next };
}

/** One representative, well-formed event of each kind a person might send now. */
function probes(actor: Actor, at: string, ctx: RequestContext): RequestEvent[] {
  const base = { actor, at };
  const note = { comment: "…" };
  const amount = ctx.fee?.amount ?? 1;
  return [
    { ...base, type: "EDIT" },
    { ...base, type: "WITHDRAW" },
    { ...base, type: "ORDER_ANALYSIS" },
    { ...base, type: "NO_ANALYSIS" },
    { ...base, type: "REQUEST_CHANGES", ...note },
    { ...base, type: "REJECT", ...note },
    { ...base, type: "RECORD_ANALYSIS", projectedCalls: 0 },
    { ...base, type: "ASSESS_FEE", amount, suggested: amount, scheduleVersion: null },
    { ...base, type: "ACCEPT_FEE", accountCode: "…" },
    { ...base, type: "DISPUTE_FEE", ...note },
    { ...base, type: "DECLINE_FEE" },
    { ...base, type: "APPROVE", slot: "director" },
    { ...base, type: "APPROVE", slot: "assistantDirector" },
    { ...base, type: "CANCEL" },
  ];
}

export interface AvailableAction {
  type: RequestEventType;
  slot?: SignOffSlot;
}

/**
 * What this person may do now, for pages to offer only those buttons.
 * Details the person has yet to type (a comment, an amount) are assumed well formed;
 * the machine checks the real ones when the form is sent.
 */
export function availableActions(
  snapshot: RequestSnapshot,
  actor: Actor,
  at: string,
  only?: readonly RequestEventType[],
): AvailableAction[] {
  // Events the current state has no transition for are skipped before the (costlier) guard checks.
  const accepted = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
  const wanted = (type: RequestEventType) => accepted.has(type) && (only === undefined || only.includes(type));
  const found: AvailableAction[] = [];
  // SUBMIT and RESUBMIT depend on what was typed: offered whenever the state and the person allow.
  for (const type of ["SUBMIT", "RESUBMIT"] as const) {
    if (wanted(type) && requesterCheck(snapshot.context, actor) === null) found.push({ type });
  }
  for (const probe of probes(actor, at, snapshot.context)) {
    if (wanted(probe.type) && snapshot.can(probe)) {
      found.push(probe.type === "APPROVE" ? { type: "APPROVE", slot: probe.slot } : { type: probe.type });
    }
  }
  return found;
}
