// People and request facts used across the workflow tests.
import { SYSTEM_ACTOR, type Actor, type HeldRole, type RequestAnswers, type Role } from "workflows";

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

/** A department that has been a 3-1-1 partner for years, or one that is not a partner (R4, R5). */
export function department(partner: boolean): { partnerSince: string | null } {
  return { partnerSince: partner ? "2019-03-01" : null };
}

const COMMON: Omit<RequestAnswers, "type"> = {
  title: "Leaf collection mailer",
  description: "A mailer about leaf collection dates.",
  contactName: "Pat Partner",
  contactPhone: "240-777-0311",
};

/** Complete answers for materials distributed from `effectiveDate` (to the same day unless overridden). */
export function materials(effectiveDate: string, overrides: Partial<RequestAnswers> = {}): RequestAnswers {
  return {
    ...COMMON,
    type: "materials",
    effectiveDate,
    endDate: effectiveDate,
    materialsKind: "mailing",
    audienceSize: "5000",
    languages: "English, Spanish",
    ...overrides,
  };
}

/** Complete answers for call routing from `effectiveDate`; an end date only when given (R10). */
export function routing(effectiveDate: string, routingKind: "permanent" | "temporary", endDate: string | null): RequestAnswers {
  return {
    ...COMMON,
    type: "call_routing",
    effectiveDate,
    routing: routingKind,
    endDate: endDate ?? "",
    unitOrLine: "Bulk trash line",
    callsPerMonth: "800",
  };
}

/** Complete answers for an automated response system (partners only, R6). */
export function automated(effectiveDate: string): RequestAnswers {
  return { ...COMMON, type: "automated_response", effectiveDate, systemName: "Leaf line IVR" };
}
