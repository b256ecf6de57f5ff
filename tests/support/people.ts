// Loading people from a test database the way a signed-in session sees them.
import { currentUserByEmail, type CurrentUser } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import type { Role } from "workflows";

export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export const personAt = (db: PrismaClient, email: string, now: Date, timeZone = "America/New_York"): Promise<CurrentUser> =>
  currentUserByEmail(db, email, now, timeZone);

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
