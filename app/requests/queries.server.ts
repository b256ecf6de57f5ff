// Reading requests: lists, one request, and "my tasks". Every read is filtered by R1.
import type { CurrentUser } from "~/auth/session.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { availableActions, restore, type AvailableAction } from "../../workflows/engine";
import type { RequestEventType } from "../../workflows/events";
import { isStateName, type StateName } from "../../workflows/states";
import { REQUEST_TYPES, type RequestType } from "../../workflows/types";
import { visibleTo } from "./access.server";
import { actorOf } from "./actor.server";

export const PAGE_SIZE = 25;

export interface ListFilters {
  state?: StateName;
  type?: RequestType;
  departmentId?: string;
  /** Effective date on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
  q?: string;
  page: number;
}

export function filtersFrom(params: URLSearchParams): ListFilters {
  const pick = (name: string) => params.get(name)?.trim() || undefined;
  const state = pick("state");
  const type = pick("type");
  const date = (name: string) => {
    const value = pick(name);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const page = Number(pick("page") ?? "1");
  return {
    state: state && isStateName(state) ? state : undefined,
    type: type && (REQUEST_TYPES as readonly string[]).includes(type) ? (type as RequestType) : undefined,
    departmentId: pick("department"),
    from: date("from"),
    to: date("to"),
    q: pick("q")?.slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

const listSelect = {
  id: true,
  reference: true,
  title: true,
  type: true,
  state: true,
  effectiveDate: true,
  updatedAt: true,
  department: { select: { name: true, code: true } },
} satisfies Prisma.RequestSelect;

export type RequestListRow = Prisma.RequestGetPayload<{ select: typeof listSelect }>;

export async function listRequests(db: PrismaClient, user: CurrentUser, filters: ListFilters) {
  const where: Prisma.RequestWhereInput = {
    AND: [
      visibleTo(user),
      filters.state ? { state: filters.state } : {},
      filters.type ? { type: filters.type } : {},
      filters.departmentId ? { departmentId: filters.departmentId } : {},
      filters.from ? { effectiveDate: { gte: filters.from } } : {},
      filters.to ? { effectiveDate: { lte: filters.to } } : {},
      filters.q ? { OR: [{ title: { contains: filters.q } }, { reference: { contains: filters.q } }] } : {},
    ],
  };
  // One row more than a page tells whether there is a next page without counting the table.
  const rows = await db.request.findMany({
    where,
    select: listSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (filters.page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
  });
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE, page: filters.page };
}

/** One request as this person may see it, or a 404 that says nothing more (R1). */
export async function findVisibleRequest(db: PrismaClient, user: CurrentUser, id: string) {
  const request = await db.request.findFirst({
    where: { AND: [{ id }, visibleTo(user)] },
    include: {
      department: true,
      submitter: { select: { id: true, name: true, email: true } },
    },
  });
  if (!request) throw new Response("Not found", { status: 404 });
  return request;
}

export async function auditTrail(db: PrismaClient, requestId: string) {
  return db.auditEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } });
}

export async function commentsOn(db: PrismaClient, requestId: string) {
  return db.comment.findMany({
    where: { requestId },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { name: true } } },
  });
}

/** Events that are someone's task to do; the others (withdraw, cancel, edit) are options. */
const TASK_EVENTS: RequestEventType[] = [
  "SUBMIT",
  "RESUBMIT",
  "ORDER_ANALYSIS",
  "NO_ANALYSIS",
  "RECORD_ANALYSIS",
  "ASSESS_FEE",
  "ACCEPT_FEE",
  "APPROVE",
];

/** At the decision only the sign-off waits on a reviewer; ordering an analysis there is an option. */
function isTask(state: string, type: RequestEventType): boolean {
  return TASK_EVENTS.includes(type) && (state !== "decision" || type === "APPROVE");
}

const TASK_STATES: StateName[] = ["draft", "screening", "analysis", "feeAssessment", "feeAcceptance", "decision", "changesRequested"];

export interface Task {
  id: string;
  reference: string;
  title: string;
  state: string;
  effectiveDate: string | null;
  taskSince: Date | null;
  actions: AvailableAction[];
}

/** Candidates read per query: about one page of tasks, so a portal with many open requests reads few. */
const TASK_BATCH = 60;
/** At most this many open requests are asked about per page, whatever the portal holds. */
const TASK_CANDIDATES = 500;

/** What waits on this person now, oldest first: the machine decides what each may do. */
export async function myTasks(db: PrismaClient, user: CurrentUser, now: Date, limit = 50): Promise<Task[]> {
  const where: Prisma.RequestWhereInput = {
    AND: [
      visibleTo(user),
      { state: { in: TASK_STATES } },
      // A draft is a task only for the person who started it.
      { OR: [{ state: { not: "draft" } }, { submitterId: user.id }] },
    ],
  };
  const actor = actorOf(user);
  const at = now.toISOString();
  const tasks: Task[] = [];
  // Batches, oldest first, until the page is full: the snapshots read (and restored) stay
  // about one page's worth, not every open request's.
  for (let examined = 0; examined < TASK_CANDIDATES && tasks.length < limit; examined += TASK_BATCH) {
    const candidates = await db.request.findMany({
      where,
      select: { id: true, reference: true, title: true, state: true, effectiveDate: true, taskSince: true, snapshot: true },
      orderBy: [{ taskSince: "asc" }, { id: "asc" }],
      skip: examined,
      take: TASK_BATCH,
    });
    for (const c of candidates) {
      const actions = availableActions(restore(c.snapshot), actor, at).filter((a) => isTask(c.state, a.type));
      if (actions.length === 0) continue;
      tasks.push({ id: c.id, reference: c.reference, title: c.title, state: c.state, effectiveDate: c.effectiveDate, taskSince: c.taskSince, actions });
      if (tasks.length >= limit) break;
    }
    if (candidates.length < TASK_BATCH) break;
  }
  return tasks;
}
