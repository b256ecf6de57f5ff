// Property tests (issue 7): random events from random people at random times never break SPEC §4.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, FINAL_STATES, requestSchemas, ROLES, serialize, startRequest, stateName, type Actor, type HeldRole, type RequestEvent, type RequestSnapshot } from "workflows";
import { automated, department, materials, routing } from "../support/actors";
import { checkDecision } from "../support/decisionInvariants";

const NO_HOLIDAYS = new Set<string>();
import { requestActionSchema } from "../../app/requests/decisionForms";
import { projectionInputSchema } from "../../app/analysis/callProjection";

const DEPARTMENTS = ["dept-a", "dept-b", "dept-com"];
const PEOPLE = ["p1", "p2", "p3", "p4", "p5"];

const randomActorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...PEOPLE),
  name: fc.constant("someone"),
  departmentId: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: null }),
  roles: fc.uniqueArray(
    fc.record({ role: fc.constantFrom(...ROLES, "system" as const), acting: fc.boolean() }) as fc.Arbitrary<HeldRole>,
    { maxLength: 3, selector: (r) => r.role },
  ),
});

/** The people a request meets, so that random sequences often get far; random ones try everything else. */
const cast: Actor[] = [
  { userId: "p1", name: "requester", departmentId: "dept-a", roles: [{ role: "requester", acting: false }] },
  { userId: "p2", name: "director", departmentId: "dept-com", roles: [{ role: "director", acting: false }] },
  { userId: "p3", name: "assistant", departmentId: "dept-com", roles: [{ role: "assistant_director", acting: true }] },
  { userId: "p4", name: "analyst", departmentId: "dept-com", roles: [{ role: "analyst", acting: false }] },
  { userId: "p5", name: "finance", departmentId: "dept-b", roles: [{ role: "finance", acting: false }] },
  { userId: "system", name: "clock", departmentId: null, roles: [{ role: "system", acting: false }] },
];
/** Who would properly send each kind of event (indexes into `cast`). */
function properActor(kind: number, flag: boolean): Actor {
  if ([0, 1, 8, 9, 10, 12, 13, 16].includes(kind)) return cast[0];
  if ([2, 3, 4, 5].includes(kind)) return flag ? cast[1] : cast[2];
  if (kind === 6) return cast[3];
  if (kind === 7) return cast[4];
  if (kind === 11) return flag ? cast[1] : cast[2];
  return cast[5];
}

const dateArb = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 10, 20 + d)).toISOString().slice(0, 10));
const atArb = fc.integer({ min: 0, max: 60 * 24 }).map((h) => new Date(Date.UTC(2026, 10, 20) + h * 3_600_000).toISOString());

/** Event kinds (indexes below); the ones that move a request forward come more often. */
const kindArb = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 2, 3, 6, 7, 8, 11), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 16 }), weight: 1 },
);

const eventArb: fc.Arbitrary<RequestEvent> = fc
  .tuple(randomActorArb, fc.integer({ min: 0, max: 4 }), atArb, kindArb, dateArb, fc.boolean(), fc.constantFrom("", "a reason"))
  .map(([randomActor, dice, at, kind, date, flag, comment]) => {
    // Four times in five the right person sends the event; otherwise anyone at all.
    const actor = dice === 0 ? randomActor : properActor(kind, flag);
    const base = { actor, at };
    const answers = [materials(date), routing(date, flag ? "temporary" : "permanent", flag ? date : null), automated(date)][kind % 3];
    const events: RequestEvent[] = [
      { ...base, type: "SUBMIT", answers, department: department(flag) },
      { ...base, type: "RESUBMIT", answers, comment },
      { ...base, type: "ORDER_ANALYSIS" },
      { ...base, type: "NO_ANALYSIS" },
      { ...base, type: "REQUEST_CHANGES", comment },
      { ...base, type: "REJECT", comment },
      { ...base, type: "RECORD_ANALYSIS", projectedCalls: kind * 10 },
      { ...base, type: "ASSESS_FEE", amount: flag ? 100 : 0, suggested: 100, scheduleVersion: 1, comment },
      { ...base, type: "ACCEPT_FEE", accountCode: comment },
      { ...base, type: "DISPUTE_FEE", comment },
      { ...base, type: "DECLINE_FEE" },
      { ...base, type: "APPROVE", slot: flag ? "director" : "assistantDirector" },
      { ...base, type: "WITHDRAW" },
      { ...base, type: "CANCEL" },
      { ...base, type: "LAPSE" },
      { ...base, type: "COMPLETE" },
      { ...base, type: "EDIT" },
    ];
    return events[kind];
  });

