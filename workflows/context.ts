import type { Analysis, Fee, RequestType, SignOff, SignOffSlot } from "./types";

/** What the machine remembers about one request. Only what its rules need. */
export interface RequestContext {
  requestId: string;
  departmentId: string;
  timeZone: string;
  /** Everyone who created, edited, submitted or resubmitted the request: none may sign it (R2). */
  authors: string[];
  type: RequestType | null;
  effectiveDate: string | null;
  endDate: string | null;
  /** Partner status in force at first submission (R7); null until then. */
  partnerAtSubmission: boolean | null;
  /** The instant of first submission (R7, R9); null until then. */
  firstSubmittedAt: string | null;
  analysis: Analysis | null;
  fee: Fee | null;
  signOffs: Record<SignOffSlot, SignOff | null>;
  /** When the clock last reminded whoever held the request's task (R16); null before any reminder. */
  lastReminderAt: string | null;
}

export interface RequestInput {
  requestId: string;
  departmentId: string;
  createdBy: string;
  timeZone: string;
}

export function initialContext(input: RequestInput): RequestContext {
  return {
    requestId: input.requestId,
    departmentId: input.departmentId,
    timeZone: input.timeZone,
    authors: [input.createdBy],
    type: null,
    effectiveDate: null,
    endDate: null,
    partnerAtSubmission: null,
    firstSubmittedAt: null,
    analysis: null,
    fee: null,
    signOffs: { director: null, assistantDirector: null },
    lastReminderAt: null,
  };
}
