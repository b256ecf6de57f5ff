// Progressive enhancement for a Remix <Form>: without JavaScript the browser posts and the
// action checks the values with the zod schema; with JavaScript react-hook-form checks them
// with the SAME schema as the person types, shows errors inline and only then lets Remix post
// the native form, so the action receives exactly what a browser without scripts would send.
import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { get, useForm, type Resolver } from "react-hook-form";
import type * as z from "~/forms/zod";
import { nestFields } from "./nestFields";

/** Every value a form posts is text. */
export type FormValues = Record<string, string | undefined>;

export function useZodForm(
  schema: z.ZodMiniType,
  options: { defaultValues: FormValues; serverErrors?: Record<string, string | undefined> },
) {
  const form = useForm<FormValues>({
    // The schemas coerce form text to numbers and dates; the resolver's types cannot see that.
    resolver: zodResolver(schema as never) as unknown as Resolver<FormValues>,
    mode: "onTouched",
    // Grouped fields are named with dots ("setupFees.materials"); react-hook-form nests them.
    defaultValues: nestFields(options.defaultValues) as FormValues,
  });
  const submit = useSubmit();
  const server = options.serverErrors ?? {};

  /** The client's message; otherwise the server's, unless the person has since changed the field. */
  function errorFor(name: string): string | undefined {
    const client: unknown = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
    if (typeof client === "string") return client;
    return get(form.formState.touchedFields, name) ? undefined : server[name];
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

  /** For <Form onSubmit>: check first, then post the form with the button that was pressed. */
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => submit(submitter instanceof HTMLButtonElement ? submitter : element))(event);
  }

  return { register: form.register, errorFor, summary, onSubmit, watch: form.watch, setValue: form.setValue };
}
