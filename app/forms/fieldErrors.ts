// A zod error as the forms show it: the first message for each field, keyed by the field's
// name as posted ("setupFees.materials" for a grouped field).
import type * as z from "~/forms/zod";

export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A posted form as text values (files are not used by these forms). */
export function formValues(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
}
