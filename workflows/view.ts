// The workflow's words, dates and plain rules, for pages: everything in the index but the
// machine (XState, the request machine and the checks its guards call), the zod schemas of
// requestSchemas.ts, and the business-day arithmetic of the clock (businessDays.ts, reminders.ts,
// which bring @date-fns/tz: its modules run code as they load, so it comes with any page that
// reaches them). esbuild places a file a page reaches in that page's scripts with all of its
// code any page uses (it splits by file, not by statement), so a page that only shows states,
// labels or dates and imports them from "workflows" would also load zod (10 KB brotli), which the
// request form needs. Modules a browser loads import from here when it has what they need;
// everything else, and the server, use the index (which re-exports this).
export * from "./types";
export * from "./events";
export * from "./states";
export * from "./notice";
export * from "./context";
export * from "./requestAnswers";
export * from "./attachments";
export * from "./notifications";
export * from "./roles";
export * from "./tasks";
export * from "./dates";
export { wallClock } from "./wallClock";
