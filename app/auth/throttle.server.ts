// Limits on guessing: sign-in passwords per account and per client address, and MFA
// codes per account. Kept in memory, per process: a restart forgets the counts, and
// several processes each keep their own. That is enough for one server; a shared table
// would be needed behind a load balancer (see docs/decisions/0006-mfa.md).
//
// After `freeFailures` failures in a row, the key is locked for baseLockMs, and each
// further failure doubles the lock, up to maxLockMs. Attempts during a lock are refused
// without checking the password, so a lock cannot be used to confirm a guess.

export interface ThrottlePolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/** Per account (e-mail as typed, known or not, so a lock says nothing about existence). */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

/** Per client address: more room, since a county office may share one address. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  baseLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export class Throttle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number = Date.now,
    /** Bounds memory when someone sprays random e-mail addresses. */
    private readonly maxKeys = 50_000,
  ) {}

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.lastFailureAt >= this.policy.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Milliseconds until the key may try again; 0 when it may try now. */
  retryAfterMs(key: string): number {
    const entry = this.current(key);
    return entry ? Math.max(0, entry.lockedUntil - this.now()) : 0;
  }

  /** Count a failure; returns how long the key is now locked (0 while failures are still free). */
  recordFailure(key: string): number {
    const now = this.now();
    const failures = (this.current(key)?.failures ?? 0) + 1;
    const over = failures - this.policy.freeFailures;
    const lockMs = over < 0 ? 0 : Math.min(this.policy.baseLockMs * 2 ** over, this.policy.maxLockMs);
    // Delete first so the Map's order stays oldest-first for eviction.
    this.entries.delete(key);
    this.entries.set(key, { failures, lastFailureAt: now, lockedUntil: now + lockMs });
    if (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return lockMs;
  }

  /** Forget the key's failures (after a successful sign-in). */
  reset(key: string): void {
    this.entries.delete(key);
  }
}

/** "1 minute", "3 minutes": always rounded up so the person never comes back too early. */
export function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  return `Too many attempts; try again in ${minutesText(retryAfterMs)}`;
}

export interface Throttles {
  accounts: Throttle;
  addresses: Throttle;
  mfaCodes: Throttle;
}

export function createThrottles(now: () => number = Date.now): Throttles {
  return {
    accounts: new Throttle(ACCOUNT_POLICY, now),
    addresses: new Throttle(ADDRESS_POLICY, now),
    mfaCodes: new Throttle(ACCOUNT_POLICY, now),
  };
}

let throttles: Throttles | undefined;

/** The process's throttles. */
export function getThrottles(): Throttles {
  throttles ??= createThrottles();
  return throttles;
}
