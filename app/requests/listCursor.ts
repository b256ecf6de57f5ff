// A place in the request list's order (updatedAt, id), newest first: the list's pages start
// from one, so a deep page is read like the first, never counted off. Shared by the server,
// which reads it from the URL, and the page, which writes it into its links.

export interface Cursor {
  /** The row's updatedAt, as an ISO instant. */
  updatedAt: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([A-Za-z0-9-]{1,64})$/;

export function cursorParam(cursor: Cursor): string {
  return `${cursor.updatedAt}~${cursor.id}`;
}

/** Anything but a well-formed cursor is ignored: the list starts at its first page. */
export function parseCursor(value: string | undefined): Cursor | undefined {
  const match = value ? CURSOR.exec(value) : null;
  return match && !Number.isNaN(Date.parse(match[1])) ? { updatedAt: match[1], id: match[2] } : undefined;
}
