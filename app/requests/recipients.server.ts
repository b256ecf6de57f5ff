// Turns the audiences of SPEC §7 into people with addresses.
import { Prisma } from "~/generated/prisma/client";
import { AUDIENCE_ROLES, rolesInForce, type Audience } from "workflows";

export interface Recipient {
  email: string;
  name: string;
}

/** Active holders of the audience's roles on `today`, acting appointments in force included (R3). */
export async function holdersOf(
  tx: Prisma.TransactionClient,
  audience: Exclude<Audience, "submitter">,
  today: string,
): Promise<Recipient[]> {
  const roles = AUDIENCE_ROLES[audience];
  // Every assignment of the audience's roles; the workflow says which are in force today (R3).
  const rows = await tx.$queryRaw<Array<Recipient & { role: string; acting: boolean | number; startsOn: string | null; endsOn: string | null }>>`
    SELECT u.email, u.name, r.role, r.acting, r."startsOn", r."endsOn"
    FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id
    WHERE u.active = ${true} AND r.role IN (${Prisma.join(roles)})
    ORDER BY u.email`;
  const found = new Map<string, Recipient>();
  for (const row of rows) {
    const inForce = rolesInForce([{ ...row, acting: Boolean(row.acting) }], today).some((held) => roles.includes(held.role));
    if (inForce) found.set(row.email, { email: row.email, name: row.name });
  }
  return [...found.values()];
}
