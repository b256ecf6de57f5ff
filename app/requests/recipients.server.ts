// Turns the audiences of SPEC §7 into people with addresses.
import type { Prisma } from "~/generated/prisma/client";
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
  const users = await tx.user.findMany({
    where: {
      active: true,
      roles: {
        some: {
          role: { in: AUDIENCE_ROLES[audience] },
          OR: [
            { acting: false },
            {
              acting: true,
              startsOn: { lte: today },
              OR: [{ endsOn: null }, { endsOn: { gte: today } }],
            },
          ],
        },
      },
    },
    select: { email: true, name: true },
    orderBy: { email: "asc" },
  });
  return users;
}
