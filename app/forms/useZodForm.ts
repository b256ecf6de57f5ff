// Progressive enhancement for a Remix <Form>: without JavaScript the browser posts and the
// action checks the values with the zod schema; with JavaScript react-hook-form checks them
// with the SAME schema as the person types, shows errors inline and only then lets Remix post
// the native form, so the action receives exactly what a browser without scripts would send.
// react-hook-form and the schema arrive on the form's first use (useLazyForm): the page passes
// a function that imports its schema, never the schema itself.
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import type * as z from "~/forms/zod";
import { pathGet, submitterOf, useLazyForm } from "./useLazyForm";

/** Every value a form posts is text. */
export type FormValues = Record<string, string | undefined>;

export function useZodForm(
  loadSchema: () => Promise<z.ZodMiniType>,
  options: { serverErrors?: Record<string, string | undefined> },
) {
  const form = useLazyForm({
    loadSchema: () => loadSchema().then((schema) => () => schema),
    mode: "onTouched",
    shouldFocusError: true,
  });
  const submit = useSubmit();
  const server = options.serverErrors ?? {};

  /** The client's message; otherwise the server's, unless the person has since changed the field. */
  function errorFor(name: string): string | undefined {
    const client = (pathGet(form.snapshot.errors, name) as { message?: unknown } | undefined)?.message;
    if (typeof client === "string") return client;
    return pathGet(form.snapshot.touchedFields, name) ? undefined : server[name];
  }

  /** Field → message for the error summary, in the order given. */
  function summary(fields: readonly string[]): Array<[string, string]> {
    const list: Array<[string, string]> = [];
    for (const field of fields) {
      const message = errorFor(field);
      if (message) list.push([field, message]);
    }
    if (server.form) list.push(["form", server.form]);
    return list;
  }

  /** Check first (waiting for the code if it has not arrived), then post with the button pressed. */
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = submitterOf(event);
    const engine = await form.ready();
    if (!engine) return submit(target);
    await engine.handleSubmit(() => submit(target))();
  }

  return {
    register: form.register,
    setValue: form.setValue,
    errorFor,
    summary,
    /** For the <Form>: spread it, it fetches the code on first use and checks on submit. */
    formProps: { ...form.formProps, onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event) },
  };
}
