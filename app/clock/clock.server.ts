// The portal's clock: reads the deadline columns (never XState timers, which a restart loses) and
// sends the machine its events: lapse, complete, remind. Each goes through the transition
// service, so the machine decides and every change is one audited, atomic write. It also queues
// the weekly pinch-point e-mail when its date (a column too) comes (issue 19).
//
// Several instances each run the clock. On PostgreSQL a tick first takes an advisory lock, so
// one instance ticks at a time and the others skip that minute; on SQLite (one machine, one
// writer at a time) ticks run as they come. Either way the machine re-checks each event, so
// two ticks that did overlap would still send each reminder once.
import type { PrismaClient } from "~/generated/prisma/client";
import { engineOf } from "~/db/engine";
import { sendPinchDigest } from "~/capacity/pinchDigest.server";
import { transition, type EventPayload } from "~/requests/transition.server";
import { localDate } from "workflows";

export interface TickResult {
  lapsed: number;
  completed: number;
  reminded: number;
  /** Pinch-point e-mails queued (issue 19): on the week's first tick that finds pinch points. */
  pinchPointMails: number;
}

const BATCH = 200;

export async function tick(db: PrismaClient, options: { now: Date; timeZone: string }): Promise<TickResult> {
  const { now, timeZone } = options;
  const today = localDate(now, timeZone);
  const send = async (ids: Array<{ id: string }>, event: EventPayload, due?: (row: { nextReminderAt: Date | null }) => boolean) => {
    let done = 0;
    for (const { id } of ids) {
      const outcome = await transition(db, { request: id, by: "system", event, now, timeZone, due });
      if (outcome.ok) done++;
    }
    return done;
  };
  // The deadline columns are written only while the machine would accept the event; it checks again.
  const select = { id: true } as const;
  return {
    lapsed: await send(await db.request.findMany({ where: { lapseOn: { lte: today } }, select, take: BATCH }), { type: "LAPSE" }),
    completed: await send(await db.request.findMany({ where: { completeOn: { lt: today } }, select, take: BATCH }), { type: "COMPLETE" }),
    // Another instance may have sent this reminder since the rows were listed: only a still-due one is sent (R16).
    reminded: await send(
      await db.request.findMany({ where: { nextReminderAt: { lte: now } }, select, take: BATCH }),
      { type: "REMIND" },
      (row) => row.nextReminderAt !== null && row.nextReminderAt <= now,
    ),
    pinchPointMails: (await sendPinchDigest(db, { now, timeZone })).queued,
  };
}

/** The clock's advisory lock on PostgreSQL (an arbitrary constant, next to the start lock's). */
export const CLOCK_LOCK_KEY = 311_707_243;

/** How long one tick may hold the lock before PostgreSQL's transaction gives it up. */
const TICK_LOCK_TIMEOUT_MS = 10 * 60_000;

/**
 * A tick unless another instance is ticking: then null. On PostgreSQL the lock is
 * transaction-level, held by an otherwise empty transaction for as long as the tick runs (its
 * transitions commit on their own connections), so a crashed instance releases it with its
 * connection.
 */
export async function tickAlone(db: PrismaClient, options: { now: Date; timeZone: string }): Promise<TickResult | null> {
  if (engineOf(db) !== "postgres") return tick(db, options);
  return db.$transaction(
    async (lock) => {
      const [{ locked }] = await lock.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${CLOCK_LOCK_KEY}::bigint) AS "locked"`;
      return locked ? tick(db, options) : null;
    },
    { timeout: TICK_LOCK_TIMEOUT_MS },
  );
}

/** Runs the clock inside the server process; returns a function that stops it. */
export function startClock(db: PrismaClient, options: { intervalMs: number; timeZone: string; now?: () => Date }) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await tickAlone(db, { now: options.now?.() ?? new Date(), timeZone: options.timeZone });
    } catch (error) {
      console.error("Clock tick failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
