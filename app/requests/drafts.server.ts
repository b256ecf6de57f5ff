// New requests start here: a draft owned by the requester's department.
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { awaitsAction, localDate, MACHINE_VERSION, serialize, startRequest, stateName } from "workflows";
import { mayCreateRequests } from "./access.server";
import type { RequestColumns } from "./answers";
import { appendAudit } from "./audit.server";
import { nextReference } from "./reference.server";

export interface NewDraft {
  user: CurrentUser;
  columns: RequestColumns;
  now: Date;
  timeZone: string;
  /** R15: the lapsed, rejected or withdrawn request this one copies. */
  copiedFromId?: string;
}

export async function createDraft(db: PrismaClient, draft: NewDraft): Promise<{ id: string; reference: string }> {
  const { user, now } = draft;
  if (!mayCreateRequests(user) || user.departmentId === null) {
    throw new Response("Only department requesters can create requests.", { status: 403 });
  }
  const departmentId = user.departmentId;
  const year = Number(localDate(now, draft.timeZone).slice(0, 4));
  return db.$transaction(async (tx) => {
    const reference = await nextReference(tx, year);
    const id = crypto.randomUUID();
    const snapshot = startRequest({ requestId: id, departmentId, createdBy: user.id, timeZone: draft.timeZone });
    await tx.request.create({
      data: {
        id,
        reference,
        ...draft.columns,
        departmentId,
        submitterId: user.id,
        state: stateName(snapshot),
        awaitsAction: awaitsAction(stateName(snapshot)),
        machineVersion: MACHINE_VERSION,
        snapshot: serialize(snapshot),
        copiedFromId: draft.copiedFromId ?? null,
        taskSince: now,
      },
    });
    await appendAudit(tx, {
      requestId: id,
      actorId: user.id,
      actorName: user.name,
      role: "requester",
      acting: false,
      event: draft.copiedFromId ? "COPY" : "CREATE",
      fromState: null,
      toState: "draft",
      comment: null,
      at: now,
    });
    return { id, reference };
  });
}
