import type { RequestAnswers } from "./requestAnswers";
import type { Actor, SignOffSlot } from "./types";

/** Every event carries who sends it and when (ISO instant); the machine never reads a clock. */
interface Base {
  actor: Actor;
  at: string;
}

export type RequestEvent =
  | (Base & { type: "EDIT" })
  /** The answers as stored, and the department's partnership: the machine judges both (R4–R10). */
  | (Base & { type: "SUBMIT"; answers: RequestAnswers; department: { partnerSince: string | null } })
  | (Base & { type: "RESUBMIT"; answers: RequestAnswers; comment?: string })
  | (Base & { type: "ORDER_ANALYSIS"; comment?: string })
  | (Base & { type: "NO_ANALYSIS"; comment?: string })
  | (Base & { type: "REQUEST_CHANGES"; comment: string })
  | (Base & { type: "REJECT"; comment: string })
  | (Base & { type: "RECORD_ANALYSIS"; projectedCalls: number; comment?: string })
  | (Base & {
      type: "ASSESS_FEE";
      amount: number;
      suggested: number;
      scheduleVersion: number | null;
      comment?: string;
    })
  | (Base & { type: "ACCEPT_FEE"; accountCode: string; comment?: string })
  | (Base & { type: "DISPUTE_FEE"; comment: string })
  | (Base & { type: "DECLINE_FEE"; comment?: string })
  | (Base & { type: "APPROVE"; slot: SignOffSlot; comment?: string })
  | (Base & { type: "WITHDRAW"; comment?: string })
  | (Base & { type: "CANCEL"; comment?: string })
  | (Base & { type: "LAPSE" })
  | (Base & { type: "COMPLETE" })
  /** The clock's reminder to whoever holds the request's task (R16, R19). */
  | (Base & { type: "REMIND" });

export type RequestEventType = RequestEvent["type"];

export type EventOf<T extends RequestEventType> = Extract<RequestEvent, { type: T }>;
