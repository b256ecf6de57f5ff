// The reviewer's latest request for changes, shown beside the edit form (issue 4, R9).
import type { PrismaClient } from "~/generated/prisma/client";

export interface ChangeRequest {
  comment: string;
  by: string;
  at: Date;
}

export async function latestChangeRequest(db: PrismaClient, requestId: string): Promise<ChangeRequest | null> {
  const entry = await db.auditEntry.findFirst({
    where: { requestId, event: "REQUEST_CHANGES" },
    orderBy: { id: "desc" },
    select: { comment: true, actorName: true, at: true },
  });
  return entry ? { comment: entry.comment ?? "", by: entry.actorName, at: entry.at } : null;
}
