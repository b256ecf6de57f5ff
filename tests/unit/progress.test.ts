// The status tracker (issue 13): where a request is, and for a closed one where and how it ended.
import { describe, expect, it } from "vitest";
import { progressSteps } from "../../app/requests/progress";

const statuses = (p: ReturnType<typeof progressSteps>) => p.steps.map((s) => s.status);

describe("progressSteps", () => {
  it("an open request: the steps before are done, its own is current", () => {
    const p = progressSteps("analysis", false);
    expect(statuses(p)).toEqual(["complete", "complete", "current", "upcoming", "upcoming", "upcoming"]);
    expect(p).toMatchObject({ at: 3, heading: "Call volume analysis", ended: null });
  });

  it("changes requested: back with the department, named for what it is, not 'Draft'", () => {
    const p = progressSteps("changesRequested", false);
    expect(p.steps[0]).toEqual({ label: "Changes requested", status: "current" });
    expect(p).toMatchObject({ at: 1, heading: "Changes requested" });
  });

  it("withdrawn during the analysis: that step is where it ended, and nothing after it is current", () => {
    const p = progressSteps("withdrawn", false, "analysis");
    expect(statuses(p)).toEqual(["complete", "complete", "ended", "notReached", "notReached", "notReached"]);
    expect(p).toMatchObject({ at: 3, heading: "Call volume analysis: withdrawn here", ended: "Withdrawn" });
  });

  it("rejected or lapsed at the decision without an analysis: the analysis and fee were skipped (R13)", () => {
    for (const state of ["rejected", "lapsed"] as const) {
      const p = progressSteps(state, false, "decision");
      expect(statuses(p)).toEqual(["complete", "complete", "skipped", "skipped", "ended", "notReached"]);
      expect(p.heading).toMatch(/^Decision: (rejected|lapsed) here$/);
    }
  });

  it("approved, completed and cancelled", () => {
    expect(statuses(progressSteps("approved", true))).toEqual(Array(6).fill("complete"));
    expect(progressSteps("completed", true).heading).toBe("Approved and completed");
    const cancelled = progressSteps("cancelled", true);
    expect(statuses(cancelled).slice(-1)).toEqual(["ended"]);
    expect(cancelled.heading).toBe("Approved, then cancelled before it took effect");
  });
});
