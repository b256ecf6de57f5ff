// R4–R9: who is a partner, how much notice each department must give, counted in local
// calendar days, and the words pages, forms and the machine use to say so.
import { formatDate } from "./dates";
import type { RequestType } from "./types";
import { wallClock } from "./wallClock";

export const PARTNER_NOTICE_DAYS = 7;
export const NON_PARTNER_NOTICE_DAYS = 14;
/** R16, R19 (reminders.ts): a task is reminded after this many business days' wait, and this many days before the effective date. */
export const REMINDER_BUSINESS_DAYS = 2;
export const EFFECTIVE_DATE_REMINDER_DAYS = 3;

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

/** The years the portal can mean: a typed 9999 or 0000 is a mistake, not a date (issue 15). */
export const FIRST_DATE = "1900-01-01";
export const LAST_DATE = "2099-12-31";
export const DATE_MESSAGE = "Enter a real date between 1900 and 2099, like 2026-12-31";

/** A real calendar date between FIRST_DATE and LAST_DATE: what every form and the machine accept. */
export function isPortalDate(value: string): boolean {
  return isCalendarDate(value) && value >= FIRST_DATE && value <= LAST_DATE;
}

/** The county's local calendar date at an instant (R7). */
export function localDate(at: Date | string, timeZone: string): string {
  return wallClock(at, timeZone).toISOString().slice(0, 10);
}

/**
 * A calendar date plus whole days, whatever the length of the days in between: counted in UTC,
 * where every day has 24 hours (plain arithmetic: pages add days to dates by the hundred).
 */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * R4, R5: a department is a 3-1-1 partner on a local date once its partnership has begun
 * (`partnerSince`, set by an administrator, never by a requester).
 */
export function isPartnerOn(department: { partnerSince: string | null }, today: string): boolean {
  return department.partnerSince !== null && department.partnerSince <= today;
}

export function noticeDays(partner: boolean): number {
  return partner ? PARTNER_NOTICE_DAYS : NON_PARTNER_NOTICE_DAYS;
}

/** R4, R5, R6: the request types open to a department. */
export function allowedTypes(partner: boolean): RequestType[] {
  return partner ? ["materials", "call_routing", "automated_response"] : ["materials", "call_routing"];
}

/** R7: the earliest effective date allowed for a request first submitted at `submittedAt`. */
export function earliestEffectiveDate(input: { partner: boolean; submittedAt: Date | string; timeZone: string }): string {
  return addCalendarDays(localDate(input.submittedAt, input.timeZone), noticeDays(input.partner));
}

/** "Partner departments must give at least 7 calendar days' notice": the rule as pages and refusals word it. */
export function noticeRequirement(partner: boolean): string {
  const who = partner ? "Partner departments" : "Departments without a 3-1-1 partnership";
  return `${who} must give at least ${noticeDays(partner)} calendar days' notice`;
}

/** How a department stands, in a sentence for its people: "… is a 3-1-1 partner: give at least 7 calendar days' notice." */
export function partnerStanding(partner: boolean): string {
  return partner
    ? `is a 3-1-1 partner: give at least ${PARTNER_NOTICE_DAYS} calendar days' notice`
    : `is not a 3-1-1 partner: give at least ${NON_PARTNER_NOTICE_DAYS} calendar days' notice`;
}

/** The earliest effective date a submission may have now, and what to say when a date is earlier (R4–R9). */
export interface Notice {
  partner: boolean;
  days: number;
  earliest: string;
  /** The local date notice counts from: today, or the first submission (R9). */
  countedFrom: string;
  /** True when notice counts from an earlier first submission (R9). */
  firstSubmission: boolean;
  message: string;
}

/** The refusal for an effective date before `earliest` (R8: states the rule, in words, and the earliest date). */
export function noticeMessage(partner: boolean, earliest: string, fromFirstSubmission: boolean): string {
  const counted = fromFirstSubmission ? ", counted from the first submission" : "";
  return `${noticeRequirement(partner)}${counted}. The earliest effective date allowed is ${formatDate(earliest)}.`;
}

/** The refusal for a resubmission whose effective date is not in the future (R9). */
export function futureDateMessage(earliest: string): string {
  return `The effective date must be in the future. The earliest effective date allowed is ${formatDate(earliest)}.`;
}

/**
 * The notice a submission at `now` must give: counted from now for a first submission (R4–R7), or
 * from the first submission and in the future for a resubmission (R9). `partner` is the status that
 * applies: the department's now, or the one stored at first submission (R7).
 */
export function noticeAt(input: { partner: boolean; firstSubmittedAt: Date | string | null; now: Date | string; timeZone: string }): Notice {
  const { partner, now, timeZone } = input;
  const today = localDate(now, timeZone);
  const base = { partner, days: noticeDays(partner) };
  if (input.firstSubmittedAt === null) {
    const earliest = earliestEffectiveDate({ partner, submittedAt: now, timeZone });
    return { ...base, earliest, countedFrom: today, firstSubmission: false, message: noticeMessage(partner, earliest, false) };
  }
  const fromFirst = earliestEffectiveDate({ partner, submittedAt: input.firstSubmittedAt, timeZone });
  const tomorrow = addCalendarDays(today, 1);
  const future = tomorrow > fromFirst;
  return {
    ...base,
    earliest: future ? tomorrow : fromFirst,
    countedFrom: localDate(input.firstSubmittedAt, timeZone),
    firstSubmission: true,
    message: future ? futureDateMessage(tomorrow) : noticeMessage(partner, fromFirst, true),
  };
}

/** The notice a stored request (a draft, or one sent back for changes) must give if submitted at `now`. */
export function requestNotice(
  request: { department: { partnerSince: string | null }; firstSubmittedAt: Date | string | null; partnerAtSubmission: boolean | null },
  now: Date | string,
  timeZone: string,
): Notice {
  const partner =
    request.firstSubmittedAt === null ? isPartnerOn(request.department, localDate(now, timeZone)) : (request.partnerAtSubmission ?? false);
  return noticeAt({ partner, firstSubmittedAt: request.firstSubmittedAt, now, timeZone });
}