const reached = new Set<string>();

function runSequence(events: RequestEvent[]) {
  let snapshot: RequestSnapshot = startRequest({ requestId: "r", departmentId: "dept-a", createdBy: "p1", timeZone: "America/New_York" });
  let signers: Array<{ slot: string; userId: string }> = [];
  for (const event of events) {
    const before = serialize(snapshot);
    const wasFinal = FINAL_STATES.includes(stateName(snapshot));
    const result = decide(snapshot, event, NO_HOLIDAYS);
    if (!result.ok) {
      // R11: a refusal has a reason and changes nothing.
      expect(result.reason.length).toBeGreaterThan(10);
      expect(serialize(snapshot)).toBe(before);
      continue;
    }
    expect(wasFinal).toBe(false);
    checkDecision(result, event);
    const next = result.snapshot;
    if (event.type === "REQUEST_CHANGES" || event.type === "ORDER_ANALYSIS") signers = [];
    if (event.type === "APPROVE") signers.push({ slot: event.slot, userId: event.actor.userId });
    if (next.context.fee !== null) expect(next.context.analysis).not.toBeNull(); // R13
    if (result.to === "approved" && result.from === "decision") {
      expect(new Set(signers.map((s) => s.slot)).size).toBe(2); // R12
      expect(new Set(signers.map((s) => s.userId)).size).toBe(2); // R2
      for (const s of signers) expect(next.context.authors).not.toContain(s.userId); // R2
    }
    reached.add(result.to);
    snapshot = next;
  }
}

describe("random sequences of events against the machine", () => {
  it("keep every invariant of SPEC §4", () => {
    const at = "2026-11-20T15:00:00Z";
    const approval: RequestEvent[] = [
      { type: "SUBMIT", actor: cast[0], at, answers: materials("2026-12-20", { endDate: "2026-12-21" }), department: department(true) },
      { type: "NO_ANALYSIS", actor: cast[1], at },
      { type: "APPROVE", actor: cast[1], at, slot: "director" },
      { type: "APPROVE", actor: cast[2], at, slot: "assistantDirector" },
    ];
    // A lapse needs an open request and the clock on or after its effective date, which random
    // sequences reach only now and then (the check below failed on it about once in twenty runs).
    const lapse: RequestEvent[] = [approval[0], { type: "LAPSE", actor: cast[5], at: "2026-12-20T15:00:00Z" }];
    // The examples make sure an approval and a lapse are checked on every run; the random ones explore.
    fc.assert(fc.property(fc.array(eventArb, { minLength: 1, maxLength: 80 }), runSequence), {
      numRuns: 2500,
      examples: [[approval], [lapse]],
    });
    // The sequences did explore the procedure, not just bounce off the draft.
    for (const state of ["screening", "analysis", "feeAssessment", "decision", "changesRequested", "approved", "rejected", "withdrawn", "lapsed"]) {
      expect(reached).toContain(state);
    }
  }, 120_000);
});

describe("form schemas and random junk", () => {
  const junk = fc.dictionary(
    fc.constantFrom("type", "title", "description", "effectiveDate", "endDate", "routing", "audienceSize", "callsPerMonth", "intent", "comment", "slot", "accountCode", "body", "contactPhone"),
    fc.oneof(fc.string(), fc.integer().map(String), fc.constant(""), fc.string({ unit: "binary" })),
  );
  it("refuse junk with a field-level message and never throw", () => {
    const schemas = [...Object.values(requestSchemas), requestActionSchema, projectionInputSchema];
    fc.assert(
      fc.property(junk, (input) => {
        for (const schema of schemas) {
          const result = schema.safeParse(input);
          if (!result.success) {
            for (const issue of result.error.issues) {
              expect(issue.message.length).toBeGreaterThan(0);
            }
            expect(result.error.issues.some((i) => i.path.length > 0)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
