// The portal's clock: reads the deadline columns (never XState timers, which a restart loses)
// and lapses, completes and reminds. Every change goes through an audited, atomic write.
import type { PrismaClient } from "~/generated/prisma/client";
import { restore } from "../../workflows/engine";
import { localDate } from "../../workflows/notice";
import { taskHolders, type NotificationData } from "../../workflows/notifications";
import { nextReminderAt } from "../../workflows/reminders";
import { OPEN_STATES, STATE_LABELS, type StateName } from "../../workflows/states";
import { SYSTEM_ACTOR } from "../../workflows/types";
import { appendAudit } from "../requests/audit.server";
import { insertOutbox } from "../requests/outbox.server";
import { holdersOf, type Recipient } from "../requests/recipients.server";
import { transition } from "../requests/transition.server";

export interface TickResult {
  lapsed: number;
  completed: number;
  reminded: number;
}

const BATCH = 200;

export async function tick(db: PrismaClient, options: { now: Date; timeZone: string }): Promise<TickResult> {
  const { now, timeZone } = options;
  const today = localDate(now, timeZone);
  const result: TickResult = { lapsed: 0, completed: 0, reminded: 0 };

  // Lapse: the effective date arrived before approval (SPEC §4).
  const toLapse = await db.request.findMany({
    where: { state: { in: OPEN_STATES }, lapseOn: { lte: today } },
    select: { id: true },
    take: BATCH,
  });
  for (const { id } of toLapse) {
    const outcome = await transition(db, { requestId: id, by: "system", event: { type: "LAPSE" }, now, timeZone });
    if (outcome.ok) result.lapsed++;
  }

  // Complete: an approved temporary request's end date has passed.
  const toComplete = await db.request.findMany({
    where: { state: "approved", completeOn: { lt: today } },
    select: { id: true },
    take: BATCH,
  });
  for (const { id } of toComplete) {
    const outcome = await transition(db, { requestId: id, by: "system", event: { type: "COMPLETE" }, now, timeZone });
    if (outcome.ok) result.completed++;
  }

  // Reminders: whoever holds a task past its reminder time.
  const toRemind = await db.request.findMany({
    where: { state: { in: OPEN_STATES }, nextReminderAt: { lte: now } },
    select: { id: true },
    take: BATCH,
  });
  for (const { id } of toRemind) {
    if (await remind(db, id, now, timeZone, today)) result.reminded++;
  }
  return result;
}

/** One reminder to the task's holders; false when someone else changed the request first. */
async function remind(db: PrismaClient, requestId: string, now: Date, timeZone: string, today: string): Promise<boolean> {
  const request = await db.request.findUnique({
    where: { id: requestId },
    include: { department: true, submitter: { select: { email: true, name: true } } },
  });
  if (!request || request.nextReminderAt === null || request.nextReminderAt > now) return false;
  const state = request.state as StateName;
  const snapshot = restore(request.snapshot);
  const audiences = taskHolders(state, snapshot.context);
  return db.$transaction(async (tx) => {
    // The version check makes two ticks at the same moment send one reminder (R14).
    const claimed = await tx.request.updateMany({
      where: { id: request.id, version: request.version },
      data: {
        version: { increment: 1 },
        nextReminderAt: nextReminderAt({ from: now, effectiveDate: request.effectiveDate, timeZone }),
      },
    });
    if (claimed.count !== 1) return false;
    const people = new Map<string, Recipient>();
    for (const audience of audiences) {
      const found = audience === "submitter" ? [request.submitter] : await holdersOf(tx, audience, today);
      for (const p of found) people.set(p.email, p);
    }
    const task = `${STATE_LABELS[state]}: waiting since ${localDate(request.taskSince ?? now, timeZone)}`;
    const data: NotificationData = {
      requestId: request.id,
      reference: request.reference,
      title: request.title,
      departmentName: request.department.name,
      stateLabel: STATE_LABELS[state],
      effectiveDate: request.effectiveDate,
      actorLabel: SYSTEM_ACTOR.name,
      comment: null,
      feeAmount: snapshot.context.fee?.amount ?? null,
      task,
    };
    await insertOutbox(
      tx,
      request.id,
      data,
      [...people.values()].map((recipient) => ({ template: "reminder", recipient })),
    );
    await appendAudit(tx, {
      requestId: request.id,
      actorId: null,
      actorName: SYSTEM_ACTOR.name,
      role: "system",
      acting: false,
      event: "REMINDER",
      fromState: state,
      toState: state,
      comment: `Reminder sent to ${[...people.values()].map((p) => p.name).join(", ") || "nobody (no holder found)"}`,
      at: now,
    });
    return true;
  });
}

/** Runs the clock inside the server process; returns a function that stops it. */
export function startClock(db: PrismaClient, options: { intervalMs: number; timeZone: string; now?: () => Date }) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await tick(db, { now: options.now?.() ?? new Date(), timeZone: options.timeZone });
    } catch (error) {
      console.error("Clock tick failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
