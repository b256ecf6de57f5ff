// One form on a request's page with a field to fill in (a comment, an account code). Without
// JavaScript it posts and the server checks it; with JavaScript the action's own zod schema —
// the one the server uses — checks it first. Either way the error shows in a summary at the
// top of the form, which takes focus, and beside the field.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RequestIntent } from "~/requests/decisionForms";
import { useZodForm } from "~/forms/useZodForm";
import { ErrorSummary } from "./ErrorSummary";
import { TextArea, TextField } from "./Field";

export interface ActionFormProps {
  intent: RequestIntent;
  field: { name: "comment" | "accountCode" | "body"; label: string; hint?: string; multiline: boolean };
  /** What the person typed when the server refused it, and the server's messages. */
  sent: { values: Record<string, string | undefined>; errors: Record<string, string | undefined> };
  children: ReactNode;
}

export function ActionForm({ intent, field, sent, children }: ActionFormProps) {
  const form = useZodForm(() => import("~/requests/decisionForms").then((m) => m.actionSchema(intent)), {
    serverErrors: sent.errors,
  });
  const id = `${intent}-${field.name}`;
  const error = form.errorFor(field.name);
  const input = {
    id,
    label: field.label,
    hint: field.hint,
    error,
    defaultValue: sent.values[field.name],
    ...form.register(field.name),
  };
  return (
    <Form method="post" noValidate className="usa-form usa-form--large" {...form.formProps}>
      <ErrorSummary errors={error ? [[id, error]] : []} />
      <input type="hidden" {...form.register("intent")} value={intent} />
      {field.multiline ? <TextArea {...input} /> : <TextField {...input} />}
      {children}
    </Form>
  );
}
