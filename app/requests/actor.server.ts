import type { CurrentUser } from "~/auth/session.server";
import type { Actor } from "workflows";

/** The signed-in person as the machine sees them: roles in force now, acting ones marked (R3). */
export function actorOf(user: CurrentUser): Actor {
  return { userId: user.id, name: user.name, departmentId: user.departmentId, roles: user.roles };
}
