// What checks a form in the browser: react-hook-form with its zod resolver. useLazyForm imports
// this module on the form's first use (focus, typing, submit), so a page's first visit does not
// download it (13 KB compressed with the resolver; decision 0013, fourth pass).
import { zodResolver } from "@hookform/resolvers/zod";
import { createFormControl, type Mode, type Resolver } from "react-hook-form";
import type * as z from "~/forms/zod";
import { nestFields } from "./nestFields";

/** Every value a form posts is text. */
export type FormValues = Record<string, string | undefined>;

export interface EngineOptions {
  mode: Mode;
  shouldFocusError: boolean;
}

/**
 * A react-hook-form control outside React's hooks (useForm cannot be called only once the code
 * has arrived). Its default values are what the form on the page holds when the code arrives,
 * hidden fields included: what the person typed before is kept, and the schema sees every value
 * the browser would post.
 */
export function createEngine(schemaNow: () => z.ZodMiniType, options: EngineOptions, onPage: Record<string, unknown>) {
  // The schemas coerce form text to numbers and dates; the resolver's types cannot see that.
  const resolver: Resolver<FormValues> = (values, context, resolverOptions) =>
    (zodResolver(schemaNow() as never) as unknown as Resolver<FormValues>)(values, context, resolverOptions);
  return createFormControl<FormValues>({ resolver, ...options, defaultValues: nestFields(onPage) as FormValues });
}

export type Engine = ReturnType<typeof createEngine>;

// Not used: these keep React in the chunk every page loads. esbuild puts each module in the chunk
// of the entries that reach it; this module is an entry of its own (imported on first use) that
// reaches React through react-hook-form, so unless it also reaches the rest of what Remix's entry
// reaches (its RemixBrowser and the JSX runtime), React went into a chunk of its own: one more file
// on every page's first visit (decision 0013, fifth pass). Costs nothing: the page has both.
export { RemixBrowser } from "@remix-run/react";
export { jsx } from "react/jsx-runtime";
