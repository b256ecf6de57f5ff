// The transition service (R14): one event, one atomic write of snapshot, audit entry and e-mails.
import type { CurrentUser } from "~/auth/session.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { actorLabel, roleUsed } from "../../workflows/eventRoles";
import type { RequestEvent } from "../../workflows/events";
import { restore, send, serialize } from "../../workflows/engine";
import { localDate } from "../../workflows/notice";
import { taskHolders } from "../../workflows/notifications";
import { nextReminderAt } from "../../workflows/reminders";
import { OPEN_STATES, STATE_LABELS } from "../../workflows/states";
import { SYSTEM_ACTOR, type Actor } from "../../workflows/types";
import { canSee } from "./access.server";
import { actorOf } from "./actor.server";
import { answersOf, type RequestColumns } from "./answers";
import { appendAudit } from "./audit.server";
import { queueNotifications } from "./outbox.server";
import { findRequest } from "./queries.server";
import { saveSnapshot } from "./snapshotWrite.server";
import { factsOf } from "./requestSchema";

type WithoutActor<E> = E extends RequestEvent ? Omit<E, "actor" | "at"> : never;
/** What a caller sends: the facts of a submission and the partner status are read here, not trusted. */
export type EventPayload =
  | WithoutActor<Exclude<RequestEvent, { type: "SUBMIT" | "RESUBMIT" }>>
  | { type: "SUBMIT" }
  | { type: "RESUBMIT"; comment?: string };

export interface TransitionInput {
  requestId: string;
  /** A signed-in person, or "system" for the clock. */
  by: CurrentUser | "system";
  event: EventPayload;
  now: Date;
  timeZone: string;
  /** New answers saved with the event (EDIT, SUBMIT, RESUBMIT), in the same transaction. */
  changes?: RequestColumns;
  /** Further rows the accepted event brings (say, a stored analysis), written in its transaction. */
  within?: (tx: Prisma.TransactionClient) => Promise<void>;
}

export type TransitionOutcome =
  | { ok: true; from: string; to: string; version: number }
  | { ok: false; status: 404 | 409 | 422; reason: string };

class ConcurrentChange extends Error {}

export const NOT_FOUND = { ok: false, status: 404, reason: "This request does not exist." } as const;

export async function transition(db: PrismaClient, input: TransitionInput): Promise<TransitionOutcome> {
  // R14: a concurrent change is detected by the version number; retried once on a fresh read.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await attemptTransition(db, input);
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

async function attemptTransition(db: PrismaClient, input: TransitionInput): Promise<TransitionOutcome> {
  const request = await findRequest(db, input.requestId);
  if (!request) return NOT_FOUND;
  const actor: Actor = input.by === "system" ? SYSTEM_ACTOR : actorOf(input.by);
  if (input.by !== "system" && !canSee(input.by, request)) return NOT_FOUND;

  const at = input.now.toISOString();
  const today = localDate(input.now, input.timeZone);
  const columns = input.changes ?? request;
  const event = toEvent(input.event, actor, at, {
    facts: () => factsOf(answersOf(columns)),
    partner: request.department.partnerSince !== null && request.department.partnerSince <= today,
  });

  const snapshot = restore(request.snapshot);
  const result = send(snapshot, event);
  if (!result.ok) return { ok: false, status: 422, reason: result.reason };

  const next = result.snapshot;
  const ctx = next.context;
  const role = roleUsed(event);
  const comment = "comment" in event && event.comment ? event.comment : null;
  const stateChanged = result.from !== result.to || event.type === "APPROVE";

  await db.$transaction(async (tx) => {
    const updated = await saveSnapshot(tx, {
      id: request.id,
      version: request.version,
      changes: input.changes,
      state: result.to,
      snapshot: serialize(next),
      partnerAtSubmission: ctx.partnerAtSubmission,
      firstSubmittedAt: ctx.firstSubmittedAt ? new Date(ctx.firstSubmittedAt) : null,
      firstSubmittedOn: ctx.firstSubmittedAt ? localDate(ctx.firstSubmittedAt, input.timeZone) : null,
      reachedFeeAssessment: request.reachedFeeAssessment || result.to === "feeAssessment",
      task: stateChanged
        ? {
            since: input.now,
            nextReminderAt:
              taskHolders(result.to, ctx).length > 0
                ? nextReminderAt({ from: input.now, effectiveDate: ctx.effectiveDate, timeZone: input.timeZone })
                : null,
          }
        : null,
      lapseOn: OPEN_STATES.includes(result.to) ? ctx.effectiveDate : null,
      completeOn: result.to === "approved" ? ctx.endDate : null,
    });
    if (updated !== 1) throw new ConcurrentChange();

    await appendAudit(tx, {
      requestId: request.id,
      actorId: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId,
      actorName: actor.name,
      role: role?.role ?? null,
      acting: role?.acting ?? false,
      event: event.type,
      fromState: result.from,
      toState: result.to,
      comment: comment ?? (event.type === "ACCEPT_FEE" ? `Account code ${event.accountCode}` : null),
      at: input.now,
    });

    await queueNotifications(tx, {
      requestId: request.id,
      event: event.type,
      from: result.from,
      to: result.to,
      submitter: { email: request.submitter.email, name: request.submitter.name },
      today,
      data: {
        requestId: request.id,
        reference: request.reference,
        title: columns.title,
        departmentName: request.department.name,
        stateLabel: STATE_LABELS[result.to],
        effectiveDate: ctx.effectiveDate ?? columns.effectiveDate,
        actorLabel: actorLabel(actor.name, role),
        comment,
        feeAmount: ctx.fee?.amount ?? null,
        task: null,
      },
    });
    await input.within?.(tx);
  });
  return { ok: true, from: result.from, to: result.to, version: request.version + 1 };
}

function toEvent(
  payload: EventPayload,
  actor: Actor,
  at: string,
  read: { facts: () => ReturnType<typeof factsOf>; partner: boolean },
): RequestEvent {
  switch (payload.type) {
    case "SUBMIT":
      return { type: "SUBMIT", actor, at, request: read.facts(), partner: read.partner };
    case "RESUBMIT":
      return { type: "RESUBMIT", actor, at, request: read.facts(), comment: payload.comment };
    default:
      return { ...payload, actor, at } as RequestEvent;
  }
}
