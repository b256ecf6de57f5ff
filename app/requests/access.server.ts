// R1: who sees which requests. Every loader and action asks here before touching a request;
// a request someone may not see does not exist for them (404, never 403).
import { hasRole, type CurrentUser } from "~/auth/session.server";
import { Prisma } from "~/generated/prisma/client";
import type { Role } from "workflows";

const SEE_EVERYTHING: Role[] = ["director", "assistant_director", "analyst"];

/** What a person may see: everything, or their department's requests and/or (Finance) those past fee assessment. */
type Scope = { everything: true } | { everything: false; departmentId: string | null; feeAssessed: boolean };

function scopeOf(user: CurrentUser): Scope {
  if (SEE_EVERYTHING.some((role) => hasRole(user, role))) return { everything: true };
  return {
    everything: false,
    departmentId: hasRole(user, "requester") ? user.departmentId : null,
    // Finance sees requests once they reach fee assessment (SPEC §2).
    feeAssessed: hasRole(user, "finance"),
  };
}

/** True for the reviewing roles, who see every request: queries may then pick indexes without a department. */
export function seesEverything(user: CurrentUser): boolean {
  return scopeOf(user).everything;
}

/** The requests this person may see, as SQL on the Request table aliased `r` (every list and page reads through it). */
export function visibleSql(user: CurrentUser): Prisma.Sql {
  const scope = scopeOf(user);
  if (scope.everything) return Prisma.sql`1 = 1`;
  const any: Prisma.Sql[] = [];
  if (scope.departmentId) any.push(Prisma.sql`r."departmentId" = ${scope.departmentId}`);
  if (scope.feeAssessed) any.push(Prisma.sql`r."reachedFeeAssessment" = 1`);
  return any.length > 0 ? Prisma.sql`(${Prisma.join(any, " OR ")})` : Prisma.sql`1 = 0`;
}

/** The same scope as a string: people with equal keys see the same requests (for memo keys). */
export function visibilityKey(user: CurrentUser): string {
  return JSON.stringify(scopeOf(user));
}

export function canSee(user: CurrentUser, request: { departmentId: string; reachedFeeAssessment: boolean }): boolean {
  const scope = scopeOf(user);
  if (scope.everything) return true;
  return (scope.departmentId !== null && scope.departmentId === request.departmentId) || (scope.feeAssessed && request.reachedFeeAssessment);
}

export function mayCreateRequests(user: CurrentUser): boolean {
  return hasRole(user, "requester") && user.departmentId !== null;
}
