// In-process memo for what a page computes from many requests (issue 8): the capacity
// calendar (every request a month may hold: two years of rows) and the Finance report (every
// fee). Both are read far more often than requests change.
//
// The data version is a counter bumped in the transaction of every audit entry that may change
// what the memos read (requests, departments, analyses): every such change writes an entry, so a
// new version is visible exactly when the change is, on either database. (The newest entry's id
// was the version once; PostgreSQL's ids commit out of order, so a smaller id can appear later.)
// A key holding it cannot serve data older than the database.
import { clientOf } from "~/db.server";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";

/** A few months, weeks, days and reports for each version; the least recently used goes first. */
export const MEMO_ENTRIES = 50;

/**
 * A memo and its bound. Many small answers (a search's word counts) get one of their own, so
 * that they cannot push the pages' few large ones out.
 */
export interface MemoSpace {
  name: string;
  entries: number;
}

const PAGES: MemoSpace = { name: "pages", entries: MEMO_ENTRIES };

// Promises, not values: concurrent requests for a key being computed wait for that one read.
// One memo per database client and space, since versions of different databases are not comparable.
const memos = new WeakMap<PrismaClient, Map<string, Map<string, Promise<unknown>>>>();

/**
 * Entries that write nothing the memos read: sign-ins, accounts and roles (a memo's key already
 * holds what the person may see), comments and files, mail. A sign-in no longer empties the
 * memos. Any other event, including one added later, moves the version: a wasted recomputation
 * at worst, never a stale page.
 */
const OUTSIDE_MEMO_DATA = new Set([
  "SIGNED_IN",
  "SSO_LINKED",
  "SSO_UNLINKED",
  "USER_ACCESS_CHANGED",
  "USER_DEACTIVATED",
  "USER_REINVITED",
  "ACTING_APPOINTED",
  "ACTING_REMOVED",
  "MAIL_RETRIED",
  "COMMENT",
  "ATTACH",
  "REMOVE_ATTACHMENT",
  "WITHDRAW_ATTACHMENT",
]);

/** Whether an audit entry of this event moves the data version. */
export function movesDataVersion(event: string): boolean {
  return !OUTSIDE_MEMO_DATA.has(event);
}

/** The statement that moves the data version, for writes sent together (db/together.server.ts). */
export const BUMP_DATA_VERSION = Prisma.sql`UPDATE "DataVersion" SET version = version + 1 WHERE id = 1`;

/** In the transaction of the change: the row's lock is held until it commits. */
export async function bumpDataVersion(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw(BUMP_DATA_VERSION);
}

export async function dataVersion(db: PrismaClient): Promise<number> {
  const [row] = await readRows<{ version: number | bigint | null }>(db, Prisma.sql`SELECT version FROM "DataVersion" WHERE id = 1`, {
    prepared: true,
  });
  return Number(row?.version ?? 0);
}

/** The value computed for `key` at the database's current version, computing it once. */
export async function memoised<T>(db: PrismaClient, key: string, compute: () => Promise<T>, space: MemoSpace = PAGES): Promise<T> {
  const client = clientOf(db);
  const spaces = memos.get(client) ?? new Map<string, Map<string, Promise<unknown>>>();
  memos.set(client, spaces);
  const memo = spaces.get(space.name) ?? new Map<string, Promise<unknown>>();
  spaces.set(space.name, memo);
  const versioned = `${await dataVersion(db)}|${key}`;
  const known = memo.get(versioned) as Promise<T> | undefined;
  const value = known ?? compute();
  if (!known) {
    // A failed read is not remembered: the next request tries again.
    value.catch(() => {
      if (memo.get(versioned) === value) memo.delete(versioned);
    });
  }
  // Re-inserted so that the Map's order is least recently used first.
  memo.delete(versioned);
  memo.set(versioned, value);
  while (memo.size > space.entries) memo.delete(memo.keys().next().value as string);
  return value;
}
