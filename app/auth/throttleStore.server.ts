// The sign-in throttles' counts in the SignInThrottle table, so every portal instance sees the
// same failures and the same locks (decision 0020). Each failure is one upsert that increments
// the count in the database, so failures arriving at several instances at once are all counted.
// A row whose last failure is older than the longest forget period counts for nothing; such
// rows are deleted as failures are written, at most once a minute per instance.
import type { PrismaClient } from "~/generated/prisma/client";
import type { FailureCounting, FailureRecord, ThrottleStore } from "./throttle.server";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export class DatabaseThrottleStore implements ThrottleStore {
  private nextSweep = 0;

  constructor(
    private readonly db: Pick<PrismaClient, "signInThrottle">,
    /** Rows with no failure for this long are deleted: the longest forgetAfterMs of the policies. */
    private readonly keepMs = DAY,
  ) {}

  async get(key: string): Promise<FailureRecord | undefined> {
    const row = await this.db.signInThrottle.findUnique({ where: { key } });
    return row ? { failures: row.failures, lastFailureAt: row.lastFailureAt.getTime(), lockedUntil: row.lockedUntil.getTime() } : undefined;
  }

  async addFailure(key: string, now: number, { forgetAfterMs, lockFor }: FailureCounting): Promise<FailureRecord> {
    await this.sweep(now);
    const at = new Date(now);
    // A key whose last failure is forgotten starts again from zero.
    await this.db.signInThrottle.deleteMany({ where: { key, lastFailureAt: { lte: new Date(now - forgetAfterMs) } } });
    // Prisma sends this as one INSERT … ON CONFLICT DO UPDATE: the increment happens in the database.
    const { failures } = await this.db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: at, lockedUntil: at },
      update: { failures: { increment: 1 }, lastFailureAt: at },
    });
    // Failures counted at once may finish in any order: a lock only ever grows.
    const lockedUntil = new Date(now + lockFor(failures));
    await this.db.signInThrottle.updateMany({ where: { key, lockedUntil: { lt: lockedUntil } }, data: { lockedUntil } });
    return { failures, lastFailureAt: now, lockedUntil: lockedUntil.getTime() };
  }

  async delete(key: string): Promise<void> {
    await this.db.signInThrottle.deleteMany({ where: { key } });
  }

  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweep) return;
    this.nextSweep = now + MINUTE;
    await this.db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now - this.keepMs) } } });
  }
}
