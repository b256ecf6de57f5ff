// Role checkboxes in a fieldset (USWDS). The first box carries the group's name as its id, so
// the error summary's link lands on the group.
import type { UseFormRegisterReturn } from "react-hook-form";
import { ROLE_LABELS, type Role } from "workflows/view";

export function RoleCheckboxes({
  roles,
  checked,
  error,
  hint,
  register,
}: {
  roles: readonly Role[];
  checked: readonly string[];
  error?: string;
  hint?: string;
  register: UseFormRegisterReturn;
}) {
  const describedBy = [hint ? "roles-hint" : null, error ? "roles-error" : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
      <fieldset className="usa-fieldset" aria-describedby={describedBy}>
        <legend className={`usa-legend${error ? " usa-label--error" : ""}`}>Roles</legend>
        {hint ? (
          <div className="usa-hint" id="roles-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <span className="usa-error-message" id="roles-error">
            {error}
          </span>
        ) : null}
        {roles.map((role, i) => (
          <div className="usa-checkbox" key={role}>
            <input
              className="usa-checkbox__input"
              type="checkbox"
              id={i === 0 ? "roles" : `roles-${role}`}
              value={role}
              defaultChecked={checked.includes(role)}
              {...register}
            />
            <label className="usa-checkbox__label" htmlFor={i === 0 ? "roles" : `roles-${role}`}>
              {ROLE_LABELS[role]}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
