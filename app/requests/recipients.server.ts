// Turns the audiences of SPEC §7 into people with addresses.
import { Prisma } from "~/generated/prisma/client";
import { AUDIENCE_ROLES, rolesInForce, type Audience } from "workflows";

export interface Recipient {
  email: string;
  name: string;
}

export type RoleAudience = Exclude<Audience, "submitter">;

/**
 * Active holders of each audience's roles on `today`, acting appointments in force included (R3).
 * One query for all the audiences an event writes to.
 */
export async function holdersOf(
  db: Pick<Prisma.TransactionClient, "$queryRaw">,
  audiences: RoleAudience[],
  today: string,
): Promise<Map<RoleAudience, Recipient[]>> {
  const found = new Map<RoleAudience, Recipient[]>(audiences.map((audience) => [audience, []]));
  const roles = [...new Set(audiences.flatMap((audience) => AUDIENCE_ROLES[audience]))];
  if (roles.length === 0) return found;
  // Every assignment of the roles; the workflow says which are in force today (R3).
  const rows = await db.$queryRaw<Array<Recipient & { role: string; acting: boolean | number; startsOn: string | null; endsOn: string | null }>>`
    SELECT u.email, u.name, r.role, r.acting, r."startsOn", r."endsOn"
    FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id
    WHERE u.active = ${true} AND r.role IN (${Prisma.join(roles)})
    ORDER BY u.email`;
  for (const audience of audiences) {
    const wanted = AUDIENCE_ROLES[audience];
    const people = new Map<string, Recipient>();
    for (const row of rows) {
      const inForce = rolesInForce([{ ...row, acting: Boolean(row.acting) }], today).some((held) => wanted.includes(held.role));
      if (inForce) people.set(row.email, { email: row.email, name: row.name });
    }
    found.set(audience, [...people.values()]);
  }
  return found;
}
