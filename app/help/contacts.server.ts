// Who to ask, for the help page: the people who hold each role now (not by acting appointment,
// which is temporary), from the portal's own accounts, so the page never goes stale.
import type { PrismaClient } from "~/generated/prisma/client";
import type { Role } from "workflows";

export interface ContactGroup {
  role: Role;
  people: Array<{ name: string; email: string }>;
}

/** In the order the help page asks them: the procedure, call volume, fees, the portal itself. */
const CONTACT_ROLES: Role[] = ["director", "assistant_director", "analyst", "finance", "admin"];

export async function helpContacts(db: PrismaClient): Promise<ContactGroup[]> {
  const assignments = await db.roleAssignment.findMany({
    where: { role: { in: CONTACT_ROLES }, acting: false, user: { active: true } },
    select: { role: true, user: { select: { name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return CONTACT_ROLES.map((role) => ({ role, people: assignments.filter((a) => a.role === role).map((a) => a.user) })).filter(
    (group) => group.people.length > 0,
  );
}
