// Labelled form fields in the USWDS style, with hint and error wired for screen readers.
// They forward their ref to the input, so react-hook-form can register them.
import { forwardRef, type ReactNode } from "react";

interface FieldShell {
  name: string;
  /** Defaults to the name; give one when a page has several fields of the same name. */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Shell({ id, label, hint, error, children }: Omit<FieldShell, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      <label className={`usa-label${error ? " usa-label--error" : ""}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

type InputProps = FieldShell & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">;

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField(
  { name, id = name, label, hint, error, className, ...input },
  ref,
) {
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <input
        className={`usa-input${error ? " usa-input--error" : ""}${className ? ` ${className}` : ""}`}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        ref={ref}
        {...input}
      />
    </Shell>
  );
});

type TextAreaProps = FieldShell & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { name, id = name, label, hint, error, ...textarea },
  ref,
) {
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <textarea
        className={`usa-textarea${error ? " usa-input--error" : ""}`}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        ref={ref}
        {...textarea}
      />
    </Shell>
  );
});

type SelectProps = FieldShell &
  Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name"> & { options: Array<{ value: string; label: string }> };

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField(
  { name, id = name, label, hint, error, options, ...select },
  ref,
) {
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <select
        className={`usa-select${error ? " usa-input--error" : ""}`}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        ref={ref}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
});
