// Markup a loader made with React on the server (the calendar's month, tables of requests, a
// request's history), inserted as the daily-calls chart's SVG is. A page that is a document takes
// it from the load context, not from the loader's data: the data is also written into the document
// as a script, for hydration, and a second copy of 40 KB of markup, escaped twice, cost the server
// more to write and collect than the render it saved (http/serverMarkup.server.ts). In the
// browser, hydration keeps the server's markup: with an empty __html and suppressHydrationWarning,
// React 18 leaves the element's content as it is. A navigation in the page asks the loader for
// data, and the markup then comes with it.
import { createContext, useContext } from "react";

/** This document's markup by name; empty in the browser. */
export const ServerMarkupContext = createContext<ReadonlyMap<string, string>>(new Map());

export function ServerMarkup({ name, html }: { name: string; html: string | null }) {
  const inDocument = useContext(ServerMarkupContext).get(name);
  return <div dangerouslySetInnerHTML={{ __html: html ?? inDocument ?? "" }} suppressHydrationWarning />;
}
