// The latest comment given with one kind of event, in the words and name of who gave it: the
// reviewer's request for changes beside the edit form (R9), the department's reason for
// disputing a fee on Finance's reassessment page.
import type { ChangeRequestQuote } from "~/components/ChangesAskedFor";
import { shownInstant } from "~/format";
import type { AuditEntry, PrismaClient } from "~/generated/prisma/client";
import { actorLabel, type RequestEventType, type ActorRole } from "workflows";

type Authored = Pick<AuditEntry, "actorName" | "role" | "acting">;

/** Who made an audit entry, as pages name them: "Dana Director, Director". */
export function entryAuthor(entry: Authored): string {
  return actorLabel(entry.actorName, entry.role ? { role: entry.role as ActorRole, acting: entry.acting } : null);
}

/** An audit entry quoted on a page: whose words, when (in the county's time), what they said. */
export function quoteOf(entry: Authored & Pick<AuditEntry, "at" | "comment">, timeZone: string): ChangeRequestQuote {
  return { comment: entry.comment ?? "", who: entryAuthor(entry), at: shownInstant(entry.at, timeZone) };
}

export async function latestComment(db: PrismaClient, requestId: string, event: RequestEventType, timeZone: string): Promise<ChangeRequestQuote | null> {
  const entry = await db.auditEntry.findFirst({
    where: { requestId, event },
    orderBy: { id: "desc" },
    select: { comment: true, actorName: true, role: true, acting: true, at: true },
  });
  return entry ? quoteOf(entry, timeZone) : null;
}
