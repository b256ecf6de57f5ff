// R11: every event is refused, with a reason and no change, in every state that does not take it;
// persisted snapshots survive a JSON round trip in every state.
import { describe, expect, it } from "vitest";
import { availableActions, FINAL_STATES, MACHINE_VERSION, OPEN_STATES, restore, send, serialize, STATE_NAMES, stateName, UnknownMachineVersion, type RequestEvent, type RequestEventType, type StateName } from "workflows";
import v1 from "../fixtures/machine-v1-snapshots.json";
import { analyst, assistant, director, everyone, finance, materials, requester, system } from "../support/actors";
import { applyAll, EVENTS, newRequest, reach, ROUTES, SUBMITTED_AT } from "../support/drive";

const OPEN: StateName[] = ["screening", "analysis", "feeAssessment", "feeAcceptance", "decision", "changesRequested"];

/** Every state of SPEC §4, written out here so that a change to the machine's grouping shows. */
it("the machine's open and final states are those of SPEC §4", () => {
  expect([...OPEN_STATES].sort()).toEqual([...OPEN].sort());
  expect([...FINAL_STATES].sort()).toEqual(["cancelled", "completed", "lapsed", "rejected", "withdrawn"]);
});

/** Where SPEC §4 lets each event happen. */
const TAKES: Record<RequestEventType, StateName[]> = {
  EDIT: ["draft", "changesRequested"],
  SUBMIT: ["draft"],
  RESUBMIT: ["changesRequested"],
  ORDER_ANALYSIS: ["screening", "decision"],
  NO_ANALYSIS: ["screening"],
  REQUEST_CHANGES: ["screening", "decision"],
  REJECT: ["screening", "decision"],
  RECORD_ANALYSIS: ["analysis"],
  ASSESS_FEE: ["feeAssessment"],
  ACCEPT_FEE: ["feeAcceptance"],
  DISPUTE_FEE: ["feeAcceptance"],
  DECLINE_FEE: ["feeAcceptance"],
  APPROVE: ["decision"],
  WITHDRAW: ["draft", ...OPEN],
  CANCEL: ["approved"],
  LAPSE: OPEN,
  COMPLETE: ["approved"],
  REMIND: OPEN,
};

const at = SUBMITTED_AT;
/** A well-formed event of each type from the person entitled to send it. */
const EVENT: Record<RequestEventType, RequestEvent> = {
  EDIT: { type: "EDIT", actor: requester, at },
  SUBMIT: EVENTS.submit,
  RESUBMIT: { type: "RESUBMIT", actor: requester, at, answers: materials("2026-12-06") },
  ORDER_ANALYSIS: { type: "ORDER_ANALYSIS", actor: director, at },
  NO_ANALYSIS: { type: "NO_ANALYSIS", actor: director, at },
  REQUEST_CHANGES: { type: "REQUEST_CHANGES", actor: director, at, comment: "Please change" },
  REJECT: { type: "REJECT", actor: assistant, at, comment: "No" },
  RECORD_ANALYSIS: { type: "RECORD_ANALYSIS", actor: analyst, at, projectedCalls: 10 },
  ASSESS_FEE: { type: "ASSESS_FEE", actor: finance, at, amount: 5, suggested: 5, scheduleVersion: 1 },
  ACCEPT_FEE: EVENTS.acceptFee,
  DISPUTE_FEE: { type: "DISPUTE_FEE", actor: requester, at, comment: "Why?" },
  DECLINE_FEE: { type: "DECLINE_FEE", actor: requester, at },
  APPROVE: EVENTS.approveD,
  WITHDRAW: { type: "WITHDRAW", actor: requester, at },
  CANCEL: { type: "CANCEL", actor: requester, at },
  LAPSE: { type: "LAPSE", actor: system, at: "2026-12-06T12:00:00Z" },
  COMPLETE: { type: "COMPLETE", actor: system, at: "2026-12-08T12:00:00Z" },
  REMIND: { type: "REMIND", actor: system, at },
};

/** Decision reached without an analysis, so that ORDER_ANALYSIS is open there. */
function reachState(state: StateName) {
  if (state === "decision") return applyAll(newRequest(), [EVENTS.submit, EVENT.NO_ANALYSIS]);
  return reach(state);
}

describe("every event in every state", () => {
  for (const state of STATE_NAMES) {
    for (const type of Object.keys(TAKES) as RequestEventType[]) {
      const takes = TAKES[type].includes(state);
      it(`${type} in ${state}: ${takes ? "accepted" : "refused with a reason, nothing changed"}`, () => {
        const snapshot = reachState(state);
        const before = serialize(snapshot);
        const result = send(snapshot, EVENT[type]);
        if (takes) {
          expect(result.ok).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/not possible while|a closed request accepts no further action/);
          expect(serialize(snapshot)).toBe(before);
        }
      });
    }
  }
});

