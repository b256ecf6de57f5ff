// The rules of SPEC §2–§4 (R2, R4–R13) as the workflow machine enforces them.
import { describe, expect, it } from "vitest";
import { formatDate, send, stateName, type RequestAnswers, type RequestEvent, type RequestSnapshot } from "workflows";
import {
  actingDirector,
  analyst,
  assistant,
  automated,
  bothRoles,
  colleague,
  COM,
  department,
  director,
  directorWhoRequests,
  finance,
  materials,
  otherDeptRequester,
  requester,
  routing,
  system,
} from "../support/actors";
import { apply, applyAll, EVENTS, newRequest, reach, SUBMITTED_AT } from "../support/drive";

/** How each rule reads in a refusal: in words, since people do not know the codes (issue 13). */
const WORDS: Record<string, string> = {
  R1: "Only a requester in the department that owns this request",
  R2: "(cannot decide on it|two different people)",
  R4: "Partner departments must give at least 7 calendar days' notice",
  R5: "without a 3-1-1 partnership must give at least 14 calendar days' notice",
  R6: "open to 3-1-1 partner departments only",
  R9: "must be in the future",
  R10: "(end date|distribution date|distribution window)",
  R11: "a closed request accepts no further action",
  R13: "(call volume analysis first|reason for a fee that differs)",
};

/** The refusal of `code`, with the earliest date allowed when given (as people read dates). */
function says(code: string, earliest?: string): RegExp {
  return new RegExp(`${WORDS[code]}${earliest ? `.*${formatDate(earliest)}` : ""}`);
}

function refusal(snapshot: RequestSnapshot, event: RequestEvent): string {
  const result = send(snapshot, event);
  if (result.ok) throw new Error(`${event.type} was accepted`);
  return result.reason;
}

function submitEvent(effectiveDate: string, partner: boolean, at = SUBMITTED_AT, answers: RequestAnswers = materials(effectiveDate)) {
  return { type: "SUBMIT", actor: requester, at, answers, department: department(partner) } as const;
}

describe("R4: partner departments give 7 calendar days' notice", () => {
  it("accepts 7 days out and refuses 6, naming the rule and the earliest date", () => {
    expect(stateName(apply(newRequest(), submitEvent("2026-11-29", true)))).toBe("screening");
    expect(refusal(newRequest(), submitEvent("2026-11-28", true))).toMatch(says("R4", "2026-11-29"));
  });
  it("a same-day effective date is refused", () => {
    expect(refusal(newRequest(), submitEvent("2026-11-22", true))).toMatch(says("R4"));
  });
});

describe("R5: non-partner departments give 14 calendar days' notice", () => {
  it("accepts 14 days out and refuses 13, naming the rule and the earliest date", () => {
    expect(stateName(apply(newRequest(), submitEvent("2026-12-06", false)))).toBe("screening");
    expect(refusal(newRequest(), submitEvent("2026-12-05", false))).toMatch(says("R5", "2026-12-06"));
  });
});

describe("R6: automated response is for partners only", () => {
  const facts = automated;
  it("a partner may submit it", () => {
    expect(stateName(apply(newRequest(), submitEvent("2026-12-01", true, SUBMITTED_AT, facts("2026-12-01"))))).toBe(
      "screening",
    );
  });
  it("a non-partner is refused, whatever the notice", () => {
    expect(refusal(newRequest(), submitEvent("2027-06-01", false, SUBMITTED_AT, facts("2027-06-01")))).toMatch(says("R6"));
  });
});

describe("R7: notice counts local calendar days from first submission", () => {
  it("23:30 New York on 11-22 (11-23 UTC) allows 2026-11-29", () => {
    const snapshot = apply(newRequest(), submitEvent("2026-11-29", true, "2026-11-23T04:30:00Z"));
    expect(stateName(snapshot)).toBe("screening");
  });
  it("00:30 New York on 11-23 no longer allows 2026-11-29", () => {
    expect(refusal(newRequest(), submitEvent("2026-11-29", true, "2026-11-23T05:30:00Z"))).toMatch(new RegExp(formatDate("2026-11-30")));
  });
  it("daylight-saving start: submitted 2026-03-01 allows 2026-03-08, not 03-07", () => {
    expect(stateName(apply(newRequest(), submitEvent("2026-03-08", true, "2026-03-01T15:00:00Z")))).toBe("screening");
    expect(refusal(newRequest(), submitEvent("2026-03-07", true, "2026-03-01T15:00:00Z"))).toMatch(new RegExp(formatDate("2026-03-08")));
  });
  it("leap day: submitted 2028-02-22 allows 2028-02-29", () => {
    expect(stateName(apply(newRequest(), submitEvent("2028-02-29", true, "2028-02-22T15:00:00Z")))).toBe("screening");
    expect(refusal(newRequest(), submitEvent("2028-02-28", true, "2028-02-22T15:00:00Z"))).toMatch(new RegExp(formatDate("2028-02-29")));
  });
  it("stores the partner status and the instant of first submission", () => {
    const snapshot = apply(newRequest(), submitEvent("2026-12-06", false));
    expect(snapshot.context.partnerAtSubmission).toBe(false);
    expect(snapshot.context.firstSubmittedAt).toBe(SUBMITTED_AT);
  });
});

