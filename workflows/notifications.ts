// SPEC §7: which e-mails each accepted event causes, and to whom. The server turns
// audiences into addresses and writes one outbox row per e-mail with the transition (R16).
import type { RequestEventType } from "./events";
import type { StateName } from "./states";
import type { Role } from "./types";

export const NOTIFICATION_TEMPLATES = [
  "submitted",
  "submission_received",
  "analysis_ordered",
  "analysis_recorded",
  "fee_assessed",
  "fee_accepted",
  "fee_disputed",
  "changes_requested",
  "resubmitted",
  "decision_needed",
  "approved",
  "rejected",
  "withdrawn",
  "cancelled",
  "lapsed",
  "completed",
  "reminder",
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/**
 * Who receives an e-mail: the request's submitter; the COM reviewers (director and assistant
 * director, acting ones included), or one of the two; the Contact Center's analysts; Finance.
 */
export type Audience = "submitter" | "reviewers" | "directors" | "assistantDirectors" | "analysts" | "finance";

/** The roles whose holders (acting ones in their period included, R3) make up each audience. */
export const AUDIENCE_ROLES: Record<Exclude<Audience, "submitter">, Role[]> = {
  reviewers: ["director", "assistant_director"],
  directors: ["director"],
  assistantDirectors: ["assistant_director"],
  analysts: ["analyst"],
  finance: ["finance"],
};

export interface Notification {
  template: NotificationTemplate;
  audience: Audience[];
}

/**
 * The e-mails caused by an accepted step (`moved`: the step changed what waits on whom, see
 * `tasks.ts`); an event that moved nothing, like editing a draft, causes none.
 */
export function notificationsFor(event: RequestEventType, from: StateName, to: StateName, moved: boolean): Notification[] {
  if (!moved) return [];
  switch (event) {
    case "SUBMIT":
      return [
        { template: "submitted", audience: ["reviewers"] },
        { template: "submission_received", audience: ["submitter"] },
      ];
    case "RESUBMIT":
      return [{ template: "resubmitted", audience: ["reviewers", "submitter"] }];
    case "ORDER_ANALYSIS":
      return [{ template: "analysis_ordered", audience: ["analysts", "submitter"] }];
    case "RECORD_ANALYSIS":
      return [{ template: "analysis_recorded", audience: ["finance", "submitter"] }];
    case "ASSESS_FEE":
      return to === "feeAcceptance"
        ? [{ template: "fee_assessed", audience: ["submitter"] }]
        : [{ template: "decision_needed", audience: ["reviewers"] }];
    case "DISPUTE_FEE":
      return [{ template: "fee_disputed", audience: ["finance"] }];
    case "ACCEPT_FEE":
      // Finance charges the account code by interdepartmental transfer (SPEC §6).
      return [
        { template: "decision_needed", audience: ["reviewers"] },
        { template: "fee_accepted", audience: ["finance"] },
      ];
    case "NO_ANALYSIS":
      return [{ template: "decision_needed", audience: ["reviewers"] }];
    case "REQUEST_CHANGES":
      return [{ template: "changes_requested", audience: ["submitter"] }];
    case "APPROVE":
      return to === "approved" ? [{ template: "approved", audience: ["submitter", "reviewers", "analysts"] }] : [];
    case "REJECT":
      return [{ template: "rejected", audience: ["submitter"] }];
    case "WITHDRAW":
    case "DECLINE_FEE":
      return from === "draft" ? [] : [{ template: "withdrawn", audience: ["reviewers", "submitter"] }];
    case "CANCEL":
      return [{ template: "cancelled", audience: ["reviewers", "analysts", "submitter"] }];
    case "LAPSE":
      return [{ template: "lapsed", audience: ["submitter", "reviewers"] }];
    case "COMPLETE":
      return [{ template: "completed", audience: ["submitter"] }];
    case "EDIT":
    case "REMIND":
      return [];
  }
}

/** What an outbox row carries for its template; nothing secret, nothing the reader may not see. */
export interface NotificationData {
  requestId: string;
  reference: string;
  title: string;
  departmentName: string;
  stateLabel: string;
  effectiveDate: string | null;
  /** Who did what caused the e-mail, e.g. "Dana Director, Director" or "Jane Roe, acting Director". */
  actorLabel: string;
  comment: string | null;
  /** Fee in dollars, when one is assessed. */
  feeAmount: number | null;
  /** For reminders: what waits, and on whom. */
  task: string | null;
}
