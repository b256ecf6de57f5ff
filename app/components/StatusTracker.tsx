// The USWDS step indicator: where the request is in the procedure, skipped steps said in words.
import type { Step } from "~/requests/progress";

const SUFFIX: Record<Step["status"], string> = {
  complete: "completed",
  current: "current step",
  upcoming: "not completed",
  skipped: "skipped",
};

export function StatusTracker({ steps }: { steps: Step[] }) {
  return (
    // role="group": a label on a plain div is not announced (ARIA forbids it there; axe and Lighthouse flag it).
    <div className="usa-step-indicator usa-step-indicator--counters-sm" role="group" aria-label="Progress">
      <ol className="usa-step-indicator__segments">
        {steps.map((step) => (
          <li
            key={step.label}
            className={`usa-step-indicator__segment${
              step.status === "complete" ? " usa-step-indicator__segment--complete" : ""
            }${step.status === "current" ? " usa-step-indicator__segment--current" : ""}${
              step.status === "skipped" ? " portal-step--skipped" : ""
            }`}
            aria-current={step.status === "current" ? "step" : undefined}
          >
            <span className="usa-step-indicator__segment-label">
              {step.label} <span className={step.status === "skipped" ? "portal-step__note" : "usa-sr-only"}>{SUFFIX[step.status]}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
