// The notice a request must give (R4, R5, R7, R9), worked out for the form before it is sent.
// The machine checks again at SUBMIT and RESUBMIT; this only lets the form say it first.
import { addCalendarDays, earliestEffectiveDate, localDate, noticeDays, noticeRule } from "../../workflows/notice";
import type { NoticeLimit } from "./requestSchema";

export interface Notice extends NoticeLimit {
  partner: boolean;
  days: number;
  rule: "R4" | "R5";
  /** The local date the notice counts from: today, or the first submission (R9). */
  countedFrom: string;
  firstSubmission: boolean;
}

/** R4/R5: a partnership counts from its start date (set by an admin, never by the requester). */
export function isPartnerOn(department: { partnerSince: string | null }, today: string): boolean {
  return department.partnerSince !== null && department.partnerSince <= today;
}

function who(partner: boolean) {
  return partner ? "Partner departments" : "Departments without a 3-1-1 partnership";
}

/** A request not yet submitted: submitted now, with the department's partner status now. */
export function noticeForNewSubmission(department: { partnerSince: string | null }, now: Date, timeZone: string): Notice {
  const today = localDate(now, timeZone);
  const partner = isPartnerOn(department, today);
  const earliest = earliestEffectiveDate({ partner, submittedAt: now, timeZone });
  return {
    partner,
    days: noticeDays(partner),
    rule: noticeRule(partner),
    countedFrom: today,
    firstSubmission: false,
    earliest,
    message: `${who(partner)} must give at least ${noticeDays(partner)} calendar days' notice (${noticeRule(partner)}). The earliest effective date allowed is ${earliest}.`,
  };
}

/** R9: a resubmission counts from the first submission, with the partner status of then, and must lie in the future. */
export function noticeForResubmission(
  request: { firstSubmittedAt: Date | null; partnerAtSubmission: boolean | null; department: { partnerSince: string | null } },
  now: Date,
  timeZone: string,
): Notice {
  if (!request.firstSubmittedAt) return noticeForNewSubmission(request.department, now, timeZone);
  const partner = request.partnerAtSubmission ?? false;
  const fromFirst = earliestEffectiveDate({ partner, submittedAt: request.firstSubmittedAt, timeZone });
  const tomorrow = addCalendarDays(localDate(now, timeZone), 1);
  const base = {
    partner,
    days: noticeDays(partner),
    rule: noticeRule(partner),
    countedFrom: localDate(request.firstSubmittedAt, timeZone),
    firstSubmission: true,
  };
  if (tomorrow > fromFirst) {
    return {
      ...base,
      earliest: tomorrow,
      message: `The effective date must be in the future (R9). The earliest effective date allowed is ${tomorrow}.`,
    };
  }
  return {
    ...base,
    earliest: fromFirst,
    message: `${who(partner)} must give at least ${base.days} calendar days' notice, counted from the first submission (${base.rule}, R9). The earliest effective date allowed is ${fromFirst}.`,
  };
}
