// R1 and R18: who sees which requests. Every loader and action asks here before touching a
// request; a request someone may not see does not exist for them (404, never 403).
import { hasRole, type CurrentUser } from "~/auth/session.server";
import { Prisma } from "~/generated/prisma/client";
import type { Role } from "workflows";

/** COM's reviewers, the Contact Center's analysts and Finance: every department's requests, once submitted (R18). */
const SEE_SUBMITTED: Role[] = ["director", "assistant_director", "analyst", "finance"];

/**
 * What a person may see: their department's requests, drafts included (requesters), and every
 * request from its first submission on (R18: a draft is its department's own working copy).
 */
type Scope = { departmentId: string | null; submitted: boolean };

function scopeOf(user: CurrentUser): Scope {
  return {
    departmentId: hasRole(user, "requester") ? user.departmentId : null,
    submitted: SEE_SUBMITTED.some((role) => hasRole(user, role)),
  };
}

/** True for the reviewing roles, who see every submitted request: queries may then pick indexes without a department. */
export function seesEverything(user: CurrentUser): boolean {
  return scopeOf(user).submitted;
}

/** The requests this person may see, as SQL on the Request table aliased `r` (every list and page reads through it). */
export function visibleSql(user: CurrentUser): Prisma.Sql {
  const scope = scopeOf(user);
  const any: Prisma.Sql[] = [];
  if (scope.departmentId) any.push(Prisma.sql`r."departmentId" = ${scope.departmentId}`);
  if (scope.submitted) any.push(Prisma.sql`r."firstSubmittedOn" IS NOT NULL`);
  return any.length > 0 ? Prisma.sql`(${Prisma.join(any, " OR ")})` : Prisma.sql`1 = 0`;
}

/** The same scope as a string: people with equal keys see the same requests (for memo keys). */
export function visibilityKey(user: CurrentUser): string {
  return JSON.stringify(scopeOf(user));
}

export function canSee(user: CurrentUser, request: { departmentId: string; firstSubmittedOn: string | null }): boolean {
  const scope = scopeOf(user);
  return (scope.departmentId !== null && scope.departmentId === request.departmentId) || (scope.submitted && request.firstSubmittedOn !== null);
}

export function mayCreateRequests(user: CurrentUser): boolean {
  return hasRole(user, "requester") && user.departmentId !== null;
}
