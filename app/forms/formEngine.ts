// What checks a form in the browser: react-hook-form with its zod resolver. useLazyForm imports
// this module on the form's first use (focus, typing, submit), so a page's first visit does not
// download it (13 KB compressed with the resolver; decision 0013, fourth pass).
import { zodResolver } from "@hookform/resolvers/zod";
import { createFormControl, type Mode, type Resolver } from "react-hook-form";
import type * as z from "~/forms/zod";

/** Every value a form posts is text. */
export type FormValues = Record<string, string | undefined>;

export interface EngineOptions {
  mode: Mode;
  shouldFocusError: boolean;
}

/**
 * A react-hook-form control outside React's hooks (useForm cannot be called only once the code
 * has arrived). No default values: each field's value is read from the page when it registers,
 * so what the person typed before the code arrived is kept.
 */
export function createEngine(schemaNow: () => z.ZodMiniType, options: EngineOptions) {
  // The schemas coerce form text to numbers and dates; the resolver's types cannot see that.
  const resolver: Resolver<FormValues> = (values, context, resolverOptions) =>
    (zodResolver(schemaNow() as never) as unknown as Resolver<FormValues>)(values, context, resolverOptions);
  return createFormControl<FormValues>({ resolver, ...options });
}

export type Engine = ReturnType<typeof createEngine>;
