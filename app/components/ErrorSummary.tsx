// Error alerts that take focus when they appear, so screen readers announce them at once: the
// GOV.UK/USWDS error summary, and any other refusal a page explains. With JavaScript the effect
// focuses them (also after a form sent without a page load); without it, `autofocus` does when
// the server's answer loads.
import { useEffect, useRef, type ReactNode } from "react";

/** An error alert with a heading; it takes focus again whenever `focusKey` changes. */
export function ErrorAlert({ heading, headingId, focusKey, children }: { heading: string; headingId: string; focusKey: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      className="usa-alert usa-alert--error margin-bottom-3"
      role="alert"
      tabIndex={-1}
      autoFocus
      ref={ref}
      aria-labelledby={headingId}
      data-testid="error-summary"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id={headingId}>
          {heading}
        </h2>
        {children}
      </div>
    </div>
  );
}

/** A list of links to the fields with problems. */
export function ErrorSummary({ errors }: { errors: Array<[field: string, message: string]> }) {
  if (errors.length === 0) return null;
  return (
    <ErrorAlert heading="There is a problem" headingId="error-summary-heading" focusKey={errors.map(([f, m]) => `${f}:${m}`).join("|")}>
      <ul className="usa-list usa-list--unstyled">
        {errors.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </ErrorAlert>
  );
}
