// Turns the audiences of SPEC §7 into people with addresses.
import { Prisma } from "~/generated/prisma/client";
import type { Audience } from "../../workflows/notifications";
import type { Role } from "../../workflows/types";

export interface Recipient {
  email: string;
  name: string;
}

const AUDIENCE_ROLES: Record<Exclude<Audience, "submitter">, Role[]> = {
  reviewers: ["director", "assistant_director"],
  directors: ["director"],
  assistantDirectors: ["assistant_director"],
  analysts: ["analyst"],
  finance: ["finance"],
};

/** Active holders of the audience's roles on `today`, acting appointments in force included (R3). */
export async function holdersOf(
  tx: Prisma.TransactionClient,
  audience: Exclude<Audience, "submitter">,
  today: string,
): Promise<Recipient[]> {
  // One raw query: every event that notifies asks (Prisma's relation filter costs several times as much).
  return tx.$queryRaw<Recipient[]>`
    SELECT DISTINCT u.email, u.name
    FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id
    WHERE u.active = 1
      AND r.role IN (${Prisma.join(AUDIENCE_ROLES[audience])})
      AND (r.acting = 0 OR (r."startsOn" <= ${today} AND (r."endsOn" IS NULL OR r."endsOn" >= ${today})))
    ORDER BY u.email`;
}
