// What an event reads besides its request: the observed holidays its deadlines skip (R19) and
// the holders of the roles its e-mails may go to (SPEC §7). Both are columns of the query that
// reads the request, so an event is one read and one write (issue 17: fewer round trips an event).
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { holidaysFromColumn, observedHolidaysColumn } from "~/holidays/holidays.server";
import { roleHoldersColumn, roleHoldersFromColumn, type RoleHolder } from "./recipients.server";

export interface EventContext {
  holidays: Set<string>;
  roleHolders: RoleHolder[];
}

/** The columns as they come back. */
export interface EventContextColumns {
  holidays: string | null;
  roleHolders: string | null;
}

/** The select list's columns, for a query that also reads the request. */
export function eventContextColumns(db: Pick<PrismaClient, "$queryRaw">): Prisma.Sql {
  return Prisma.sql`${observedHolidaysColumn(db)} AS holidays, ${roleHoldersColumn(db)} AS "roleHolders"`;
}

export function eventContextOf(columns: EventContextColumns): EventContext {
  return { holidays: holidaysFromColumn(columns.holidays), roleHolders: roleHoldersFromColumn(columns.roleHolders) };
}

/** The context alone, for an event on a request its action has already read. */
export async function readEventContext(db: Pick<PrismaClient, "$queryRaw">): Promise<EventContext> {
  const [row] = await db.$queryRaw<EventContextColumns[]>`SELECT ${eventContextColumns(db)}`;
  return eventContextOf(row);
}
