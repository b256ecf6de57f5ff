// The pages under load, as URLs and the persona who asks for them.
import { cursorParam, type Cursor } from "../app/requests/listCursor";
import { PAGE_SIZE } from "../app/requests/queries.server";
import { localDate } from "workflows";
import type { Prepared } from "./prepare";
import type { Persona } from "./sessions";
import { TIME_ZONE } from "./util";

export interface Page {
  key: string;
  label: string;
  path: string;
  persona: Persona | null;
  /** Text the signed-in page must contain: proves it rendered data, not a redirect to sign-in. */
  expect: string;
  /** Floors are what the pages are measured against; they have no targets themselves. */
  floor?: boolean;
}

export const FLOOR = "floor";
export const DOCUMENT = "document";
/** The document floor as measured after the last page (bench/run.ts): each page is judged over the one either side of it. */
export const DOCUMENT_AGAIN = "document-again";
export const DOCUMENT_PATH = "/sign-in";

export function pagesFor(prepared: Prepared, size: number): Page[] {
  const deep = Math.max(2, Math.floor(size / PAGE_SIZE / 2));
  // The list pages by cursor: the deep page starts after the row that ends page deep - 1.
  const row = prepared.db.sqlite
    .prepare(`SELECT "updatedAt", id FROM "Request" ORDER BY "updatedAt" DESC, id DESC LIMIT 1 OFFSET ?`)
    .get((deep - 1) * PAGE_SIZE - 1) as { updatedAt: string; id: string };
  const cursor: Cursor = { at: new Date(row.updatedAt).toISOString(), id: row.id };
  const deepPath = `/requests?${new URLSearchParams({ page: String(deep), after: cursorParam(cursor) }).toString()}`;
  return [
    { key: FLOOR, label: "bare route /healthz (floor)", path: "/healthz", persona: null, expect: "ok", floor: true },
    // Informational: a whole document through the root layout, signed out, reading nothing.
    { key: DOCUMENT, label: "sign-in page, signed out (document floor)", path: DOCUMENT_PATH, persona: null, expect: "Sign in", floor: true },
    { key: "list", label: "request list, first page", path: "/requests", persona: "director", expect: "Requests, page 1" },
    { key: "filtered", label: "request list, filtered", path: "/requests?state=completed&type=call_routing", persona: "director", expect: "Completed" },
    { key: "deep", label: `request list, deep page (${deep})`, path: deepPath, persona: "director", expect: `Requests, page ${deep}` },
    { key: "search", label: "request list, text search", path: "/requests?q=Wheaton", persona: "director", expect: "Wheaton" },
    { key: "rare", label: "request list, search for a word in no request", path: "/requests?q=Zanzibar", persona: "director", expect: "No requests match" },
    { key: "requester", label: "request list, requester's department", path: "/requests", persona: "requester", expect: "Public Works" },
    { key: "detail", label: "request page, long history", path: `/requests/${prepared.longTrailId}`, persona: "director", expect: "Round 75" },
    { key: "home", label: "home, my tasks (director)", path: "/", persona: "director", expect: "My tasks" },
    { key: "calendar", label: "capacity calendar, month", path: "/calendar", persona: "analyst", expect: "alendar" },
    { key: "day", label: "capacity calendar, today's requests", path: `/calendar?day=${localDate(new Date(), TIME_ZONE)}`, persona: "analyst", expect: "Month view" },
    // Issue 19: the week view's days each staffed with Erlang C for the baseline plus every request in effect.
    { key: "staffing", label: "capacity calendar, week with combined staffing", path: "/calendar?view=week", persona: "analyst", expect: "inch point" },
    // Issue 19: every comparable request's forecast against the calls on its queues (bench/actualCalls.ts).
    { key: "accuracy", label: "forecast accuracy", path: "/accuracy", persona: "analyst", expect: "Worst misses" },
    { key: "finance", label: "Finance report", path: "/finance", persona: "finance", expect: "Fees report" },
  ];
}
