// Which role a person uses for each event: recorded in the audit trail (R3: "acting Director").
import type { RequestEvent, RequestEventType } from "./events";
import type { ActorRole, HeldRole } from "./types";
import { ROLE_LABELS, SLOT_ROLE } from "./types";

const REVIEWERS: ActorRole[] = ["director", "assistant_director"];

export const EVENT_ROLES: Record<RequestEventType, ActorRole[]> = {
  EDIT: ["requester"],
  SUBMIT: ["requester"],
  RESUBMIT: ["requester"],
  ORDER_ANALYSIS: REVIEWERS,
  NO_ANALYSIS: REVIEWERS,
  REQUEST_CHANGES: REVIEWERS,
  REJECT: REVIEWERS,
  RECORD_ANALYSIS: ["analyst"],
  ASSESS_FEE: ["finance"],
  ACCEPT_FEE: ["requester"],
  DISPUTE_FEE: ["requester"],
  DECLINE_FEE: ["requester"],
  APPROVE: REVIEWERS,
  WITHDRAW: ["requester"],
  CANCEL: ["requester"],
  LAPSE: ["system"],
  COMPLETE: ["system"],
};

/** The role the actor used for this event; a substantive role is preferred to an acting one. */
export function roleUsed(event: RequestEvent): HeldRole | null {
  const wanted = event.type === "APPROVE" ? [SLOT_ROLE[event.slot]] : EVENT_ROLES[event.type];
  const held = event.actor.roles.filter((r) => wanted.includes(r.role));
  return held.find((r) => !r.acting) ?? held[0] ?? null;
}

/** "Dana Director, Director" or "Jane Roe, acting Director" (R3). */
export function actorLabel(name: string, role: HeldRole | null): string {
  if (role === null) return name;
  const label = ROLE_LABELS[role.role];
  return role.acting ? `${name}, acting ${label}` : `${name}, ${label}`;
}
