// R15: the request a draft was copied from, named on the copy's pages, when this person may see it (R1).
import type { CurrentUser } from "~/auth/session.server";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { visibleSql } from "./access.server";

export interface CopySource {
  id: string;
  reference: string;
  title: string;
}

export async function copiedFrom(db: PrismaClient, user: CurrentUser, copiedFromId: string | null): Promise<CopySource | null> {
  if (copiedFromId === null) return null;
  const [source] = await readRows<CopySource>(db, Prisma.sql`
    SELECT r.id, r.reference, r.title FROM "Request" r WHERE r.id = ${copiedFromId} AND ${visibleSql(user)}`, { prepared: true });
  return source ?? null;
}