describe("R8: too little notice is refused and changes nothing", () => {
  it("the snapshot is the same object after a refusal", () => {
    const before = newRequest();
    const result = send(before, submitEvent("2026-11-25", true));
    expect(result.ok).toBe(false);
    expect(stateName(before)).toBe("draft");
    expect(before.context.firstSubmittedAt).toBeNull();
  });
});

describe("R9: resubmission counts notice from the first submission", () => {
  const changes = (s: RequestSnapshot) =>
    apply(s, { type: "REQUEST_CHANGES", actor: director, at: SUBMITTED_AT, comment: "Fix the dates." });
  const resubmit = (effectiveDate: string, at: string) =>
    ({ type: "RESUBMIT", actor: requester, at, answers: materials(effectiveDate) }) as const;

  it("a later resubmission keeps the first submission's earliest date", () => {
    const s = changes(apply(newRequest(), submitEvent("2026-12-06", true)));
    // Resubmitted on 11-27: 7 days from then would be 12-04, but 11-29 onwards is allowed.
    expect(stateName(apply(s, resubmit("2026-12-01", "2026-11-27T15:00:00Z")))).toBe("screening");
    expect(refusal(s, resubmit("2026-11-28", "2026-11-27T15:00:00Z"))).toMatch(says("R4", "2026-11-29"));
  });
  it("the partner status of the first submission still applies", () => {
    const s = changes(apply(newRequest(), submitEvent("2026-12-06", false)));
    expect(refusal(s, resubmit("2026-12-05", "2026-11-24T15:00:00Z"))).toMatch(says("R5", "2026-12-06"));
  });
  it("the effective date must still be in the future", () => {
    const s = changes(apply(newRequest(), submitEvent("2026-12-06", true)));
    expect(refusal(s, resubmit("2026-12-01", "2026-12-01T15:00:00Z"))).toMatch(says("R9"));
    expect(stateName(apply(s, resubmit("2026-12-02", "2026-12-01T15:00:00Z")))).toBe("screening");
  });
});

describe("R10: end dates and distribution windows", () => {
  const submit = (answers: RequestAnswers) => submitEvent(answers.effectiveDate ?? "", true, SUBMITTED_AT, answers);
  it("temporary routing needs an end date on or after the effective date", () => {
    expect(refusal(newRequest(), submit(routing("2026-12-01", "temporary", null)))).toMatch(says("R10"));
    expect(refusal(newRequest(), submit(routing("2026-12-01", "temporary", "2026-11-30")))).toMatch(says("R10"));
    expect(stateName(apply(newRequest(), submit(routing("2026-12-01", "temporary", "2026-12-01"))))).toBe(
      "screening",
    );
  });
  it("permanent routing has no end date", () => {
    expect(refusal(newRequest(), submit(routing("2026-12-01", "permanent", "2027-01-01")))).toMatch(says("R10"));
    expect(stateName(apply(newRequest(), submit(routing("2026-12-01", "permanent", null))))).toBe("screening");
  });
  it("materials need a distribution window that does not end before it starts", () => {
    expect(refusal(newRequest(), submit(materials("2026-12-01", { endDate: "" })))).toMatch(says("R10"));
    expect(refusal(newRequest(), submit(materials("2026-12-01", { endDate: "2026-11-30" })))).toMatch(says("R10"));
  });
  it("an incomplete request names what is missing", () => {
    const answers = materials("2026-12-01", { title: "", contactPhone: "" });
    expect(refusal(newRequest(), submit(answers))).toMatch(/Title, Contact phone/);
  });
});

describe("R11: final states accept no event", () => {
  for (const state of ["completed", "rejected", "withdrawn", "cancelled", "lapsed"] as const) {
    it(`${state} refuses a withdrawal with a reason`, () => {
      const s = reach(state);
      expect(s.status).toBe("done");
      expect(refusal(s, { type: "WITHDRAW", actor: requester, at: SUBMITTED_AT })).toMatch(says("R11"));
    });
  }
});

