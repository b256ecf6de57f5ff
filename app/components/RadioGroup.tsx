// A USWDS radio group: a fieldset whose legend is the question, with hint and error wired
// for screen readers. The first radio has the group's name as its id, so an error summary
// link to the field lands on it (GOV.UK pattern).
import type { ReactNode, Ref } from "react";

export interface RadioOption {
  value: string;
  label: string;
  description?: string;
}

interface Props {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: RadioOption[];
  defaultValue?: string;
  /** Extra props for every radio, e.g. what react-hook-form's register returns. */
  inputProps?: { ref?: Ref<HTMLInputElement>; onChange?: React.ChangeEventHandler<HTMLInputElement>; onBlur?: React.FocusEventHandler<HTMLInputElement> };
  tile?: boolean;
}

export function RadioGroup({ name, legend, hint, error, options, defaultValue, inputProps, tile }: Props) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      <fieldset className="usa-fieldset" aria-describedby={describedBy}>
        <legend className={`usa-legend${error ? " usa-label--error" : ""}`}>{legend}</legend>
        {hint ? (
          <div className="usa-hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <span className="usa-error-message" id={`${name}-error`}>
            {error}
          </span>
        ) : null}
        {options.map((option, i) => {
          const id = i === 0 ? name : `${name}-${option.value}`;
          return (
            <div className="usa-radio" key={option.value}>
              <input
                className={`usa-radio__input${tile ? " usa-radio__input--tile" : ""}`}
                id={id}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
                {...inputProps}
              />
              <label className="usa-radio__label" htmlFor={id}>
                {option.label}
                {option.description ? <span className="usa-checkbox__label-description">{option.description}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
