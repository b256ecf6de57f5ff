// R4, R5, R6, R7: how much notice each department must give, counted in local calendar days.
import { differenceInCalendarDays, parseISO } from "date-fns";
import type { RequestType } from "./types";

export const DEFAULT_TIME_ZONE = "America/New_York";
export const PARTNER_NOTICE_DAYS = 7;
export const NON_PARTNER_NOTICE_DAYS = 14;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a real calendar date written YYYY-MM-DD (2027-02-29 is not one). A date, not an
 * instant: checked on the UTC calendar, where no day is skipped. Kept free of date-fns'
 * parser because every form in the browser uses it.
 */
export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The county's local calendar date at an instant (R7). */
export function localDate(at: Date | string, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

// Every page and event asks for local dates, and building a formatter costs far more than
// using one: one per time zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let found = dayFormats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, found);
  }
  return found;
}

/**
 * A calendar date plus whole days, whatever the length of the days in between: counted in UTC,
 * where every day has 24 hours (plain arithmetic: pages add days to dates by the hundred).
 */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function noticeDays(partner: boolean): number {
  return partner ? PARTNER_NOTICE_DAYS : NON_PARTNER_NOTICE_DAYS;
}

/** R7: the earliest effective date allowed for a request first submitted at `submittedAt`. */
export function earliestEffectiveDate(input: {
  partner: boolean;
  submittedAt: Date | string;
  timeZone: string;
}): string {
  return addCalendarDays(localDate(input.submittedAt, input.timeZone), noticeDays(input.partner));
}

/** R4, R5, R6: the request types open to a department. */
export function allowedTypes(partner: boolean): RequestType[] {
  return partner
    ? ["materials", "call_routing", "automated_response"]
    : ["materials", "call_routing"];
}

export function noticeRule(partner: boolean): "R4" | "R5" {
  return partner ? "R4" : "R5";
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}