describe("R12: both sign-offs, afresh after changes or a new analysis", () => {
  it("one sign-off is not an approval; two are", () => {
    const one = apply(reach("decision"), EVENTS.approveD);
    expect(stateName(one)).toBe("decision");
    expect(stateName(apply(one, EVENTS.approveA))).toBe("approved");
  });
  it("a sign-off given before changes were requested does not carry over", () => {
    let s = apply(reach("decision"), EVENTS.approveD);
    s = apply(s, { type: "REQUEST_CHANGES", actor: assistant, at: SUBMITTED_AT, comment: "Say which languages." });
    s = apply(s, { type: "RESUBMIT", actor: requester, at: SUBMITTED_AT, answers: materials("2026-12-06") });
    s = apply(s, { type: "NO_ANALYSIS", actor: director, at: SUBMITTED_AT });
    expect(s.context.signOffs.director).toBeNull();
    s = apply(s, EVENTS.approveA);
    expect(stateName(s)).toBe("decision");
  });
  it("a sign-off given before a new analysis does not carry over", () => {
    let s = applyAll(reach("screening"), [{ type: "NO_ANALYSIS", actor: director, at: SUBMITTED_AT }, EVENTS.approveD]);
    s = apply(s, { type: "ORDER_ANALYSIS", actor: assistant, at: SUBMITTED_AT });
    expect(stateName(s)).toBe("analysis");
    s = applyAll(s, [EVENTS.recordAnalysis, { ...EVENTS.assessFee, amount: 0, suggested: 0 }]);
    expect(stateName(s)).toBe("decision");
    expect(s.context.signOffs).toEqual({ director: null, assistantDirector: null });
  });
  it("after changes, screening may order a new analysis, which replaces the earlier one and its fee (R13)", () => {
    let s = applyAll(reach("decision"), [
      { type: "REQUEST_CHANGES", actor: assistant, at: SUBMITTED_AT, comment: "Mail twice as many homes." },
      { type: "RESUBMIT", actor: requester, at: SUBMITTED_AT, answers: materials("2026-12-06", { audienceSize: "10000" }) },
    ]);
    expect(s.context.analysis).not.toBeNull();
    s = apply(s, { type: "ORDER_ANALYSIS", actor: director, at: SUBMITTED_AT });
    expect(stateName(s)).toBe("analysis");
    expect(s.context).toMatchObject({ analysis: null, fee: null });
  });
  it("an analysis cannot be ordered at the decision once one was done", () => {
    expect(refusal(reach("decision"), { type: "ORDER_ANALYSIS", actor: director, at: SUBMITTED_AT })).toMatch(
      /already done/,
    );
  });
});

describe("R2: separation of duties", () => {
  it("the same person cannot fill both slots", () => {
    const s = apply(reach("decision"), { type: "APPROVE", actor: bothRoles, at: SUBMITTED_AT, slot: "director" });
    expect(
      refusal(s, { type: "APPROVE", actor: bothRoles, at: SUBMITTED_AT, slot: "assistantDirector" }),
    ).toMatch(/two different people/);
  });
  it("nobody signs a request they submitted", () => {
    const start = newRequest(directorWhoRequests.userId, COM);
    const s = applyAll(start, [
      { type: "SUBMIT", actor: directorWhoRequests, at: SUBMITTED_AT, answers: materials("2026-12-06"), department: department(true) },
      { type: "NO_ANALYSIS", actor: assistant, at: SUBMITTED_AT },
    ]);
    expect(refusal(s, { type: "APPROVE", actor: directorWhoRequests, at: SUBMITTED_AT, slot: "director" })).toMatch(
      says("R2"),
    );
    expect(refusal(s, { type: "REJECT", actor: directorWhoRequests, at: SUBMITTED_AT, comment: "no" })).toMatch(says("R2"));
  });
  it("a colleague who resubmitted becomes an author", () => {
    let s = apply(reach("changesRequested"), {
      type: "RESUBMIT",
      actor: colleague,
      at: SUBMITTED_AT,
      answers: materials("2026-12-06"),
    });
    expect(s.context.authors).toContain(colleague.userId);
    s = apply(s, { type: "NO_ANALYSIS", actor: director, at: SUBMITTED_AT });
    expect(stateName(s)).toBe("decision");
  });
  it("a slot is signed only by its role", () => {
    expect(refusal(reach("decision"), { type: "APPROVE", actor: director, at: SUBMITTED_AT, slot: "assistantDirector" })).toMatch(
      /Assistant Director/,
    );
  });
});

describe("R3: acting appointments", () => {
  it("an acting director signs the director's slot and it is recorded as acting", () => {
    const s = apply(reach("decision"), { type: "APPROVE", actor: actingDirector, at: SUBMITTED_AT, slot: "director" });
    expect(s.context.signOffs.director).toMatchObject({ userId: actingDirector.userId, acting: true });
  });
});

