import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { appendNote } from "./audit.server";

/**
 * Anyone who may see a request may comment on it; the caller has checked that (R1). The comment
 * is recorded in the request's audit chain in the same transaction (issue 15, item 2), so one
 * edited or deleted in the database shows in audit:verify.
 */
export async function addComment(db: PrismaClient, user: CurrentUser, requestId: string, body: string, now: Date) {
  await db.$transaction(async (tx) => {
    const auditEntryId = await appendNote(tx, {
      requestId,
      actorId: user.id,
      actorName: user.name,
      role: null,
      acting: false,
      event: "COMMENT",
      comment: body,
      at: now,
    });
    await tx.comment.create({ data: { requestId, authorId: user.id, body, createdAt: now, auditEntryId } });
  });
}
