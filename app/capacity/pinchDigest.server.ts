// The weekly pinch-point e-mail (issue 19): on the first tick of a Monday, the coming two weeks'
// pinch points go to the analysts and COM through the outbox. The due date is a column
// (StaffingBaselineTarget.nextDigestOn), moved on in the transaction that queues the e-mails by
// an UPDATE that only matches while it is still due: of two instances ticking, the second's
// UPDATE waits for the first's row lock (PostgreSQL) or the one writer (SQLite), then matches
// nothing, so the e-mail is queued once.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { holdersOf } from "~/requests/recipients.server";
import { addCalendarDays, localDate } from "workflows";
import type { PinchPointsData, Recipient } from "../../emails/types";
import { digestDayFrom } from "./baseline.server";
import { pinchPoints } from "./staffing.server";

/** The e-mail looks two weeks ahead: today and the 13 days after. */
export const DIGEST_DAYS = 14;

export interface DigestResult {
  /** Whether this tick sent the week's digest (moved its due date on). */
  due: boolean;
  /** Outbox rows queued: one per recipient, none when no day is short. */
  queued: number;
}

export async function sendPinchDigest(db: PrismaClient, options: { now: Date; timeZone: string }): Promise<DigestResult> {
  const today = localDate(options.now, options.timeZone);
  const schedule = await db.staffingBaselineTarget.findUnique({ where: { id: 1 }, select: { nextDigestOn: true } });
  if (!schedule || schedule.nextDigestOn > today) return { due: false, queued: 0 };
  // Read before the transaction: SQLite's one connection is the transaction's until it ends.
  const days = await pinchPoints(db, today, DIGEST_DAYS);
  const next = digestDayFrom(addCalendarDays(today, 1));
  return db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "StaffingBaselineTarget" SET "nextDigestOn" = ${next} WHERE id = 1 AND "nextDigestOn" <= ${today}`;
    if (claimed === 0) return { due: false, queued: 0 };
    if (days.length === 0) return { due: true, queued: 0 };
    const people = new Map<string, Recipient>();
    for (const holders of (await holdersOf(tx, ["analysts", "reviewers"], today)).values()) {
      for (const person of holders) people.set(person.email, person);
    }
    const data: PinchPointsData = {
      from: today,
      to: addCalendarDays(today, DIGEST_DAYS - 1),
      days: days.map(({ date, hour, needed, planned, shortfall }) => ({ date, hour, needed, planned, shortfall })),
    };
    await tx.outboxMessage.createMany({
      data: [...people.values()].map((person) => ({
        id: randomUUID(),
        template: "pinch_points",
        recipients: JSON.stringify([person]),
        data: JSON.stringify(data),
        nextAttemptAt: options.now,
        createdAt: options.now,
      })),
    });
    return { due: true, queued: people.size };
  });
}
