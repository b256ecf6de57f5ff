// People and request facts used across the workflow tests.
import type { Actor, HeldRole, RequestFacts, Role } from "../../workflows";
import { SYSTEM_ACTOR } from "../../workflows";

export const DPW = "dept-dpw";
export const LIB = "dept-lib";
export const COM = "dept-com";
export const TZ = "America/New_York";

function person(userId: string, departmentId: string | null, ...roles: Array<Role | HeldRole>): Actor {
  return {
    userId,
    name: userId,
    departmentId,
    roles: roles.map((r) => (typeof r === "string" ? { role: r, acting: false } : r)),
  };
}

export const requester = person("req-dpw", DPW, "requester");
export const colleague = person("req-dpw-2", DPW, "requester");
export const otherDeptRequester = person("req-lib", LIB, "requester");
export const director = person("dir", COM, "director");
export const assistant = person("ad", COM, "assistant_director");
export const actingDirector = person("acting-dir", COM, { role: "director", acting: true });
export const bothRoles = person("both", COM, "director", "assistant_director");
export const analyst = person("analyst", COM, "analyst");
export const finance = person("fin", "dept-fin", "finance");
export const admin = person("admin", COM, "admin");
export const system = SYSTEM_ACTOR;
/** A COM reviewer who also files COM's own requests. */
export const directorWhoRequests = person("dir-req", COM, "director", "requester");

export const everyone: Actor[] = [
  requester,
  colleague,
  otherDeptRequester,
  director,
  assistant,
  actingDirector,
  analyst,
  finance,
  admin,
  system,
];

export function materials(effectiveDate: string, overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    type: "materials",
    effectiveDate,
    routing: null,
    endDate: effectiveDate,
    missing: [],
    ...overrides,
  };
}

export function routing(
  effectiveDate: string,
  routingKind: "permanent" | "temporary",
  endDate: string | null,
): RequestFacts {
  return { type: "call_routing", effectiveDate, routing: routingKind, endDate, missing: [] };
}
