// R16: when reminders fall due — 2 business days, weekends skipped, and 3 days before the effective date.
import { describe, expect, it } from "vitest";
import { nextReminderAt, taskHolders } from "workflows";

const TZ = "America/New_York";
const NO_HOLIDAYS = { timeZone: TZ, holidays: new Set<string>() };

describe("nextReminderAt (R16)", () => {
  it("two business days later, at the same local time", () => {
    // Monday 2026-11-23 10:00 → Wednesday 10:00.
    expect(nextReminderAt({ from: new Date("2026-11-23T15:00:00Z"), effectiveDate: null, calendar: NO_HOLIDAYS }).toISOString()).toBe(
      "2026-11-25T15:00:00.000Z",
    );
  });

  it("skips the weekend: Friday → Tuesday", () => {
    expect(nextReminderAt({ from: new Date("2026-11-27T15:00:00Z"), effectiveDate: "2027-01-15", calendar: NO_HOLIDAYS }).toISOString()).toBe(
      "2026-12-01T15:00:00.000Z",
    );
  });

  it("a task that arrives on a weekend counts from Monday's start: Saturday 10:00 → Wednesday 00:00 (R19)", () => {
    expect(nextReminderAt({ from: new Date("2026-11-28T15:00:00Z"), effectiveDate: null, calendar: NO_HOLIDAYS }).toISOString()).toBe(
      "2026-12-02T05:00:00.000Z",
    );
  });

  it("three days before the effective date comes first when sooner (local midnight)", () => {
    // Effective Friday 11-27: remind from Tuesday 11-24 00:00 New York time.
    expect(nextReminderAt({ from: new Date("2026-11-23T15:00:00Z"), effectiveDate: "2026-11-27", calendar: NO_HOLIDAYS }).toISOString()).toBe(
      "2026-11-24T05:00:00.000Z",
    );
  });

  it("never twice on one local day: the effective-date reminder is skipped when it is today", () => {
    const from = new Date("2026-11-24T14:00:00Z"); // Tuesday 09:00, the day 3 days before 11-27
    expect(nextReminderAt({ from, effectiveDate: "2026-11-27", calendar: NO_HOLIDAYS }).toISOString()).toBe("2026-11-26T14:00:00.000Z");
  });

  it("across the end of daylight saving the local time is kept", () => {
    // Friday 2026-10-30 10:00 EDT → Tuesday 2026-11-03 10:00 EST.
    expect(nextReminderAt({ from: new Date("2026-10-30T14:00:00Z"), effectiveDate: null, calendar: NO_HOLIDAYS }).toISOString()).toBe(
      "2026-11-03T15:00:00.000Z",
    );
  });
});

describe("taskHolders", () => {
  const none = { signOffs: { director: null, assistantDirector: null } };
  it("names who must act in each state", () => {
    expect(taskHolders("screening", none)).toEqual(["reviewers"]);
    expect(taskHolders("analysis", none)).toEqual(["analysts"]);
    expect(taskHolders("feeAssessment", none)).toEqual(["finance"]);
    expect(taskHolders("feeAcceptance", none)).toEqual(["submitter"]);
    expect(taskHolders("changesRequested", none)).toEqual(["submitter"]);
    expect(taskHolders("approved", none)).toEqual([]);
  });
  it("at the decision, only the slot still awaited", () => {
    const signed = { userId: "d", name: "D", acting: false, at: "" };
    expect(taskHolders("decision", none)).toEqual(["directors", "assistantDirectors"]);
    expect(taskHolders("decision", { signOffs: { director: signed, assistantDirector: null } })).toEqual(["assistantDirectors"]);
  });
});
