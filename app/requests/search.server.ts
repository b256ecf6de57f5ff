// Search on request title, reference and description, as a condition on the Request table aliased `r`.
// A word in few requests is looked up in the trigram index (migration …_search_descriptions), so a
// rare or absent word costs a lookup, not a read of every row. A word in many requests reads
// the list's own order instead: the first page's matches are then among the first rows, while
// the index would return every match only for them to be sorted. Shorter than a trigram, the
// index cannot answer, and LIKE does.
import { Prisma, type PrismaClient } from "~/generated/prisma/client";

const TRIGRAM = 3;
/** Up to this many matches, the index's list is read and sorted; more, the ordered scan is cheaper. */
const FEW = 500;

/** LIKE matches its pattern's % and _ literally only when they are escaped. */
function like(text: string): Prisma.Sql {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`(r.title LIKE ${pattern} ESCAPE '\\' OR r.reference LIKE ${pattern} ESCAPE '\\' OR r.description LIKE ${pattern} ESCAPE '\\')`;
}

/** The text as one FTS5 phrase: inside double quotes, a double quote is doubled; nothing else is special. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

export async function searchCondition(db: PrismaClient, text: string): Promise<Prisma.Sql> {
  if ([...text].length < TRIGRAM) return like(text);
  const match = phrase(text);
  const [{ found }] = await db.$queryRaw<Array<{ found: number | bigint }>>`
    SELECT count(*) AS found FROM (SELECT 1 FROM "RequestSearch" WHERE "RequestSearch" MATCH ${match} LIMIT ${FEW + 1})`;
  if (Number(found) > FEW) return like(text);
  return Prisma.sql`r.rowid IN (SELECT rowid FROM "RequestSearch" WHERE "RequestSearch" MATCH ${match})`;
}

/** Rebuilt at each start: the index is keyed by rowid, which a VACUUM may renumber. */
export async function rebuildSearchIndex(db: PrismaClient): Promise<void> {
  await db.$executeRaw`INSERT INTO "RequestSearch"("RequestSearch") VALUES ('rebuild')`;
}
