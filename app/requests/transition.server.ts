// The transition service (R14): read the request, ask the machine for its decision, and persist
// that decision in one transaction: the snapshot and its columns, an audit entry and the e-mails.
// Every rule lives in workflows/; this only reads and writes.
import type { CurrentUser } from "~/auth/session.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { decide, localDate, restore, serialize, SYSTEM_ACTOR, type Actor, type Decision, type NotificationData, type RequestEvent } from "workflows";
import { canSee } from "./access.server";
import { actorOf } from "./actor.server";
import { answersOf, type RequestColumns } from "./answers";
import { writeGuarded } from "~/db/together.server";
import { entryWrites, requestChainStep, type AuditInput } from "./audit.server";
import { readEventContext, type EventContext } from "./eventContext.server";
import { mailFor, outboxWrites } from "./outbox.server";
import { findRequestForEvent, type RequestRow } from "./queries.server";
import type { Recipient } from "./recipients.server";
import { snapshotUpdate } from "./snapshotWrite.server";

type WithoutActor<E> = E extends RequestEvent ? Omit<E, "actor" | "at"> : never;
/** What a caller sends: the answers of a submission and the department's partnership are read here, not trusted. */
export type EventPayload =
  | WithoutActor<Exclude<RequestEvent, { type: "SUBMIT" | "RESUBMIT" }>>
  | { type: "SUBMIT" }
  | { type: "RESUBMIT"; comment?: string };

export interface TransitionInput {
  /** The request as this action already read it (read again only if someone changed it since), or its id. */
  request: RequestRow | string;
  /** A signed-in person, or "system" for the clock. */
  by: CurrentUser | "system";
  event: EventPayload;
  now: Date;
  timeZone: string;
  /** New answers saved with the event (EDIT, SUBMIT, RESUBMIT), in the same transaction. */
  changes?: RequestColumns;
  /** Further rows the accepted event brings (say, a stored analysis), written in its transaction. */
  within?: (tx: Prisma.TransactionClient) => Promise<void>;
  /** For the clock: whether the step is still due on the row as read (another instance may have done it). */
  due?: (row: RequestRow) => boolean;
}

export type TransitionOutcome =
  | { ok: true; from: string; to: string; version: number }
  | { ok: false; status: 404 | 409 | 422; reason: string };

class ConcurrentChange extends Error {}

export const NOT_FOUND = { ok: false, status: 404, reason: "This request does not exist." } as const;
const NOT_DUE = { ok: false, status: 409, reason: "This step is no longer due." } as const;

export async function transition(db: PrismaClient, input: TransitionInput): Promise<TransitionOutcome> {
  const id = typeof input.request === "string" ? input.request : input.request.id;
  // R14: a concurrent change is detected by the version number; retried once on a fresh read.
  for (let attempt = 0; attempt < 2; attempt++) {
    const read =
      attempt === 0 && typeof input.request !== "string"
        ? { request: input.request, ...(await readEventContext(db)) }
        : await findRequestForEvent(db, id);
    try {
      return await attemptTransition(db, input, read);
    } catch (error) {
      if (!(error instanceof ConcurrentChange)) throw error;
    }
  }
  return {
    ok: false,
    status: 409,
    reason: "Someone else changed this request at the same moment. Reload the page to see the change, then try again.",
  };
}

/**
 * Everything the event writes is worked out from what was read before the transaction opens (the
 * recipients too), so the transaction is only its writes: the request row with its new audit
 * head (refused if the version or the chain moved since the read), the entry, the e-mails.
 */
async function attemptTransition(
  db: PrismaClient,
  input: TransitionInput,
  read: ({ request: RequestRow } & EventContext) | null,
): Promise<TransitionOutcome> {
  if (!read) return NOT_FOUND;
  const { request } = read;
  if (input.by !== "system" && !canSee(input.by, request)) return NOT_FOUND;
  if (input.due && !input.due(request)) return NOT_DUE;
  const actor: Actor = input.by === "system" ? SYSTEM_ACTOR : actorOf(input.by);
  const today = localDate(input.now, input.timeZone);
  const columns = input.changes ?? request;
  const event = toEvent(input.event, actor, input.now.toISOString(), request, columns);

  const decision = decide(restore(request.snapshot, request.machineVersion), event, read.holidays, request.taskSince);
  if (!decision.ok) return { ok: false, status: 422, reason: decision.reason };

  const submitter = { email: request.submitter.email, name: request.submitter.name };
  const mail = mailFor({ notifications: decision.notifications, submitter, roleHolders: read.roleHolders, today });
  const entry = auditEntryOf(request, decision, actor, input, mail.recipients);
  const snapshot = serialize(decision.snapshot);
  const version = request.version + 1;
  const chain = requestChainStep(request, { id: request.id, state: decision.to, version, snapshot }, entry);
  const written = await writeGuarded(db, {
    guard: snapshotUpdate({
      id: request.id,
      version: request.version,
      changes: input.changes,
      state: decision.to,
      snapshot,
      record: decision.record,
      deadlines: decision.deadlines,
      at: input.now,
      chain: { ...chain, after: request.auditCount },
    }),
    // Only once the row is written, and locked (which keeps the chain linear): the entry, the data version, the e-mails.
    followers: [
      ...entryWrites(entry, chain.keyId, chain.prevHash, chain.hash),
      ...outboxWrites(request.id, notificationData(request, decision, columns), mail.rows),
    ],
    within: input.within,
  });
  if (!written) throw new ConcurrentChange();
  return { ok: true, from: decision.from, to: decision.to, version };
}

function auditEntryOf(request: RequestRow, decision: Decision, actor: Actor, input: TransitionInput, recipients: Recipient[]): AuditInput {
  return {
    requestId: request.id,
    actorId: actor === SYSTEM_ACTOR ? null : actor.userId,
    actorName: actor.name,
    role: decision.role?.role ?? null,
    acting: decision.role?.acting ?? false,
    event: decision.audit.event,
    fromState: decision.from,
    toState: decision.to,
    comment: decision.audit.comment(recipients.map((r) => r.name)),
    at: input.now,
  };
}

function notificationData(request: RequestRow, decision: Decision, columns: RequestColumns): NotificationData {
  return {
    requestId: request.id,
    reference: request.reference,
    title: columns.title,
    departmentName: request.department.name,
    ...decision.message,
    effectiveDate: decision.message.effectiveDate ?? columns.effectiveDate,
  };
}

function toEvent(payload: EventPayload, actor: Actor, at: string, request: RequestRow, columns: RequestColumns): RequestEvent {
  switch (payload.type) {
    case "SUBMIT":
      return { type: "SUBMIT", actor, at, answers: answersOf(columns), department: request.department };
    case "RESUBMIT":
      return { type: "RESUBMIT", actor, at, answers: answersOf(columns), comment: payload.comment };
    default:
      return { ...payload, actor, at };
  }
}
