// The USWDS step indicator: where the request is in the procedure, skipped steps said in words,
// and for a closed request the step where it ended. The header ("3 of 6 Call volume analysis")
// is what phones show: below 40em USWDS hides the segments' labels (from screen readers too)
// and leaves the bars.
import type { Progress, Step } from "~/requests/progress";

const SUFFIX: Record<Step["status"], string> = {
  complete: "completed",
  current: "current step",
  upcoming: "not completed",
  skipped: "skipped",
  ended: "ended here",
  notReached: "not reached",
};

const SEGMENT_CLASS: Partial<Record<Step["status"], string>> = {
  complete: "usa-step-indicator__segment--complete",
  current: "usa-step-indicator__segment--current",
  skipped: "portal-step--skipped",
  ended: "portal-step--ended",
};

/** Notes shown beside the label; the others are for screen readers only. */
const SHOWN: Array<Step["status"]> = ["skipped", "ended"];

export function StatusTracker({ progress }: { progress: Progress }) {
  const { steps, at, heading, ended } = progress;
  return (
    <section className="usa-step-indicator usa-step-indicator--counters-sm margin-bottom-3" aria-labelledby="progress-heading" data-testid="progress">
      <ol className="usa-step-indicator__segments">
        {steps.map((step) => (
          <li
            key={step.label}
            className={`usa-step-indicator__segment ${SEGMENT_CLASS[step.status] ?? ""}`}
            aria-current={step.status === "current" ? "step" : undefined}
          >
            <span className="usa-step-indicator__segment-label">
              {step.label}{" "}
              <span className={SHOWN.includes(step.status) ? "portal-step__note" : "usa-sr-only"}>{SUFFIX[step.status]}</span>
            </span>
          </li>
        ))}
      </ol>
      <div className="usa-step-indicator__header">
        <h2 className={`usa-step-indicator__heading portal-step__heading${ended ? " portal-step__heading--ended" : ""}`} id="progress-heading">
          <span className="usa-sr-only">Progress: step </span>
          <span className="usa-step-indicator__current-step">{at}</span>{" "}
          <span className="usa-step-indicator__total-steps">of {steps.length}</span>{" "}
          <span className="usa-step-indicator__heading-text" data-testid="progress-heading">
            {heading}
          </span>
        </h2>
      </div>
    </section>
  );
}
