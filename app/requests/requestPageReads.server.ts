// What a request's page reads besides the request itself: its history (the latest entries, or all
// of them), its comments and its files. On SQLite these are three reads of the file, in process.
// On PostgreSQL each read is a round trip. Under load a round trip cost the portal's process
// 0.3–0.6 ms of CPU, against a page's 5, so there the three are one statement (decision 0038).
// The same rows come back either way (tests/integration/request-page-reads.test.ts).
import { attachmentsOf, type AttachmentLine } from "~/attachments/attachments.server";
import { engineOf } from "~/db/engine";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { auditTrail, commentsOn, recentAudit, type AuditLine, type RecentAudit } from "./queries.server";

export interface RequestPageReads {
  history: RecentAudit;
  comments: Awaited<ReturnType<typeof commentsOn>>;
  files: AttachmentLine[];
}

/** `last` entries of the history (all of them when null), the comments and the files, oldest first. */
export async function requestPageReads(db: PrismaClient, requestId: string, last: number | null): Promise<RequestPageReads> {
  if (engineOf(db) === "postgres") return readTogether(db, requestId, last);
  const [history, comments, files] = await Promise.all([
    last === null ? auditTrail(db, requestId).then((entries) => ({ entries, total: entries.length })) : recentAudit(db, requestId, last),
    commentsOn(db, requestId),
    attachmentsOf(db, requestId),
  ]);
  return { history, comments, files };
}

/** A row of json_agg: its timestamps as PostgreSQL writes a timestamp(3) (UTC, without a zone). */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

const instant = (text: string) => new Date(`${text}Z`);

async function readTogether(db: PrismaClient, requestId: string, last: number | null): Promise<RequestPageReads> {
  const [row] = await readRows<{
    audit: Json<AuditLine>[];
    total: number;
    comments: Json<{ id: string; body: string; createdAt: Date; authorName: string }>[];
    files: Json<AttachmentLine>[];
  }>(
    db,
    Prisma.sql`
      SELECT
        (SELECT COALESCE(json_agg(e ORDER BY e.id), '[]') FROM (
           SELECT id, at, "actorName", role, acting, event, "fromState", "toState", comment
           FROM "AuditEntry" WHERE "requestId" = ${requestId} AND event <> 'COMMENT' ORDER BY id DESC LIMIT ${last}) e) AS audit,
        (SELECT COUNT(*) FROM "AuditEntry" WHERE "requestId" = ${requestId} AND event <> 'COMMENT')::int AS total,
        (SELECT COALESCE(json_agg(c ORDER BY c."createdAt", c.id), '[]') FROM (
           SELECT c.id, c.body, c."createdAt", u.name AS "authorName"
           FROM "Comment" c JOIN "User" u ON u.id = c."authorId" WHERE c."requestId" = ${requestId}) c) AS comments,
        (SELECT COALESCE(json_agg(a ORDER BY a."createdAt", a.id), '[]') FROM (
           SELECT a.id, a."fileName", a.description, a."mediaType", a.size, a.sha256, a."addedById", u.name AS "addedBy",
                  a."createdAt", a."withdrawnAt", a."withdrawnBy"
           FROM "Attachment" a JOIN "User" u ON u.id = a."addedById" WHERE a."requestId" = ${requestId}) a) AS files`,
    { prepared: true },
  );
  return {
    history: { entries: row.audit.map((e) => ({ ...e, at: instant(e.at) })), total: Number(row.total) },
    comments: row.comments.map(({ authorName, createdAt, ...c }) => ({ ...c, createdAt: instant(createdAt), author: { name: authorName } })),
    files: row.files.map((f) => ({ ...f, createdAt: instant(f.createdAt), withdrawnAt: f.withdrawnAt === null ? null : instant(f.withdrawnAt) })),
  };
}
