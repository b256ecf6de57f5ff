import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";

/** Anyone who may see a request may comment on it; the caller has checked that (R1). */
export async function addComment(db: PrismaClient, user: CurrentUser, requestId: string, body: string, now: Date) {
  await db.comment.create({ data: { requestId, authorId: user.id, body, createdAt: now } });
}
