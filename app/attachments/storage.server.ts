// Where attachments' bytes live. Today the database (decision 0022): backups, several portal
// instances and PostgreSQL need nothing else, and no instance has a folder the others cannot see.
// The interface leaves room for an object store: only this module knows where the bytes are.
import { db } from "~/db.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface BlobStore {
  /** Keep the bytes under `key`, within the caller's transaction where the store has one. */
  put(tx: Tx, key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Only for files deleted before the request's first submission (R20). */
  remove(tx: Tx, key: string): Promise<void>;
}

export function databaseBlobStore(db: PrismaClient): BlobStore {
  return {
    async put(tx, key, bytes) {
      await tx.attachmentBlob.create({ data: { key, bytes: Uint8Array.from(bytes) } });
    },
    async get(key) {
      const row = await db.attachmentBlob.findUnique({ where: { key } });
      return row ? new Uint8Array(row.bytes) : null;
    },
    async remove(tx, key) {
      await tx.attachmentBlob.deleteMany({ where: { key } });
    },
  };
}

/** The store the portal uses. */
export function blobStore(): BlobStore {
  return databaseBlobStore(db);
}
