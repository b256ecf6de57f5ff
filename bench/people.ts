// A person as a signed-in session sees them (roles in force today), for calls to the services.
import { currentRoles, type CurrentUser } from "../app/auth/session.server";
import { mfaRequiredFor } from "../app/auth/mfa.server";
import type { PrismaClient } from "../app/db.server";
import { localDate } from "../workflows/notice";
import { TIME_ZONE } from "./util";

export async function personAt(db: PrismaClient, email: string, now: Date): Promise<CurrentUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { department: true, roles: true } });
  const roles = currentRoles(user.roles, localDate(now, TIME_ZONE));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    departmentId: user.departmentId,
    department: user.department,
    roles,
    mfaEnabled: user.mfaSecret !== null && user.mfaEnabledAt !== null,
    mfaRequired: mfaRequiredFor(roles),
  };
}
