// Work the server does on its own: sending the outbox (R16) and running the clock (SPEC §4).
import { startClock } from "./clock/clock.server";
import { dbReady } from "./db.server";
import { startDispatcher } from "../emails/dispatcher.server";
import type { Settings } from "./settings.server";

const DISPATCH_EVERY_MS = 5_000;
const TICK_EVERY_MS = 60_000;

/** Starts both loops on the server's own database client; returns a function that stops them. */
export async function startBackgroundWork(settings: Settings): Promise<() => Promise<void>> {
  // One client per process: two clients writing to one SQLite file would wait on each other.
  const db = await dbReady();
  const dispatcher = startDispatcher({ db, intervalMs: DISPATCH_EVERY_MS });
  const stopClock = startClock(db, { intervalMs: TICK_EVERY_MS, timeZone: settings.timeZone });
  return async () => {
    stopClock();
    await dispatcher.stop();
  };
}
