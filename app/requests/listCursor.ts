// A place in a list ordered by (instant, id): the request list (updatedAt, newest first); and
// in "my tasks", ordered by (effective date, taskSince, id): the nearest effective date first. Pages start from one, so a deep page is read like the
// first, never counted off. Shared by the server, which reads it from the URL, and the pages,
// which write it into their links.

export interface Cursor {
  /** The row's instant in the list's order, as an ISO instant. */
  at: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([A-Za-z0-9-]{1,64})$/;

/** The place of a row whose instant in the list's order is `at`. */
export function cursorAt(at: Date, id: string): Cursor {
  return { at: at.toISOString(), id };
}

export function cursorParam(cursor: Cursor): string {
  return `${cursor.at}~${cursor.id}`;
}

/** Anything but a well-formed cursor is ignored: the list starts at its first page. */
export function parseCursor(value: string | undefined): Cursor | undefined {
  const match = value ? CURSOR.exec(value) : null;
  return match && !Number.isNaN(Date.parse(match[1])) ? { at: match[1], id: match[2] } : undefined;
}

/** A place in "my tasks": the row's effective date (or NO_DUE_DATE), then its instant and id. */
export interface TaskCursor extends Cursor {
  due: string;
}

/** Where a task without an effective date (a draft not yet dated) sorts: after every dated one. */
export const NO_DUE_DATE = "9999-12-31";

export function taskCursorParam(cursor: TaskCursor): string {
  return `${cursor.due}~${cursorParam(cursor)}`;
}

export function parseTaskCursor(value: string | undefined): TaskCursor | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2})~(.*)$/.exec(value) : null;
  const rest = match ? parseCursor(match[2]) : undefined;
  return match && rest ? { due: match[1], ...rest } : undefined;
}
