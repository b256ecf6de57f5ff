// Reading requests: lists, one request, and "my tasks". Every read is filtered by R1.
import type { CurrentUser } from "~/auth/session.server";
import { Prisma, type AuditEntry, type PrismaClient, type Request } from "~/generated/prisma/client";
import { availableActions, isStateName, isTask, localDate, REQUEST_TYPES, restore, stateName, TASK_EVENTS, type AvailableAction, type RequestType, type StateName } from "workflows";
import { engineOf } from "~/db/engine";
import { readRows } from "~/db/rawReads.server";
import { seesEverything, visibleSql } from "./access.server";
import { cursorAt, NO_DUE_DATE, parseCursor, type Cursor, type TaskCursor } from "./listCursor";
import { searchCondition, searchScan } from "./search.server";
import { actionsKey, recalledActions, rememberActions } from "./actionsMemo.server";
import { actorOf } from "./actor.server";
import { eventContextColumns, eventContextOf, type EventContext, type EventContextColumns } from "./eventContext.server";

export const PAGE_SIZE = 25;

export interface ListFilters {
  state?: StateName;
  type?: RequestType;
  departmentId?: string;
  /** Effective date on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
  q?: string;
  /** Why `q` cannot be searched for; the list is then empty. */
  searchError?: string;
  /** The page after this row, or the page before this row; the first page without either. */
  after?: Cursor;
  before?: Cursor;
  /** Only the page's number in its heading: the cursor says where it starts. */
  page: number;
}

/**
 * SQLite's full-text query parser refuses a NUL even inside a quoted phrase (issue 15, item 4),
 * and no title or reference holds a control character: such a search is refused with a reason.
 */
export const SEARCH_CONTROL_MESSAGE = "Remove the control characters (such as tabs or line breaks) from the search";

