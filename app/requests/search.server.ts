// Search on request title, reference and description, as a condition on the Request table aliased `r`:
// a case-insensitive substring match on either database (decision 0011).
//
// SQLite: a word in few requests is looked up in the trigram index (migration …_search_descriptions), so a
// rare or absent word costs a lookup, not a read of every row. A word in many requests reads
// the list's own order instead: the first page's matches are then among the first rows, while
// the index would return every match only for them to be sorted. Shorter than a trigram, the
// index cannot answer, and LIKE does. Either way the list reads its order, from an index that
// holds the searched columns when the search is its only filter (migration …_request_search_scan).
//
// PostgreSQL: LIKE over the searched columns lowercased into one generated column, which a trigram
// GIN index holds (pg_trgm; migrations …_request_search and …_request_search_text): the same
// matches as ILIKE on each column, without lowercasing every row tested. Its planner weighs that
// index against the ordered scan itself; the ordered scan reads an index that holds the column
// in the list's order (migration …_request_search_scan), as SQLite's does.
import { memoised, type MemoSpace } from "~/dataVersionMemo.server";
import { engineOf } from "~/db/engine";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";

const TRIGRAM = 3;
/** Up to this many matches, the index's list is read and sorted; more, the ordered scan is cheaper. */
const FEW = 500;

/** The text as a LIKE pattern for a substring: LIKE matches % and _ literally only when they are escaped. */
const substring = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQLite: LIKE on each searched column. */
function like(text: string): Prisma.Sql {
  const pattern = substring(text);
  return Prisma.sql`(r.title LIKE ${pattern} ESCAPE '\\' OR r.reference LIKE ${pattern} ESCAPE '\\' OR r.description LIKE ${pattern} ESCAPE '\\')`;
}

/** The text as one FTS5 phrase: inside double quotes, a double quote is doubled; nothing else is special. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Words whose count of matches is known: a memo of their own, the most recent 200 kept. */
const WORD_COUNTS: MemoSpace = { name: "search words", entries: 200 };

/**
 * Whether the phrase is in more than FEW requests. Counting them costs more than the list's own
 * query, so the answer is kept per data version. Either answer finds the same rows: an answer
 * gone stale after a change would only choose the slower way.
 */
function inManyRequests(db: PrismaClient, match: string): Promise<boolean> {
  return memoised(
    db,
    match,
    async () => {
      const [{ found }] = await readRows<{ found: number | bigint }>(db, Prisma.sql`
        SELECT count(*) AS found FROM (SELECT 1 FROM "RequestSearch" WHERE "RequestSearch" MATCH ${match} LIMIT ${FEW + 1})`);
      return Number(found) > FEW;
    },
    WORD_COUNTS,
  );
}

export interface SearchCondition {
  where: Prisma.Sql;
  /**
   * The list may read the condition from the index that holds the searched columns in the list's
   * order (migrations …_request_search_scan): on SQLite when it is read row by row in that order;
   * on PostgreSQL always, its planner choosing between that index and the trigram index.
   */
  scansInOrder: boolean;
}

export async function searchCondition(db: PrismaClient, text: string): Promise<SearchCondition> {
  if (engineOf(db) === "postgres") return { where: Prisma.sql`r."searchText" LIKE lower(${substring(text)}) ESCAPE '\\'`, scansInOrder: true };
  if ([...text].length < TRIGRAM) return { where: like(text), scansInOrder: true };
  const match = phrase(text);
  if (await inManyRequests(db, match)) return { where: like(text), scansInOrder: true };
  return { where: Prisma.sql`r.rowid IN (SELECT rowid FROM "RequestSearch" WHERE "RequestSearch" MATCH ${match})`, scansInOrder: false };
}

/**
 * Where a page of a search alone reads its requests (the Request table aliased `r`) and what it
 * keeps of them: the index holding the searched columns in the list's order, so that the table is
 * read only for the page's matches. SQLite is told to use that index. PostgreSQL reads the table
 * for each row a condition tests unless the query asks for nothing the index lacks, so the page's
 * ids come first, from an index-only scan, then their rows.
 */
export function searchScan(db: PrismaClient, conditions: Prisma.Sql, order: Prisma.Sql, limit: number): { from: Prisma.Sql; where: Prisma.Sql } {
  if (engineOf(db) === "sqlite") return { from: Prisma.sql`"Request" r INDEXED BY "Request_search_scan_idx"`, where: conditions };
  return {
    from: Prisma.sql`(SELECT r.id FROM "Request" r WHERE ${conditions} ORDER BY ${order} LIMIT ${limit}) page, "Request" r`,
    where: Prisma.sql`r.id = page.id`,
  };
}

/** Rebuilt at each start on SQLite: the index is keyed by rowid, which a VACUUM may renumber. PostgreSQL's needs nothing. */
export async function rebuildSearchIndex(db: PrismaClient): Promise<void> {
  if (engineOf(db) === "postgres") return;
  await db.$executeRaw`INSERT INTO "RequestSearch"("RequestSearch") VALUES ('rebuild')`;
}
