// The portal's clock: reads the deadline columns (never XState timers, which a restart loses) and
// sends the machine its events: lapse, complete, remind. Each goes through the transition
// service, so the machine decides and every change is one audited, atomic write.
import type { PrismaClient } from "~/generated/prisma/client";
import { transition, type EventPayload } from "~/requests/transition.server";
import { localDate } from "workflows";

export interface TickResult {
  lapsed: number;
  completed: number;
  reminded: number;
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
  };
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
