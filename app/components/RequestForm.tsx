// The request form for one type (issue 4). Without JavaScript it is a plain form the server
// validates; with JavaScript, react-hook-form checks it with the SAME zod schema first and
// shows the same errors before anything is posted. The server stays the authority. The
// checking code and the schemas arrive on the form's first use (useLazyForm).
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLazyForm, type FieldRegistration } from "~/forms/useLazyForm";
import { FORM_FIELDS, type FieldSpec } from "~/requests/formFields";
import type { NoticeLimit } from "~/requests/requestSchema";
import type { RequestType } from "workflows/view";
import { ErrorSummary } from "./ErrorSummary";
import { SelectField, TextArea, TextField } from "./Field";
import { RadioGroup } from "./RadioGroup";

type FormValues = Record<string, string>;

export interface FormButton {
  intent: string;
  label: string;
  /** "draft": only what a draft needs (the type, nothing overlong); "full": the type's schema and the notice. */
  check: "draft" | "full";
  secondary?: boolean;
}

interface Props {
  type: RequestType;
  values: FormValues;
  /** The server's errors for the last post, if it refused it. */
  serverErrors?: Record<string, string>;
  notice: NoticeLimit;
  buttons: FormButton[];
}

export function RequestForm({ type, values, serverErrors, notice, buttons }: Props) {
  const fields = FORM_FIELDS[type];
  const check = useRef<FormButton["check"]>("full");
  const limits = useRef({ type, notice });
  limits.current = { type, notice };
  const form = useLazyForm({
    loadSchema: () =>
      import("~/requests/requestSchema").then(({ draftSchema, formSchema }) => () =>
        check.current === "draft" ? draftSchema : formSchema(limits.current.type, limits.current.notice),
      ),
    mode: "onSubmit",
    // The error summary takes focus, not the first field (GOV.UK pattern).
    shouldFocusError: false,
  });
  const register = form.register;
  const clientErrors = form.snapshot.errors as Record<string, { message?: unknown } | undefined>;
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";

  // Errors found in the browser replace the server's until the server answers again.
  const [checkedHere, setCheckedHere] = useState(false);
  useEffect(() => setCheckedHere(false), [serverErrors]);
  const errors: Record<string, string> = checkedHere
    ? Object.fromEntries(Object.entries(clientErrors).map(([field, e]) => [field, String(e?.message ?? "")]))
    : (serverErrors ?? {});
  const summary = orderedErrors(fields, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (!(submitter instanceof HTMLButtonElement)) return;
    event.preventDefault();
    check.current = buttons.find((b) => b.intent === submitter.value)?.check ?? "full";
    const engine = await form.ready();
    // The code could not be fetched: the server checks the post and answers with its errors.
    if (!engine) return submit(submitter, { method: "post" });
    const valid = await engine.trigger();
    setCheckedHere(true);
    if (valid) submit(submitter, { method: "post" });
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate className="usa-form usa-form--large" {...form.formProps} onSubmit={(event) => void onSubmit(event)}>
        <input type="hidden" {...register("type")} value={type} />
        {fields.map((spec) => (
          <FieldFor key={spec.name} spec={spec} value={values[spec.name]} error={errors[spec.name]} register={register} min={notice.earliest} />
        ))}
        <div className="portal-actions margin-top-3">
          {buttons.map((b) => (
            <button
              key={b.intent}
              type="submit"
              name="intent"
              value={b.intent}
              disabled={busy}
              className={`usa-button${b.secondary ? " usa-button--outline" : ""}`}
            >
              {b.label}
            </button>
          ))}
        </div>
      </Form>
    </>
  );
}

/** Errors in the order of the fields, then any others (e.g. about the type). */
function orderedErrors(fields: FieldSpec[], errors: Record<string, string>): Array<[string, string]> {
  const known = fields.filter((f) => errors[f.name]).map((f): [string, string] => [f.name, errors[f.name]]);
  const other = Object.entries(errors).filter(([field, message]) => message && !fields.some((f) => f.name === field));
  return [...other, ...known];
}

function FieldFor({
  spec,
  value,
  error,
  register,
  min,
}: {
  spec: FieldSpec;
  value: string | undefined;
  error: string | undefined;
  register: (name: string) => FieldRegistration;
  min: string;
}) {
  const common = { label: spec.label, hint: spec.hint, error, defaultValue: value ?? "", ...register(spec.name) };
  switch (spec.kind) {
    case "textarea":
      return <TextArea {...common} />;
    case "select":
      return <SelectField {...common} options={spec.options ?? []} />;
    case "radios": {
      const { ref, onChange, onBlur } = register(spec.name);
      return (
        <RadioGroup
          name={spec.name}
          legend={spec.label}
          hint={spec.hint}
          error={error}
          options={spec.options ?? []}
          defaultValue={value}
          inputProps={{ ref, onChange, onBlur }}
        />
      );
    }
    case "date":
      // `min` tells the browser and assistive technology the earliest date; the schema enforces it.
      return <TextField {...common} type="date" min={spec.name === "effectiveDate" ? min : undefined} className="usa-input--md" />;
    case "number":
      return <TextField {...common} inputMode="numeric" className="usa-input--md" />;
    case "tel":
      return <TextField {...common} type="tel" autoComplete="tel" className="usa-input--md" />;
    default:
      return <TextField {...common} />;
  }
}
