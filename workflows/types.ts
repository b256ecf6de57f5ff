// Vocabulary shared by the machine, the server and the pages.

export const ROLES = [
  "requester",
  "director",
  "assistant_director",
  "analyst",
  "finance",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

/** The clock and other automatic senders act as this role; no person holds it. */
export type ActorRole = Role | "system";

export const REQUEST_TYPES = ["materials", "call_routing", "automated_response"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const ROLE_LABELS: Record<ActorRole, string> = {
  requester: "Requester",
  director: "Director",
  assistant_director: "Assistant Director",
  analyst: "Contact Center analyst",
  finance: "Finance",
  admin: "Administrator",
  system: "Portal clock",
};

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  materials: "3-1-1 on departmental materials",
  call_routing: "Route calls to 3-1-1",
  automated_response: "Automated response system",
};

/** A role the actor holds at the moment of the event; acting = by acting appointment (R3). */
export interface HeldRole {
  role: ActorRole;
  acting: boolean;
}

/** Who sends an event. The server resolves roles (acting appointments included) at the event's time. */
export interface Actor {
  userId: string;
  name: string;
  departmentId: string | null;
  roles: HeldRole[];
}

export const SYSTEM_ACTOR: Actor = {
  userId: "system",
  name: "Portal clock",
  departmentId: null,
  roles: [{ role: "system", acting: false }],
};

export type SignOffSlot = "director" | "assistantDirector";

export const SLOT_ROLE: Record<SignOffSlot, Role> = {
  director: "director",
  assistantDirector: "assistant_director",
};

export interface SignOff {
  userId: string;
  name: string;
  acting: boolean;
  at: string;
}

export interface Analysis {
  by: string;
  at: string;
  projectedCalls: number;
}

export type FeeStatus = "assessed" | "accepted" | "disputed" | "declined";

export interface Fee {
  amount: number;
  suggested: number;
  reason: string | null;
  scheduleVersion: number | null;
  by: string;
  at: string;
  status: FeeStatus;
  accountCode: string | null;
}
