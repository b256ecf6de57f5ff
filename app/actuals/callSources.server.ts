// The phone systems' sources and their saved column mappings, and uploads waiting for the
// analyst's preview (issue 19).
import { createHash } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { CallSystem } from "./callSystems";
import { readMapping, type ColumnMapping } from "./columnMapping";

export interface CallSourceView {
  id: string;
  name: string;
  system: CallSystem;
  mapping: ColumnMapping | null;
}

type SourceRow = { id: string; name: string; system: string; mapping: string | null };

const view = (row: SourceRow): CallSourceView => ({ id: row.id, name: row.name, system: row.system as CallSystem, mapping: readMapping(row.mapping) });

export async function callSources(db: PrismaClient): Promise<CallSourceView[]> {
  return (await db.callSource.findMany({ orderBy: { name: "asc" } })).map(view);
}

export async function callSource(db: PrismaClient, id: string): Promise<CallSourceView | null> {
  const row = await db.callSource.findUnique({ where: { id } });
  return row ? view(row) : null;
}

/** The source of that name, made when it is new (names are unique, compared as typed). */
export async function sourceNamed(db: PrismaClient, name: string, system: CallSystem): Promise<CallSourceView> {
  return view(await db.callSource.upsert({ where: { name }, create: { name, system }, update: {} }));
}

export async function saveMapping(db: PrismaClient, sourceId: string, mapping: ColumnMapping): Promise<void> {
  await db.callSource.update({ where: { id: sourceId }, data: { mapping: JSON.stringify(mapping) } });
}

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Keep an uploaded export until the analyst imports it from its preview. */
export async function stageUpload(db: PrismaClient, input: { sourceId: string; fileName: string; bytes: Uint8Array; userId: string }): Promise<string> {
  const row = await db.callUpload.create({
    data: { sourceId: input.sourceId, fileName: input.fileName, sha256: sha256Of(input.bytes), bytes: Uint8Array.from(input.bytes), uploadedById: input.userId },
  });
  return row.id;
}

export async function stagedUpload(db: PrismaClient, id: string) {
  const row = await db.callUpload.findUnique({ where: { id }, include: { source: true } });
  return row ? { ...row, bytes: new Uint8Array(row.bytes), source: view(row.source) } : null;
}

export async function dropUpload(db: PrismaClient, id: string): Promise<void> {
  await db.callUpload.deleteMany({ where: { id } });
}

/** The latest imports, for the import page. */
export async function recentImports(db: PrismaClient, take = 10) {
  return db.callImport.findMany({ orderBy: { createdAt: "desc" }, take, include: { source: { select: { name: true } } } });
}
