// Pages that belong to some roles only (analysis form, fee form, finance report, calendar,
// administration). A signed-in person without one of those roles gets 403: the page exists,
// they just may not use it. Requests a person may not see are a different matter (404, R1).
import type { Role } from "workflows";
import { hasRole, requireUser, type CurrentUser } from "./session.server";

export function holdsAny(user: CurrentUser, roles: readonly Role[]): boolean {
  return roles.some((role) => hasRole(user, role));
}

/** The signed-in user when they hold one of `roles` now (acting appointments count, R3); else 403. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!holdsAny(user, roles)) throw new Response("Forbidden", { status: 403 });
  return user;
}
