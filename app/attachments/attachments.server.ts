// A request's files (R20, issue 14): adding, taking off and reading them. Each addition and
// removal is an entry in the request's audit chain, written in the same transaction, naming the
// file and its SHA-256; after the first submission a file is only ever withdrawn.
import { createHash, randomUUID } from "node:crypto";
import type { CurrentUser } from "~/auth/session.server";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { appendNote } from "~/requests/audit.server";
import { actorOf } from "~/requests/actor.server";
import { attachCheck, isStateName, removalKind, removeCheck, type StateName } from "workflows";
import { formatSize, typeLabel } from "./fileTypes";
import type { BlobStore } from "./storage.server";

type Tx = Prisma.TransactionClient;

export interface NewFile {
  /** Already cleaned (fileName.ts). */
  fileName: string;
  /** As sniffed (fileCheck.server.ts). */
  mediaType: string;
  bytes: Uint8Array;
}

export type AttachmentOutcome = { ok: true } | { ok: false; reason: string };

class Refused extends Error {}

interface LockedRequest {
  state: StateName;
  departmentId: string;
  firstSubmittedAt: string | null;
}

/**
 * The request as it stands, its row locked for this transaction (a no-op UPDATE takes the row
 * lock on PostgreSQL; SQLite has one writer): uploads at once to one request are judged one
 * after the other, so together they never pass its total.
 */
async function lockRequest(tx: Tx, requestId: string): Promise<LockedRequest> {
  const [row] = await tx.$queryRaw<Array<{ state: string; departmentId: string; firstSubmittedAt: Date | string | null }>>`
    UPDATE "Request" SET version = version WHERE id = ${requestId} RETURNING state, "departmentId", "firstSubmittedAt"`;
  if (!row || !isStateName(row.state)) throw new Refused("This request does not exist.");
  const first = row.firstSubmittedAt === null ? null : new Date(row.firstSubmittedAt).toISOString();
  return { state: row.state, departmentId: row.departmentId, firstSubmittedAt: first };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function fileFacts(file: { fileName: string; mediaType: string; size: number; sha256: string }): string {
  return `“${file.fileName}” (${typeLabel(file.mediaType)}, ${formatSize(file.size)}, SHA-256 ${file.sha256})`;
}

async function inTransaction(db: PrismaClient, work: (tx: Tx) => Promise<void>): Promise<AttachmentOutcome> {
  try {
    await db.$transaction(work, { timeout: 60_000 });
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

export function addAttachments(
  db: PrismaClient,
  store: BlobStore,
  input: { user: CurrentUser; requestId: string; files: NewFile[]; description: string; now: Date; maxRequestBytes: number },
): Promise<AttachmentOutcome> {
  const actor = actorOf(input.user);
  return inTransaction(db, async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    const refusal = attachCheck(request.state, request, actor);
    if (refusal) throw new Refused(refusal);
    // Withdrawn files count: they are kept for good.
    const stored = await tx.attachment.aggregate({ where: { requestId: input.requestId }, _sum: { size: true } });
    const adding = input.files.reduce((sum, f) => sum + f.bytes.length, 0);
    const already = stored._sum.size ?? 0;
    if (already + adding > input.maxRequestBytes) {
      throw new Refused(
        `The request's files may come to ${formatSize(input.maxRequestBytes)} in all. It holds ${formatSize(already)} already, and ${input.files.length === 1 ? "this file is" : "these files are"} ${formatSize(adding)}.`,
      );
    }
    for (const file of input.files) {
      const row = {
        requestId: input.requestId,
        fileName: file.fileName,
        description: input.description,
        mediaType: file.mediaType,
        size: file.bytes.length,
        sha256: sha256Hex(file.bytes),
        storageKey: randomUUID(),
        addedById: input.user.id,
        createdAt: input.now,
      };
      await tx.attachment.create({ data: row });
      await store.put(tx, row.storageKey, file.bytes);
      await appendNote(tx, { ...noteBy(input), event: "ATTACH", comment: `${fileFacts(row)}: ${input.description}` });
    }
  });
}

/** Who and when, for the audit entry of a file added or taken off: a person acting in no role. */
function noteBy(input: { user: CurrentUser; requestId: string; now: Date }) {
  return { requestId: input.requestId, actorId: input.user.id, actorName: input.user.name, role: null, acting: false, at: input.now };
}

export function removeAttachment(
  db: PrismaClient,
  store: BlobStore,
  input: { user: CurrentUser; requestId: string; attachmentId: string; now: Date },
): Promise<AttachmentOutcome> {
  const actor = actorOf(input.user);
  return inTransaction(db, async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    const file = await tx.attachment.findFirst({ where: { id: input.attachmentId, requestId: input.requestId } });
    if (!file) throw new Refused("That file is not on this request.");
    const refusal = removeCheck(request.state, request, actor, { addedById: file.addedById, withdrawn: file.withdrawnAt !== null });
    if (refusal) throw new Refused(refusal);
    const kind = removalKind(request.firstSubmittedAt);
    if (kind === "delete") {
      await tx.attachment.delete({ where: { id: file.id } });
      await store.remove(tx, file.storageKey);
    } else {
      await tx.attachment.update({ where: { id: file.id }, data: { withdrawnAt: input.now, withdrawnBy: input.user.name } });
    }
    await appendNote(tx, {
      ...noteBy(input),
      event: kind === "delete" ? "REMOVE_ATTACHMENT" : "WITHDRAW_ATTACHMENT",
      comment: fileFacts(file),
    });
  });
}

export interface AttachmentLine {
  id: string;
  fileName: string;
  description: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedById: string;
  addedBy: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

/**
 * The request's files, oldest first, withdrawn ones included, each with the name of who added it.
 * One query with the join: the ORM's include sends a second query for the names, even for none.
 */
export async function attachmentsOf(db: PrismaClient | Tx, requestId: string): Promise<AttachmentLine[]> {
  return readRows<AttachmentLine>(db, Prisma.sql`
    SELECT a.id, a."fileName", a.description, a."mediaType", a.size, a.sha256, a."addedById", u.name AS "addedBy",
           a."createdAt", a."withdrawnAt", a."withdrawnBy"
    FROM "Attachment" a JOIN "User" u ON u.id = a."addedById"
    WHERE a."requestId" = ${requestId} ORDER BY a."createdAt", a.id`, { prepared: true });
}

/** One file's facts and bytes, when it belongs to this request (the caller has checked that the person may see it). */
export async function readAttachment(db: PrismaClient, store: BlobStore, requestId: string, attachmentId: string) {
  const file = await db.attachment.findFirst({ where: { id: attachmentId, requestId } });
  if (!file) return null;
  const bytes = await store.get(file.storageKey);
  return bytes ? { file, bytes } : null;
}
