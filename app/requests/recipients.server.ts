// Turns the audiences of SPEC §7 into people with addresses.
import { Prisma } from "~/generated/prisma/client";
import { sqlFor } from "~/db/engine";
import { AUDIENCE_ROLES, rolesInForce, type Audience } from "workflows";

export interface Recipient {
  email: string;
  name: string;
}

export type RoleAudience = Exclude<Audience, "submitter">;

/** An active person's assignment of a role an audience names; the workflow says whether it is in force on a day (R3). */
export interface RoleHolder extends Recipient {
  role: string;
  acting: boolean;
  startsOn: string | null;
  endsOn: string | null;
}

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

const EVERY_AUDIENCE_ROLE = [...new Set(Object.values(AUDIENCE_ROLES).flat())];

/**
 * The active holders of every role an audience names, as one column of another query (a JSON
 * array), so that an event reads its request and the people its e-mails may go to at once.
 */
export function roleHoldersColumn(db: Db): Prisma.Sql {
  const holders = sqlFor(db, {
    sqlite: Prisma.sql`json_group_array(json_object('email', u.email, 'name', u.name, 'role', r.role, 'acting', r.acting, 'startsOn', r."startsOn", 'endsOn', r."endsOn"))`,
    postgres: Prisma.sql`json_agg(json_build_object('email', u.email, 'name', u.name, 'role', r.role, 'acting', r.acting, 'startsOn', r."startsOn", 'endsOn', r."endsOn"))::text`,
  });
  return Prisma.sql`(SELECT ${holders} FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id
    WHERE u.active = ${true} AND r.role IN (${Prisma.join(EVERY_AUDIENCE_ROLE)}))`;
}

/** The column's holders; SQLite writes a boolean as 0 or 1, and PostgreSQL's json_agg gives NULL for no rows. */
export function roleHoldersFromColumn(value: string | null): RoleHolder[] {
  const rows = value ? (JSON.parse(value) as Array<Omit<RoleHolder, "acting"> & { acting: boolean | number }>) : [];
  // By address, the same on both engines (their collations may order text differently).
  return rows
    .map((row) => ({ ...row, acting: Boolean(row.acting) }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

/** Among these holders, who is in each audience on `today`, acting appointments in force included (R3). */
export function holdersAmong(holders: RoleHolder[], audiences: RoleAudience[], today: string): Map<RoleAudience, Recipient[]> {
  const found = new Map<RoleAudience, Recipient[]>();
  for (const audience of audiences) {
    const wanted = AUDIENCE_ROLES[audience];
    const people = new Map<string, Recipient>();
    for (const holder of holders) {
      const inForce = rolesInForce([holder], today).some((held) => wanted.includes(held.role));
      if (inForce) people.set(holder.email, { email: holder.email, name: holder.name });
    }
    found.set(audience, [...people.values()]);
  }
  return found;
}

/** Active holders of each audience's roles on `today`: the same column, read alone. */
export async function holdersOf(db: Db, audiences: RoleAudience[], today: string): Promise<Map<RoleAudience, Recipient[]>> {
  const [row] = await db.$queryRaw<Array<{ holders: string | null }>>`SELECT ${roleHoldersColumn(db)} AS holders`;
  return holdersAmong(roleHoldersFromColumn(row.holders), audiences, today);
}
