// The latest comment given with one kind of event, in the words and name of who gave it: the
// reviewer's request for changes beside the edit form (R9), the department's reason for
// disputing a fee on Finance's reassessment page.
import type { ChangeRequestQuote } from "~/components/ChangesAskedFor";
import { shownInstant } from "~/format";
import type { PrismaClient } from "~/generated/prisma/client";
import { actorLabel, type RequestEventType, type ActorRole } from "workflows";

export async function latestComment(db: PrismaClient, requestId: string, event: RequestEventType, timeZone: string): Promise<ChangeRequestQuote | null> {
  const entry = await db.auditEntry.findFirst({
    where: { requestId, event },
    orderBy: { id: "desc" },
    select: { comment: true, actorName: true, role: true, acting: true, at: true },
  });
  if (!entry) return null;
  return {
    comment: entry.comment ?? "",
    who: actorLabel(entry.actorName, entry.role ? { role: entry.role as ActorRole, acting: entry.acting } : null),
    at: shownInstant(entry.at, timeZone),
  };
}