describe("persisted snapshots", () => {
  for (const state of Object.keys(ROUTES) as StateName[]) {
    it(`${state}: JSON round trip keeps the state, the context and what each person may do`, () => {
      const snapshot = reach(state);
      const json = serialize(snapshot);
      const restored = restore(JSON.stringify(JSON.parse(json)), MACHINE_VERSION);
      expect(stateName(restored)).toBe(state);
      expect(restored.context).toEqual(snapshot.context);
      expect(serialize(restored)).toBe(json);
      for (const actor of everyone) {
        expect(availableActions(restored, actor, at)).toEqual(availableActions(snapshot, actor, at));
      }
    });
  }

  it("a restored decision keeps a sign-off already given", () => {
    const oneSigned = send(reach("decision"), EVENTS.approveD);
    if (!oneSigned.ok) throw new Error(oneSigned.reason);
    const restored = restore(serialize(oneSigned.snapshot), MACHINE_VERSION);
    const result = send(restored, EVENTS.approveA);
    expect(result.ok && stateName(result.snapshot)).toBe("approved");
  });
});

describe("snapshots saved by an older machine (decision 0014)", () => {
  const stored = v1.snapshots as Record<string, unknown>;
  for (const state of Object.keys(ROUTES) as StateName[]) {
    it(`a version 1 "${state}" snapshot reads as the same state, context and choices today`, () => {
      const restored = restore(JSON.stringify(stored[state]), v1.machineVersion);
      const today = reach(state);
      expect(stateName(restored)).toBe(state);
      expect(restored.status).toBe(today.status);
      expect(restored.context).toEqual(today.context);
      for (const actor of everyone) {
        expect(availableActions(restored, actor, at)).toEqual(availableActions(today, actor, at));
      }
    });
  }

  it("a version 1 decision with one sign-off takes the second and is approved", () => {
    const restored = restore(JSON.stringify(stored.decisionOneSigned), v1.machineVersion);
    expect(restored.context.signOffs.director).not.toBeNull();
    const result = send(restored, EVENTS.approveA);
    expect(result.ok && stateName(result.snapshot)).toBe("approved");
  });

  it("a snapshot from a newer machine, or of no known version, is refused rather than guessed at", () => {
    const json = serialize(reach("screening"));
    expect(() => restore(json, MACHINE_VERSION + 1)).toThrow(UnknownMachineVersion);
    expect(() => restore(json, 0)).toThrow(UnknownMachineVersion);
  });
});

describe("availableActions", () => {
  it("offers each person only what the machine allows now", () => {
    expect(availableActions(reach("draft"), requester, at).map((a) => a.type)).toEqual(["SUBMIT", "EDIT", "WITHDRAW"]);
    expect(availableActions(reach("screening"), director, at).map((a) => a.type)).toEqual([
      "ORDER_ANALYSIS",
      "NO_ANALYSIS",
      "REQUEST_CHANGES",
      "REJECT",
    ]);
    expect(availableActions(reach("decision"), assistant, at)).toEqual([
      { type: "REQUEST_CHANGES" },
      { type: "REJECT" },
      { type: "APPROVE", slot: "assistantDirector" },
    ]);
    expect(availableActions(reach("feeAcceptance"), requester, at).map((a) => a.type)).toEqual([
      "WITHDRAW",
      "ACCEPT_FEE",
      "DISPUTE_FEE",
      "DECLINE_FEE",
    ]);
    expect(availableActions(reach("rejected"), requester, at)).toEqual([]);
    expect(availableActions(reach("screening"), finance, at)).toEqual([]);
  });

  it("asked only about some events, gives what the full answer gives for them (my tasks asks only about tasks)", () => {
    const only: RequestEventType[] = ["SUBMIT", "ORDER_ANALYSIS", "RECORD_ANALYSIS", "ACCEPT_FEE", "APPROVE"];
    let offered = 0;
    for (const state of STATE_NAMES) {
      const snapshot = reach(state);
      for (const actor of everyone) {
        const all = availableActions(snapshot, actor, at);
        const some = availableActions(snapshot, actor, at, only);
        expect(some).toEqual(all.filter((a) => only.includes(a.type)));
        offered += some.length;
      }
    }
    expect(offered).toBeGreaterThan(0);
  });
});
