// What one HTTP request reads once for all its loaders (the signed-in user, read by the root's
// loader and the page's). Remix hands each loader a Request of its own (it copies the request to
// strip its own parameters), so nothing keyed on the Request object spans them. The portal's
// handler stamps a page request with a scope id of its own, which the copies carry in their
// headers, and ends the scope once the answer is sent.
// Only GET and HEAD: a post runs an action first, which may change what a loader would read.

const SCOPE_HEADER = "x-portal-request-scope";

const scopes = new Map<string, Map<string, Promise<unknown>>>();
let issued = 0;

/**
 * Open a scope for a request with these headers (a client's own header of that name never counts)
 * and return the function that closes it.
 */
export function openRequestScope(method: string, headers: Headers): () => void {
  headers.delete(SCOPE_HEADER);
  if (method !== "GET" && method !== "HEAD") return () => {};
  const id = String(++issued);
  headers.set(SCOPE_HEADER, id);
  scopes.set(id, new Map());
  return () => scopes.delete(id);
}

/** `read()` once per request scope and key; every call when the request has no scope (a post, a test's own Request). */
export function oncePerRequest<T>(request: Request, key: string, read: () => Promise<T>): Promise<T> {
  const id = request.headers.get(SCOPE_HEADER);
  const scope = id === null ? undefined : scopes.get(id);
  if (!scope) return read();
  let value = scope.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    scope.set(key, value);
  }
  return value;
}
