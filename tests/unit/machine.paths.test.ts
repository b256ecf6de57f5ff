// Path-based tests: invariants of SPEC §4 on every reachable path (R2, R11, R12, R13), and what
// each step's decision carries: e-mails to whoever must act, and deadlines (issue 16).
import { getShortestPaths, getSimplePaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import { decide, FINAL_STATES, requestMachine, startRequest, stateName, type RequestEvent, type RequestSnapshot } from "workflows";
import { checkDecision } from "../support/decisionInvariants";
import { analyst, assistant, bothRoles, COM, department, director, directorWhoRequests, finance, materials, system, TZ } from "../support/actors";

const at = "2026-11-22T15:00:00Z";
const submitter = directorWhoRequests; // a COM requester who is also a director: must never sign (R2)
const facts = materials("2026-12-06");
const input = { requestId: "r", departmentId: COM, createdBy: submitter.userId, timeZone: TZ };

const events: RequestEvent[] = [
  { type: "SUBMIT", actor: submitter, at, answers: facts, department: department(true) },
  { type: "RESUBMIT", actor: submitter, at, answers: facts },
  { type: "ORDER_ANALYSIS", actor: director, at },
  { type: "NO_ANALYSIS", actor: assistant, at },
  { type: "REQUEST_CHANGES", actor: assistant, at, comment: "Change it" },
  { type: "REJECT", actor: director, at, comment: "No" },
  { type: "RECORD_ANALYSIS", actor: analyst, at, projectedCalls: 40 },
  { type: "ASSESS_FEE", actor: finance, at, amount: 500, suggested: 500, scheduleVersion: 1 },
  { type: "ASSESS_FEE", actor: finance, at, amount: 0, suggested: 500, scheduleVersion: 1, comment: "Waived" },
  { type: "ACCEPT_FEE", actor: submitter, at, accountCode: "100" },
  { type: "DISPUTE_FEE", actor: submitter, at, comment: "Too much" },
  { type: "DECLINE_FEE", actor: submitter, at },
  { type: "APPROVE", actor: director, at, slot: "director" },
  { type: "APPROVE", actor: assistant, at, slot: "assistantDirector" },
  { type: "APPROVE", actor: bothRoles, at, slot: "director" },
  { type: "APPROVE", actor: bothRoles, at, slot: "assistantDirector" },
  { type: "APPROVE", actor: submitter, at, slot: "director" },
  { type: "WITHDRAW", actor: submitter, at },
  { type: "CANCEL", actor: submitter, at },
  { type: "LAPSE", actor: system, at: "2026-12-06T12:00:00Z" },
  { type: "COMPLETE", actor: system, at: "2026-12-08T12:00:00Z" },
];

/**
 * Simple paths grow exponentially with the events: this smaller set (one fee, one way to
 * sign each slot, plus the two-role reviewer and the submitter trying to sign) keeps
 * them to about a thousand. The full set above is explored by shortest paths.
 */
const simplePathEvents = events.filter(
  (e) =>
    !(e.type === "ASSESS_FEE" && e.amount === 0) &&
    e.type !== "DECLINE_FEE" &&
    !(e.type === "APPROVE" && e.actor === assistant),
);

interface Replay {
  snapshot: RequestSnapshot;
  /** The sign-offs since the last change request or order for analysis. */
  signers: Array<{ slot: string; userId: string }>;
}

/** One step of a path, its invariants checked when the machine accepts it. */
function step({ snapshot, signers }: Replay, event: RequestEvent): Replay {
  const result = decide(snapshot, event, new Set());
  if (!result.ok) return { snapshot, signers };
  checkDecision(result, event);
  const next = result.snapshot;
  if (event.type === "REQUEST_CHANGES" || event.type === "ORDER_ANALYSIS") signers = [];
  if (event.type === "APPROVE") signers = [...signers, { slot: event.slot, userId: event.actor.userId }];
  // R13: no fee without an analysis.
  if (next.context.fee !== null) expect(next.context.analysis).not.toBeNull();
  if (stateName(next) === "approved" && result.from !== "approved") {
    // R2, R12: two sign-offs since the last change request, from two distinct non-submitters.
    expect(signers.map((s) => s.slot).sort()).toEqual(["assistantDirector", "director"]);
    expect(new Set(signers.map((s) => s.userId)).size).toBe(2);
    expect(signers.some((s) => s.userId === submitter.userId)).toBe(false);
  }
  return { snapshot: next, signers };
}

// The paths share most of their steps (every prefix of a simple path is one too): each prefix is
// replayed and checked once, keyed by its events' places in the list.
const replays = new Map<string, Replay>();

/** Replays a path's events and checks the invariants after every accepted step. */
function checkPath(path: RequestEvent[]) {
  let replay: Replay = { snapshot: startRequest(input), signers: [] };
  let key = "";
  for (const event of path) {
    // A path starts with xstate's own init event, which the machine refuses as a person's event.
    const at = (event.type as string) === "xstate.init" ? "init" : events.indexOf(event);
    if (at === -1) throw new Error(`${event.type}: not one of the listed events, so it has no key`);
    key += `${at},`;
    const known = replays.get(key);
    replay = known ?? step(replay, event);
    if (!known) replays.set(key, replay);
  }
  return replay.snapshot;
}

function checkFinal(snapshot: RequestSnapshot) {
  if (!FINAL_STATES.includes(stateName(snapshot))) return;
  // R11: a final state accepts no event at all.
  for (const event of events) expect(snapshot.can(event)).toBe(false);
}

describe("paths through the machine", () => {
  it("shortest paths reach every state and keep the invariants", () => {
    const paths = getShortestPaths(requestMachine, { events, input });
    const reached = new Set(paths.map((p) => stateName(p.state as RequestSnapshot)));
    expect([...reached].sort()).toEqual(
      [
        "analysis",
        "approved",
        "cancelled",
        "changesRequested",
        "completed",
        "decision",
        "draft",
        "feeAcceptance",
        "feeAssessment",
        "lapsed",
        "rejected",
        "screening",
        "withdrawn",
      ].sort(),
    );
    for (const path of paths) checkFinal(checkPath(path.steps.map((s) => s.event)));
  });

  it("every simple path keeps the invariants", () => {
    // Each snapshot serialised once: xstate's default serialises again at every step of its
    // search, which was 60 % of this test's time.
    const serialized = new WeakMap<RequestSnapshot, string>();
    const serializeState = (snapshot: RequestSnapshot) => {
      let key = serialized.get(snapshot);
      if (key === undefined) serialized.set(snapshot, (key = JSON.stringify({ value: snapshot.value, context: snapshot.context })));
      return key;
    };
    const paths = getSimplePaths(requestMachine, { events: simplePathEvents, input, serializeState });
    expect(paths.length).toBeGreaterThan(100);
    let approvals = 0;
    for (const path of paths) {
      const end = checkPath(path.steps.map((s) => s.event));
      checkFinal(end);
      if (stateName(end) === "approved") approvals++;
    }
    expect(approvals).toBeGreaterThan(0);
  }, 240_000);
});
