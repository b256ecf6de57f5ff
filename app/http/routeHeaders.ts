// Remix keeps only Set-Cookie from a route that has no `headers` export: a 429's Retry-After
// (issue 15, item 7) or a thrown 405's Allow never reached the browser. A route whose loader or
// action sets other headers exports this, and so does the root, whose error boundary shows
// every thrown answer.
import type { HeadersFunction } from "@remix-run/node";

/** Remix adds the cookies itself, and the page's own body decides these. */
const NOT_PASSED_ON = new Set(["set-cookie", "content-type", "content-length", "content-encoding"]);

export const passOnHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers();
  for (const from of [loaderHeaders, actionHeaders, errorHeaders]) {
    from?.forEach((value, name) => {
      if (!NOT_PASSED_ON.has(name)) headers.set(name, value);
    });
  }
  return headers;
};
