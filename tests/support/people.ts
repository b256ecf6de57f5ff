// Loading people from a test database the way a signed-in session sees them.
import { currentRoles, type CurrentUser } from "../../app/auth/session.server";
import { mfaRequiredFor } from "../../app/auth/mfa.server";
import type { PrismaClient } from "../../app/db.server";
import { localDate } from "../../workflows/notice";
import type { Role } from "../../workflows/types";

export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export async function personAt(db: PrismaClient, email: string, now: Date, timeZone = "America/New_York"): Promise<CurrentUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { department: true, roles: true } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    departmentId: user.departmentId,
    department: user.department
      ? { id: user.department.id, name: user.department.name, code: user.department.code, partnerSince: user.department.partnerSince }
      : null,
    roles: currentRoles(user.roles, localDate(now, timeZone)),
    mfaEnabled: user.mfaSecret !== null && user.mfaEnabledAt !== null,
    mfaRequired: mfaRequiredFor(currentRoles(user.roles, localDate(now, timeZone))),
  };
}

export async function addPerson(
  db: PrismaClient,
  email: string,
  departmentCode: string,
  roles: Array<{ role: Role; acting?: boolean; startsOn?: string; endsOn?: string }>,
): Promise<void> {
  const department = await db.department.findUniqueOrThrow({ where: { code: departmentCode } });
  await db.user.create({
    data: {
      email,
      name: email.split("@")[0],
      passwordHash: "unused",
      departmentId: department.id,
      roles: { create: roles.map((r) => ({ role: r.role, acting: r.acting ?? false, startsOn: r.startsOn, endsOn: r.endsOn })) },
    },
  });
}
