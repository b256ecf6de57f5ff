// What every request page and its actions start from: the signed-in person (holding one of
// `roles`, when the page belongs to some roles only), the request as they may see it (404
// otherwise, R1), its snapshot as the machine reads it, and the moment the page works at.
import { requireRole } from "~/auth/require-role.server";
import { requireUser, type CurrentUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { getSettings } from "~/settings.server";
import { restore, type Actor, type RequestSnapshot, type Role } from "workflows";
import { actorOf } from "./actor.server";
import { findVisibleRequest, type RequestRow } from "./queries.server";
import type { TransitionOutcome } from "./transition.server";

export interface RequestInContext {
  user: CurrentUser;
  actor: Actor;
  row: RequestRow;
  snapshot: RequestSnapshot;
  now: Date;
  timeZone: string;
}

export async function requestInContext(request: Request, id: string | undefined, roles?: readonly Role[]): Promise<RequestInContext> {
  const user = roles ? await requireRole(request, roles) : await requireUser(request);
  const row = await findVisibleRequest(db, user, id ?? "");
  return {
    user,
    actor: actorOf(user),
    row,
    snapshot: restore(row.snapshot, row.machineVersion),
    now: new Date(),
    timeZone: getSettings().timeZone,
  };
}

/** A refused step as the page reports it; a request that vanished meanwhile is a 404, like one never seen (R1). */
export function refusalOf(outcome: Extract<TransitionOutcome, { ok: false }>): { reason: string; status: 409 | 422 } {
  if (outcome.status === 404) throw new Response("Not found", { status: 404 });
  return { reason: outcome.reason, status: outcome.status };
}
