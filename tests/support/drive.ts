// Walk a request through the machine to any state, for tests.
import { send, startRequest, stateName, type RequestEvent, type RequestSnapshot, type StateName } from "workflows";
import { analyst, assistant, department, DPW, director, finance, materials, requester, system, TZ } from "./actors";

/** Submitted on this instant (a Sunday, 10:00 in New York); effective two weeks later. */
export const SUBMITTED_AT = "2026-11-22T15:00:00Z";
export const EFFECTIVE = "2026-12-06";

export function newRequest(createdBy = requester.userId, departmentId = DPW): RequestSnapshot {
  return startRequest({ requestId: "req-1", departmentId, createdBy, timeZone: TZ });
}

export function apply(snapshot: RequestSnapshot, event: RequestEvent): RequestSnapshot {
  const result = send(snapshot, event);
  if (!result.ok) throw new Error(`${event.type} refused in ${stateName(snapshot)}: ${result.reason}`);
  return result.snapshot;
}

export function applyAll(snapshot: RequestSnapshot, events: RequestEvent[]): RequestSnapshot {
  return events.reduce(apply, snapshot);
}

const at = SUBMITTED_AT;
const submit: RequestEvent = {
  type: "SUBMIT",
  actor: requester,
  at,
  answers: materials(EFFECTIVE),
  department: department(true),
};
const orderAnalysis: RequestEvent = { type: "ORDER_ANALYSIS", actor: director, at };
const recordAnalysis: RequestEvent = { type: "RECORD_ANALYSIS", actor: analyst, at, projectedCalls: 120 };
const assessFee: RequestEvent = {
  type: "ASSESS_FEE",
  actor: finance,
  at,
  amount: 500,
  suggested: 500,
  scheduleVersion: 1,
};
const acceptFee: RequestEvent = { type: "ACCEPT_FEE", actor: requester, at, accountCode: "100-2000" };
const approveD: RequestEvent = { type: "APPROVE", actor: director, at, slot: "director" };
const approveA: RequestEvent = { type: "APPROVE", actor: assistant, at, slot: "assistantDirector" };

export const EVENTS = { submit, orderAnalysis, recordAnalysis, assessFee, acceptFee, approveD, approveA };

/** Events that bring a new request to each state. */
export const ROUTES: Record<StateName, RequestEvent[]> = {
  draft: [],
  screening: [submit],
  analysis: [submit, orderAnalysis],
  feeAssessment: [submit, orderAnalysis, recordAnalysis],
  feeAcceptance: [submit, orderAnalysis, recordAnalysis, assessFee],
  decision: [submit, orderAnalysis, recordAnalysis, assessFee, acceptFee],
  changesRequested: [submit, { type: "REQUEST_CHANGES", actor: director, at, comment: "Add the languages." }],
  approved: [submit, { type: "NO_ANALYSIS", actor: director, at }, approveD, approveA],
  completed: [
    submit,
    { type: "NO_ANALYSIS", actor: director, at },
    approveD,
    approveA,
    { type: "COMPLETE", actor: system, at: "2026-12-08T15:00:00Z" },
  ],
  rejected: [submit, { type: "REJECT", actor: director, at, comment: "Not a 311 matter." }],
  withdrawn: [submit, { type: "WITHDRAW", actor: requester, at }],
  cancelled: [
    submit,
    { type: "NO_ANALYSIS", actor: director, at },
    approveD,
    approveA,
    { type: "CANCEL", actor: requester, at },
  ],
  lapsed: [submit, { type: "LAPSE", actor: system, at: "2026-12-06T05:00:00Z" }],
};

export function reach(state: StateName): RequestSnapshot {
  return applyAll(newRequest(), ROUTES[state]);
}