export function filtersFrom(params: URLSearchParams): ListFilters {
  const pick = (name: string) => params.get(name)?.trim() || undefined;
  const state = pick("state");
  const type = pick("type");
  const date = (name: string) => {
    const value = pick(name);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const after = parseCursor(pick("after"));
  const before = after ? undefined : parseCursor(pick("before"));
  const page = Number(pick("page") ?? "1");
  const q = pick("q")?.slice(0, 100);
  return {
    state: state && isStateName(state) ? state : undefined,
    type: type && (REQUEST_TYPES as readonly string[]).includes(type) ? (type as RequestType) : undefined,
    departmentId: pick("department"),
    from: date("from"),
    to: date("to"),
    q,
    searchError: q && /\p{Cc}/u.test(q) ? SEARCH_CONTROL_MESSAGE : undefined,
    after,
    before,
    page: (after || before) && Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** A row of a request list, as `RequestTable` shows it. */
export interface RequestListRow {
  id: string;
  reference: string;
  title: string;
  type: string;
  state: string;
  effectiveDate: string | null;
  department: { name: string };
}

export interface RequestListPage {
  rows: RequestListRow[];
  page: number;
  /** Where the previous and next pages start, when there are such pages. */
  previous: Cursor | null;
  next: Cursor | null;
}

type ListRow = Omit<RequestListRow, "department"> & { updatedAt: Date; departmentName: string };

/**
 * One page of the requests this person may see (R1), newest change first. One raw query:
 * keyset paging on the (updatedAt, id) indexes reads one page's rows however deep the page,
 * and one row more than a page says whether another page follows, without counting.
 */
export async function listRequests(db: PrismaClient, user: CurrentUser, filters: ListFilters): Promise<RequestListPage> {
  if (filters.searchError) return { rows: [], page: 1, previous: null, next: null };
  const backwards = filters.before !== undefined;
  const found = await readRows<ListRow>(db, await listPageSql(db, user, filters));
  const more = found.length > PAGE_SIZE;
  const rows = found.slice(0, PAGE_SIZE);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows: rows.map(({ departmentName, updatedAt: _updatedAt, ...row }) => ({ ...row, department: { name: departmentName } })),
    page: filters.page,
    previous: first && (backwards ? more : filters.after !== undefined) ? cursorAt(first.updatedAt, first.id) : null,
    next: last && (backwards || more) ? cursorAt(last.updatedAt, last.id) : null,
  };
}

type VisibleRow = Request & {
  departmentCode: string;
  departmentName: string;
  departmentPartnerSince: string | null;
  departmentCreatedAt: Date;
  departmentUpdatedAt: Date;
  submitterName: string;
  submitterEmail: string;
};

/** The request's columns as the data model has them: not `r.*`, which would bring PostgreSQL's search column too. */
const REQUEST_COLUMNS = Prisma.raw(Object.values(Prisma.RequestScalarFieldEnum).map((column) => `r."${column}"`).join(", "));

/** A request with its department and submitter, in one raw query: every request page and event reads it first. */
async function readRequest<Extra extends object = object>(db: PrismaClient, id: string, visible: Prisma.Sql, extra: Prisma.Sql = Prisma.empty) {
  const [row] = await readRows<VisibleRow & Extra>(db, Prisma.sql`
    SELECT ${REQUEST_COLUMNS}, d.code AS "departmentCode", d.name AS "departmentName", d."partnerSince" AS "departmentPartnerSince",
           d."createdAt" AS "departmentCreatedAt", d."updatedAt" AS "departmentUpdatedAt",
           u.name AS "submitterName", u.email AS "submitterEmail" ${extra}
    FROM "Request" r
    JOIN "Department" d ON d.id = r."departmentId"
    JOIN "User" u ON u.id = r."submitterId"
    WHERE r.id = ${id} AND ${visible}`, { prepared: true });
  return row;
}

function requestOf(row: VisibleRow) {
  const {
    departmentCode,
    departmentName,
    departmentPartnerSince,
    departmentCreatedAt,
    departmentUpdatedAt,
    submitterName,
    submitterEmail,
    ...request
  } = row;
  return {
    ...request,
    department: {
      id: request.departmentId,
      code: departmentCode,
      name: departmentName,
      partnerSince: departmentPartnerSince,
      createdAt: departmentCreatedAt,
      updatedAt: departmentUpdatedAt,
    },
    submitter: { id: request.submitterId, name: submitterName, email: submitterEmail },
  };
}

/** A request with its department and submitter, as every request page and event reads it. */
export type RequestRow = ReturnType<typeof requestOf>;

/** Any request, for the transition service (which applies R1 itself, so the clock may act too). */
export async function findRequest(db: PrismaClient, id: string): Promise<RequestRow | null> {
  const row = await readRequest(db, id, Prisma.sql`1 = 1`);
  return row ? requestOf(row) : null;
}

/** What an event needs, in one query: any request (as `findRequest`) and its context (the holidays, the people its e-mails may go to). */
export async function findRequestForEvent(db: PrismaClient, id: string): Promise<({ request: RequestRow } & EventContext) | null> {
  const row = await readRequest<EventContextColumns>(db, id, Prisma.sql`1 = 1`, Prisma.sql`, ${eventContextColumns(db)}`);
  if (!row) return null;
  const { holidays, roleHolders, ...request } = row;
  return { request: requestOf(request), ...eventContextOf({ holidays, roleHolders }) };
}

/** One request as this person may see it, or a 404 that says nothing more (R1). */
export async function findVisibleRequest(db: PrismaClient, user: CurrentUser, id: string) {
  const row = await readRequest(db, id, visibleSql(user));
  if (!row) throw new Response("Not found", { status: 404 });
  return requestOf(row);
}

export type AuditLine = Pick<AuditEntry, "id" | "at" | "actorName" | "role" | "acting" | "event" | "fromState" | "toState" | "comment">;

/**
 * A request's history, oldest first (a long one has hundreds of entries: one raw query). The
 * chain's COMMENT entries are left out: the page shows the comments in their own section.
 */
export async function auditTrail(db: PrismaClient, requestId: string): Promise<AuditLine[]> {
  return readRows<AuditLine>(db, Prisma.sql`
    SELECT id, at, "actorName", role, acting, event, "fromState", "toState", comment
    FROM "AuditEntry" WHERE "requestId" = ${requestId} AND event <> 'COMMENT' ORDER BY id`, { prepared: true });
}

export interface RecentAudit {
  /** The latest entries, oldest first. */
  entries: AuditLine[];
  /** How many entries the whole history has. */
  total: number;
}

/** The latest `last` entries of a request's history (as auditTrail), and the history's length: a page shows only these. */
export async function recentAudit(db: PrismaClient, requestId: string, last: number): Promise<RecentAudit> {
  // The count as a subquery, computed once: a window's count would read every entry, comments and all, before the limit.
  const rows = await readRows<AuditLine & { total: number }>(db, Prisma.sql`
    SELECT id, at, "actorName", role, acting, event, "fromState", "toState", comment,
           CAST((SELECT COUNT(*) FROM "AuditEntry" WHERE "requestId" = ${requestId} AND event <> 'COMMENT') AS INTEGER) AS total
    FROM "AuditEntry" WHERE "requestId" = ${requestId} AND event <> 'COMMENT' ORDER BY id DESC LIMIT ${last}`, { prepared: true });
  return { entries: rows.reverse().map(({ total: _total, ...entry }) => entry), total: rows.length === 0 ? 0 : Number(rows[0].total) };
}

export async function commentsOn(db: PrismaClient, requestId: string) {
  const rows = await readRows<{ id: string; body: string; createdAt: Date; authorName: string }>(db, Prisma.sql`
    SELECT c.id, c.body, c."createdAt", u.name AS "authorName"
    FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
    WHERE c."requestId" = ${requestId} ORDER BY c."createdAt", c.id`, { prepared: true });
  return rows.map((row) => ({ id: row.id, body: row.body, createdAt: row.createdAt, author: { name: row.authorName } }));
}

export interface Task {
  id: string;
  reference: string;
  title: string;
  state: string;
  effectiveDate: string | null;
  taskSince: Date | null;
  actions: AvailableAction[];
}

/** Tasks on a page of "my tasks": as many as a page of the request list. */
export const TASKS_PER_PAGE = PAGE_SIZE;
/** Candidates read per query: a page of tasks even when most open requests wait on others. */
const TASK_BATCH = 100;
/** At most this many open requests are asked about per page, whatever the portal holds. */
const TASK_CANDIDATES = 600;

export interface TaskPage {
  tasks: Task[];
  /** Where to look for more: after the last task shown, or after the last request asked about. */
  next: TaskCursor | null;
}

/** Where a request without a taskSince sorts; none should be open without one. */
const EPOCH = new Date(0);

/**
 * What waits on this person now, the nearest effective date first (the fewest days left), then
 * the longest waiting: the machine decides what each may do. One task more than a page says
 * whether more follow, without asking about every request.
 */
export async function myTasks(
  db: PrismaClient,
  user: CurrentUser,
  now: Date,
  timeZone: string,
  { limit = TASKS_PER_PAGE, after }: { limit?: number; after?: TaskCursor } = {},
): Promise<TaskPage> {
  const actor = actorOf(user);
  const at = now.toISOString();
  const today = localDate(now, timeZone);
  const tasks: Task[] = [];
  let from = after;
  // Batches, in task order, until the page is full: the snapshots read (and restored) stay
  // about one page's worth, not every open request's.
  for (let examined = 0; examined < TASK_CANDIDATES; examined += TASK_BATCH) {
    const candidates = await readRows<Omit<Task, "actions"> & { version: number }>(db, taskCandidatesSql(db, user, from));
    // The machine is asked only about requests it was not asked about at this version, today, for
    // this person: only their snapshots are read (a batch of them is most of what the page would read).
    const keys = new Map(candidates.map((c) => [c.id, actionsKey(c, user, today)]));
    const unknown = candidates.filter((c) => !recalledActions(keys.get(c.id)!)).map((c) => c.id);
    for (const [id, stored] of await snapshotsOf(db, unknown)) {
      const restored = restore(stored.snapshot, stored.machineVersion);
      rememberActions(keys.get(id)!, availableActions(restored, actor, at, TASK_EVENTS).filter((a) => isTask(stateName(restored), a.type)));
    }
    for (const { version: _version, ...c } of candidates) {
      from = placeOf(c);
      const actions = recalledActions(keys.get(c.id)!) ?? [];
      if (actions.length === 0) continue;
      if (tasks.length === limit) return { tasks, next: placeOf(tasks[limit - 1]) };
      tasks.push({ ...c, actions });
    }
    if (candidates.length < TASK_BATCH) return { tasks, next: null };
  }
  // Enough asked for one page: more may wait further on.
  return { tasks, next: from ?? null };
}

/** The machine's snapshots of these requests, by id (a draft deleted since it was listed is left out). */
async function snapshotsOf(db: PrismaClient, ids: string[]): Promise<Map<string, { snapshot: string; machineVersion: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await readRows<{ id: string; snapshot: string; machineVersion: number }>(db, Prisma.sql`
    SELECT id, snapshot, "machineVersion" FROM "Request" WHERE id IN (${Prisma.join(ids)})`);
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/**
 * A page of the list and one row more (whether more follow): newest change first, or oldest first
 * from a `before` cursor. A filter on the state reads its index in this order (state, change, id).
 */
export async function listPageSql(db: PrismaClient, user: CurrentUser, filters: ListFilters): Promise<Prisma.Sql> {
  const where: Prisma.Sql[] = [visibleSql(user)];
  if (filters.state) where.push(Prisma.sql`r.state = ${filters.state}`);
  if (filters.type) where.push(Prisma.sql`r.type = ${filters.type}`);
  if (filters.departmentId) where.push(Prisma.sql`r."departmentId" = ${filters.departmentId}`);
  if (filters.from) where.push(Prisma.sql`r."effectiveDate" >= ${filters.from}`);
  if (filters.to) where.push(Prisma.sql`r."effectiveDate" <= ${filters.to}`);
  const search = filters.q ? await searchCondition(db, filters.q) : null;
  if (search) where.push(search.where);
  // A search alone, by someone who sees every request, reads the list's order from the index that
  // holds the searched columns: the table only for the page's matches. Any other filter, or a
  // department's view, has an index of its own in that order.
  const onlySearch = search?.scansInOrder && seesEverything(user) && where.length === 2;
  const backwards = filters.before !== undefined;
  const from = filters.after ?? filters.before;
  if (from) {
    // A Date parameter is written as the column stores it, so the two compare as stored.
    const at = new Date(from.at);
    where.push(
      backwards ? Prisma.sql`(r."updatedAt", r.id) > (${at}, ${from.id})` : Prisma.sql`(r."updatedAt", r.id) < (${at}, ${from.id})`,
    );
  }
  const order = backwards ? Prisma.sql`r."updatedAt" ASC, r.id ASC` : Prisma.sql`r."updatedAt" DESC, r.id DESC`;
  const limit = PAGE_SIZE + 1;
  const conditions = Prisma.join(where, " AND ");
  const requests = onlySearch ? searchScan(db, conditions, order, limit) : { from: Prisma.sql`"Request" r`, where: conditions };
  return Prisma.sql`
    SELECT r.id, r.reference, r.title, r.type, r.state, r."effectiveDate", r."updatedAt",
           d.name AS "departmentName"
    FROM ${requests.from} JOIN "Department" d ON d.id = r."departmentId"
    WHERE ${requests.where}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

/** The index's expression as the migration writes it: a bound parameter in its place would keep both engines from reading the index in order. */
const DUE = Prisma.sql`COALESCE(r."effectiveDate", ${Prisma.raw(`'${NO_DUE_DATE}'`)})`;

/** A batch of requests awaiting action that this person sees, in task order, after `from`. */
export function taskCandidatesSql(db: PrismaClient, user: CurrentUser, from: TaskCursor | undefined): Prisma.Sql {
  // Someone who sees everything reads the requests awaiting action in task order from the partial
  // index (SQLite's planner would sort them all; PostgreSQL's finds it); a department's few sort cheaply.
  const awaitingIndex =
    seesEverything(user) && engineOf(db) === "sqlite" ? Prisma.sql`INDEXED BY "Request_awaiting_due_idx"` : Prisma.empty;
  return Prisma.sql`
    SELECT r.id, r.reference, r.title, r.state, r."effectiveDate", r."taskSince", r.version
    FROM "Request" r ${awaitingIndex}
    WHERE ${visibleSql(user)} AND r."awaitsAction"
      -- A draft is a task only for the person who started it.
      AND (r.state <> 'draft' OR r."submitterId" = ${user.id})
      AND ${from ? Prisma.sql`(${DUE}, r."taskSince", r.id) > (${from.due}, ${new Date(from.at)}, ${from.id})` : Prisma.sql`1 = 1`}
    ORDER BY ${DUE} ASC, r."taskSince" ASC, r.id ASC
    LIMIT ${TASK_BATCH}`;
}

function placeOf(row: { effectiveDate: string | null; taskSince: Date | null; id: string }): TaskCursor {
  return { due: row.effectiveDate ?? NO_DUE_DATE, ...cursorAt(row.taskSince ?? EPOCH, row.id) };
}
