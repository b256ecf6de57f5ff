import type { Actor, RequestFacts, SignOffSlot } from "./types";

/** Every event carries who sends it and when (ISO instant); the machine never reads a clock. */
interface Base {
  actor: Actor;
  at: string;
}

export type RequestEvent =
  | (Base & { type: "EDIT" })
  | (Base & { type: "SUBMIT"; request: RequestFacts; partner: boolean })
  | (Base & { type: "RESUBMIT"; request: RequestFacts; comment?: string })
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
  | (Base & { type: "COMPLETE" });

export type RequestEventType = RequestEvent["type"];

export const EVENT_TYPES: RequestEventType[] = [
  "EDIT",
  "SUBMIT",
  "RESUBMIT",
  "ORDER_ANALYSIS",
  "NO_ANALYSIS",
  "REQUEST_CHANGES",
  "REJECT",
  "RECORD_ANALYSIS",
  "ASSESS_FEE",
  "ACCEPT_FEE",
  "DISPUTE_FEE",
  "DECLINE_FEE",
  "APPROVE",
  "WITHDRAW",
  "CANCEL",
  "LAPSE",
  "COMPLETE",
];

export type EventOf<T extends RequestEventType> = Extract<RequestEvent, { type: T }>;