describe("R13: fees follow measured impact", () => {
  it("no analysis → decision with no fee", () => {
    const s = apply(reach("screening"), { type: "NO_ANALYSIS", actor: director, at: SUBMITTED_AT });
    expect(stateName(s)).toBe("decision");
    expect(s.context.fee).toBeNull();
  });
  it("a fee of 0 goes straight to the decision", () => {
    const s = apply(reach("feeAssessment"), { ...EVENTS.assessFee, amount: 0, suggested: 0 });
    expect(stateName(s)).toBe("decision");
  });
  it("a fee that differs from the suggestion, or a waiver, needs a reason", () => {
    expect(refusal(reach("feeAssessment"), { ...EVENTS.assessFee, amount: 300 })).toMatch(says("R13"));
    expect(refusal(reach("feeAssessment"), { ...EVENTS.assessFee, amount: 0 })).toMatch(says("R13"));
    const s = apply(reach("feeAssessment"), { ...EVENTS.assessFee, amount: 300, comment: "Shared mailing." });
    expect(s.context.fee).toMatchObject({ amount: 300, suggested: 500, reason: "Shared mailing." });
  });
  it("a negative fee is refused", () => {
    expect(refusal(reach("feeAssessment"), { ...EVENTS.assessFee, amount: -1, comment: "x" })).toMatch(/\$0 or more/);
  });
  it("a disputed fee goes back to Finance; a declined fee withdraws the request", () => {
    const disputed = apply(reach("feeAcceptance"), {
      type: "DISPUTE_FEE",
      actor: requester,
      at: SUBMITTED_AT,
      comment: "Too high",
    });
    expect(stateName(disputed)).toBe("feeAssessment");
    expect(disputed.context.fee?.status).toBe("disputed");
    const declined = apply(reach("feeAcceptance"), { type: "DECLINE_FEE", actor: requester, at: SUBMITTED_AT });
    expect(stateName(declined)).toBe("withdrawn");
  });
  it("accepting needs an account code", () => {
    expect(refusal(reach("feeAcceptance"), { ...EVENTS.acceptFee, accountCode: " " })).toMatch(/account code/);
  });
});

describe("R1: who may act", () => {
  it("another department's requester cannot submit, withdraw or accept a fee", () => {
    const d = newRequest();
    expect(refusal(d, { ...submitEvent("2026-12-06", true), actor: otherDeptRequester })).toMatch(says("R1"));
    expect(refusal(reach("screening"), { type: "WITHDRAW", actor: otherDeptRequester, at: SUBMITTED_AT })).toMatch(says("R1"));
    expect(refusal(reach("feeAcceptance"), { ...EVENTS.acceptFee, actor: otherDeptRequester })).toMatch(says("R1"));
  });
  it("only analysts record analyses and only Finance assesses fees", () => {
    expect(refusal(reach("analysis"), { ...EVENTS.recordAnalysis, actor: director })).toMatch(/analyst/);
    expect(refusal(reach("feeAssessment"), { ...EVENTS.assessFee, actor: analyst })).toMatch(/Finance/);
  });
  it("only COM reviewers screen", () => {
    expect(refusal(reach("screening"), { type: "NO_ANALYSIS", actor: finance, at: SUBMITTED_AT })).toMatch(/Director/);
  });
  it("only the clock lapses or completes", () => {
    expect(refusal(reach("screening"), { type: "LAPSE", actor: director, at: "2027-01-01T00:00:00Z" })).toMatch(/clock/);
  });
});

describe("the clock: lapse, completion, cancellation", () => {
  it("lapses on the effective date, not the day before", () => {
    const s = reach("screening");
    expect(refusal(s, { type: "LAPSE", actor: system, at: "2026-12-06T04:59:00Z" })).toMatch(/effective date/);
    expect(stateName(apply(s, { type: "LAPSE", actor: system, at: "2026-12-06T05:00:00Z" }))).toBe("lapsed");
  });
  it("completes after the end date has passed, not on it", () => {
    const s = reach("approved");
    expect(refusal(s, { type: "COMPLETE", actor: system, at: "2026-12-07T04:59:00Z" })).toMatch(/end date/);
    expect(stateName(apply(s, { type: "COMPLETE", actor: system, at: "2026-12-07T05:00:00Z" }))).toBe("completed");
  });
  it("permanent routing never completes", () => {
    const s = applyAll(newRequest(), [
      submitEvent("2026-12-06", true, SUBMITTED_AT, routing("2026-12-06", "permanent", null)),
      { type: "NO_ANALYSIS", actor: director, at: SUBMITTED_AT },
      EVENTS.approveD,
      EVENTS.approveA,
    ]);
    expect(refusal(s, { type: "COMPLETE", actor: system, at: "2030-01-01T00:00:00Z" })).toMatch(/end date/);
  });
  it("an approved request is cancelled only before its effective date", () => {
    const s = reach("approved");
    expect(stateName(apply(s, { type: "CANCEL", actor: requester, at: "2026-12-06T04:59:00Z" }))).toBe("cancelled");
    expect(refusal(s, { type: "CANCEL", actor: requester, at: "2026-12-06T05:00:00Z" })).toMatch(/before its effective date/);
  });
});
