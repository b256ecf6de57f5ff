// A loader's server-made markup, sent once (components/ServerMarkup.tsx): to the document's render
// through the load context when the answer is a document, in the loader's data when it is data.
import type { AppLoadContext } from "@remix-run/node";

/** What the loader's data carries of `html`: null when the request is for a document, which gets it from the context. */
export function markupForAnswer(context: AppLoadContext, name: string, html: string): string | null {
  if (!context.documentMarkup) return html;
  context.documentMarkup.set(name, html);
  return null;
}
