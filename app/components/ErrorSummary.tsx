// The GOV.UK/USWDS error summary: a list of links to the fields with problems. With
// JavaScript it takes focus when it appears, so screen readers announce it at once.
import { useEffect, useRef } from "react";

export function ErrorSummary({ errors }: { errors: Array<[field: string, message: string]> }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map(([f, m]) => `${f}:${m}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div
      className="usa-alert usa-alert--error margin-bottom-3"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-heading"
      data-testid="error-summary"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="error-summary-heading">
          There is a problem
        </h2>
        <ul className="usa-list usa-list--unstyled">
          {errors.map(([field, message]) => (
            <li key={field}>
              <a href={`#${field}`}>{message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
