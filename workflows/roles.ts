// Who acts in which role: the roles a person holds on a date (R3: acting appointments count only
// within their period), which role each event needs, and how the audit trail names the actor.
import type { RequestEvent, RequestEventType } from "./events";
import { ROLE_LABELS, ROLES, SLOT_ROLE, type Actor, type ActorRole, type HeldRole, type Role } from "./types";

/** A role assignment as an administrator records it: outright, or acting for a period (local dates, inclusive). */
export interface RoleAssignment {
  role: string;
  acting: boolean;
  startsOn: string | null;
  endsOn: string | null;
}

/**
 * The roles held on `today` (a local YYYY-MM-DD date). An acting appointment counts only
 * within its period, both ends inclusive, a missing end open (R3). A role held both outright
 * and by appointment is held outright.
 */
export function rolesInForce(assignments: readonly RoleAssignment[], today: string): Array<{ role: Role; acting: boolean }> {
  const byRole = new Map<Role, { role: Role; acting: boolean }>();
  for (const a of assignments) {
    if (!(ROLES as readonly string[]).includes(a.role)) continue;
    const role = a.role as Role;
    if (a.acting && (!a.startsOn || a.startsOn > today || (a.endsOn && a.endsOn < today))) continue;
    const existing = byRole.get(role);
    if (!existing || (existing.acting && !a.acting)) byRole.set(role, { role, acting: a.acting });
  }
  return ROLES.filter((r) => byRole.has(r)).map((r) => byRole.get(r)!);
}

export const REVIEWER_ROLES: Role[] = ["director", "assistant_director"];

/** The roles that may send each event. */
export const EVENT_ROLES: Record<RequestEventType, ActorRole[]> = {
  EDIT: ["requester"],
  SUBMIT: ["requester"],
  RESUBMIT: ["requester"],
  ORDER_ANALYSIS: REVIEWER_ROLES,
  NO_ANALYSIS: REVIEWER_ROLES,
  REQUEST_CHANGES: REVIEWER_ROLES,
  REJECT: REVIEWER_ROLES,
  RECORD_ANALYSIS: ["analyst"],
  ASSESS_FEE: ["finance"],
  ACCEPT_FEE: ["requester"],
  DISPUTE_FEE: ["requester"],
  DECLINE_FEE: ["requester"],
  APPROVE: REVIEWER_ROLES,
  WITHDRAW: ["requester"],
  CANCEL: ["requester"],
  LAPSE: ["system"],
  COMPLETE: ["system"],
  REMIND: ["system"],
};

export function holds(actor: Actor, role: ActorRole): boolean {
  return actor.roles.some((r) => r.role === role);
}

/**
 * The role the actor uses for this event, or null when they hold none that may send it. A sign-off
 * uses its slot's role. A role held outright is preferred to an acting one (R3: the audit says which).
 */
export function roleUsed(event: RequestEvent): HeldRole | null {
  const wanted = event.type === "APPROVE" ? [SLOT_ROLE[event.slot]] : EVENT_ROLES[event.type];
  const held = event.actor.roles.filter((r) => wanted.includes(r.role));
  return held.find((r) => !r.acting) ?? held[0] ?? null;
}

/** "Dana Director, Director", "Jane Roe, acting Director" (R3), or the portal clock's own name. */
export function actorLabel(name: string, role: HeldRole | null): string {
  if (role === null || role.role === "system") return name;
  const label = ROLE_LABELS[role.role];
  return role.acting ? `${name}, acting ${label}` : `${name}, ${label}`;
}
