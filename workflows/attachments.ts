// R20 (issue 14): who may attach files to a request and take them off again, and whether taking
// one off deletes it or only withdraws it. The caller has already checked that the person may
// see the request (R1).
import type { RequestContext } from "./context";
import { holds } from "./roles";
import type { Reason } from "./rules";
import type { StateName } from "./states";
import type { Actor, Role } from "./types";

/** The requester's own stages: a draft, and a request sent back for changes. */
const DEPARTMENT_STAGES: StateName[] = ["draft", "changesRequested"];

/** COM's reviewers, the Contact Center's analysts and Finance add notes whenever they can see the request. */
const REVIEWING_ROLES: Role[] = ["director", "assistant_director", "analyst", "finance"];

type Facts = Pick<RequestContext, "departmentId">;

export function attachCheck(state: StateName, ctx: Facts, actor: Actor): Reason {
  if (REVIEWING_ROLES.some((role) => holds(actor, role))) return null;
  if (holds(actor, "requester") && actor.departmentId === ctx.departmentId) {
    return DEPARTMENT_STAGES.includes(state)
      ? null
      : "Your department adds files while the request is a draft or when changes are asked for.";
  }
  return "Only the department's requesters, COM's reviewers, the Contact Center's analysts and Finance can attach files.";
}

/** A file comes off as it went on: by the person who added it, while they may still attach. */
export function removeCheck(state: StateName, ctx: Facts, actor: Actor, file: { addedById: string; withdrawn: boolean }): Reason {
  if (file.withdrawn) return "This file was already withdrawn.";
  if (file.addedById !== actor.userId) return "Only the person who added a file can take it off.";
  return attachCheck(state, ctx, actor);
}

/**
 * Before the first submission nobody outside the department has seen the file: it is deleted.
 * After, it is only withdrawn, so the record of what was seen and approved stays (R20).
 */
export function removalKind(firstSubmittedAt: string | null): "delete" | "withdraw" {
  return firstSubmittedAt === null ? "delete" : "withdraw";
}
