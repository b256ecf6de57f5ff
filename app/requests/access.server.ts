// R1: who sees which requests. Every loader and action asks here before touching a request;
// a request someone may not see does not exist for them (404, never 403).
import { hasRole, type CurrentUser } from "~/auth/session.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "../../workflows/types";

const SEE_EVERYTHING: Role[] = ["director", "assistant_director", "analyst"];

/** The requests this person may see, as a database filter. */
export function visibleTo(user: CurrentUser): Prisma.RequestWhereInput {
  if (SEE_EVERYTHING.some((role) => hasRole(user, role))) return {};
  const any: Prisma.RequestWhereInput[] = [];
  if (hasRole(user, "requester") && user.departmentId) any.push({ departmentId: user.departmentId });
  // Finance sees requests once they reach fee assessment (SPEC §2).
  if (hasRole(user, "finance")) any.push({ reachedFeeAssessment: true });
  return any.length > 0 ? { OR: any } : { id: { in: [] } };
}

export function canSee(
  user: CurrentUser,
  request: { departmentId: string; reachedFeeAssessment: boolean },
): boolean {
  if (SEE_EVERYTHING.some((role) => hasRole(user, role))) return true;
  if (hasRole(user, "requester") && user.departmentId === request.departmentId) return true;
  return hasRole(user, "finance") && request.reachedFeeAssessment;
}

export function mayCreateRequests(user: CurrentUser): boolean {
  return hasRole(user, "requester") && user.departmentId !== null;
}
