// A loader's server-made markup, sent once (components/ServerMarkup.tsx): to the document's render
// through the load context when the answer is a document, in the loader's data when it is data.
// Markup that depends on nothing but its props is also made once for the same props (decision 0038).
import type { AppLoadContext } from "@remix-run/node";
import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** What the loader's data carries of `html`: null when the request is for a document, which gets it from the context. */
export function markupForAnswer(context: AppLoadContext, name: string, html: string): string | null {
  if (!context.documentMarkup) return html;
  context.documentMarkup.set(name, html);
  return null;
}

/** Markups kept (a request page's history and comments: about 10 KB each); the least recently used goes first. */
const KEPT = 200;
const made = new Map<string, string>();

/**
 * `Component`'s markup for `props`, remembered by the props themselves: the same props always make
 * the same markup, so what is kept can never be older than the data, on any number of instances.
 * Writing the props as a key costs a few hundredths of a millisecond; rendering them, tenths.
 */
export function markupOf<P extends object>(name: string, Component: FunctionComponent<P>, props: P): string {
  const key = `${name}\u0000${JSON.stringify(props)}`;
  const html = made.get(key) ?? renderToStaticMarkup(createElement(Component, props));
  // Re-inserted so that the Map's order is least recently used first.
  made.delete(key);
  made.set(key, html);
  if (made.size > KEPT) made.delete(made.keys().next().value as string);
  return html;
}

/** A part of the page that depends only on `props`: made once for the same props, and sent once, as `name`. */
export function staticMarkup<P extends object>(context: AppLoadContext, name: string, Component: FunctionComponent<P>, props: P): string | null {
  return markupForAnswer(context, name, markupOf(name, Component, props));
}
