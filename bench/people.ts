// A person as a signed-in session sees them (roles in force today), for calls to the services.
import { currentUserByEmail, type CurrentUser } from "../app/auth/session.server";
import type { PrismaClient } from "../app/db.server";
import { TIME_ZONE } from "./util";

export const personAt = (db: PrismaClient, email: string, now: Date): Promise<CurrentUser> =>
  currentUserByEmail(db, email, now, TIME_ZONE);
