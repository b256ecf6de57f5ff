// Where to send a person after sign-in (issue 15, item 1). The target comes from the address
// bar, so it is read exactly as a browser would read it as a Location: the WHATWG URL parser
// strips tabs and newlines, reads "\" as "/", resolves dot segments and percent-encodes what a
// header cannot carry. Only a target on the portal's own origin is kept, and only its resolved
// path, query and fragment are sent back: never the raw string.

/** Longer targets are not worth keeping (the pending sign-in cookie holds one). */
const MAX_LENGTH = 2000;

/** A same-origin path for `to` resolved against APP_URL, or `fallback`. */
export function safeRedirectTo(to: FormDataEntryValue | string | null | undefined, appUrl: string, fallback = "/"): string {
  if (typeof to !== "string" || to === "" || to.length > MAX_LENGTH) return fallback;
  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(to, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  // "/..//evil.example" resolves to the path "//evil.example", which a browser would read as
  // another host: one leading slash only.
  const path = target.pathname.replace(/^\/+/, "/");
  const resolved = `${path}${target.search}${target.hash}`;
  return resolved.length > MAX_LENGTH ? fallback : resolved;
}
