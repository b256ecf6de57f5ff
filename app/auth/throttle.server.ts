// Limits on guessing: sign-in passwords per (account, client address), per account over all
// addresses and per client address; codes per account. The counts sit behind ThrottleStore: a
// database table shared by every portal instance (./throttleStore.server.ts, decision 0020),
// or a Map for the unit tests of the rules below.
//
// After `freeFailures` failures in a row, the key is locked for baseLockMs, and each
// further failure doubles the lock, up to maxLockMs. Attempts during a lock are refused
// without checking the password, so a lock cannot be used to confirm a guess.
//
// Issue 15, item 10: the account's lock is keyed on (account, address), so someone who types
// five wrong passwords for a director locks only their own address out of that account. A
// slower cap per account (many more failures, shorter locks) still stops guessing spread over
// many addresses; one address cannot reach it, since its own lock holds it to a few tries an hour.

import { data } from "@remix-run/node";
import { db } from "~/db.server";
import { DatabaseThrottleStore } from "./throttleStore.server";

export interface ThrottlePolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Per account at one client address (the e-mail as typed, known or not, so a lock says nothing about existence). */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
  forgetAfterMs: DAY,
};

/** Per account over every address: twenty times the room, and locks of at most a quarter of an hour. */
export const ACCOUNT_CAP_POLICY: ThrottlePolicy = {
  freeFailures: 100,
  baseLockMs: MINUTE,
  maxLockMs: 15 * MINUTE,
  forgetAfterMs: DAY,
};

/** Per client address: more room, since a county office may share one address. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  baseLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
  forgetAfterMs: DAY,
};

export interface FailureRecord {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export interface FailureCounting {
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
  /** How long the key is locked after this many failures in a row. */
  lockFor: (failures: number) => number;
}

/** Where the counts live. Keys arrive namespaced by their throttle ("sign-in:…", "address:…"). */
export interface ThrottleStore {
  get(key: string): Promise<FailureRecord | undefined>;
  /**
   * Counts one failure at `now` and locks the key for `lockFor(failures)`, never shortening a
   * lock already set. One step for the store, so failures sent at once to several instances
   * are all counted.
   */
  addFailure(key: string, now: number, counting: FailureCounting): Promise<FailureRecord>;
  delete(key: string): Promise<void>;
}

/** The counts in this process only, in a Map bounded for when someone sprays random e-mail addresses: for the unit tests of the rules. */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly records = new Map<string, FailureRecord>();

  constructor(private readonly maxKeys = 200_000) {}

  async get(key: string): Promise<FailureRecord | undefined> {
    return this.records.get(key);
  }

  async addFailure(key: string, now: number, { forgetAfterMs, lockFor }: FailureCounting): Promise<FailureRecord> {
    const previous = this.records.get(key);
    const failures = previous && now - previous.lastFailureAt < forgetAfterMs ? previous.failures + 1 : 1;
    const record = { failures, lastFailureAt: now, lockedUntil: Math.max(now + lockFor(failures), previous?.lockedUntil ?? 0) };
    // Delete first so the Map's order stays oldest-first for eviction.
    this.records.delete(key);
    this.records.set(key, record);
    if (this.records.size > this.maxKeys) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
    return record;
  }

  async delete(key: string): Promise<void> {
    this.records.delete(key);
  }
}

export class Throttle {
  constructor(
    /** Namespace of this throttle's keys in the store. */
    private readonly name: string,
    private readonly policy: ThrottlePolicy,
    private readonly store: ThrottleStore,
    private readonly now: () => number = Date.now,
  ) {}

  private async current(key: string): Promise<FailureRecord | undefined> {
    const record = await this.store.get(`${this.name}:${key}`);
    return record && this.now() - record.lastFailureAt < this.policy.forgetAfterMs ? record : undefined;
  }

  /** Milliseconds until the key may try again; 0 when it may try now. */
  async retryAfterMs(key: string): Promise<number> {
    const record = await this.current(key);
    return record ? Math.max(0, record.lockedUntil - this.now()) : 0;
  }

  /** Count a failure; returns how long the key is now locked (0 while failures are still free). */
  async recordFailure(key: string): Promise<number> {
    const now = this.now();
    const record = await this.store.addFailure(`${this.name}:${key}`, now, {
      forgetAfterMs: this.policy.forgetAfterMs,
      lockFor: (failures) => this.lockFor(failures),
    });
    return this.lockFor(record.failures);
  }

  private lockFor(failures: number): number {
    const over = failures - this.policy.freeFailures;
    return over < 0 ? 0 : Math.min(this.policy.baseLockMs * 2 ** over, this.policy.maxLockMs);
  }

  /** Forget the key's failures (after a success). */
  async reset(key: string): Promise<void> {
    await this.store.delete(`${this.name}:${key}`);
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

/**
 * A route's 429 answer with Retry-After. The route must export `headers = passOnHeaders`
 * (~/http/routeHeaders), or Remix drops the header.
 */
export function tooManyAttempts<T>(body: T, retryAfterMs: number) {
  return data(body, { status: 429, headers: { "Retry-After": String(Math.ceil(retryAfterMs / 1000)) } });
}

export interface Throttles {
  /** Passwords for one account from one client address. */
  accountAtAddress: Throttle;
  /** Passwords for one account from anywhere: the slower cap. */
  accounts: Throttle;
  addresses: Throttle;
  /** Second-factor codes per account. */
  mfaCodes: Throttle;
  /** The current password when a signed-in person changes it, per account. */
  passwordChanges: Throttle;
}

export function createThrottles(store: ThrottleStore, now: () => number = Date.now): Throttles {
  return {
    accountAtAddress: new Throttle("sign-in", ACCOUNT_POLICY, store, now),
    accounts: new Throttle("account", ACCOUNT_CAP_POLICY, store, now),
    addresses: new Throttle("address", ADDRESS_POLICY, store, now),
    mfaCodes: new Throttle("code", ACCOUNT_POLICY, store, now),
    passwordChanges: new Throttle("password-change", ACCOUNT_POLICY, store, now),
  };
}

let throttles: Throttles | undefined;

/** The process's throttles, counting in the portal's database. */
export function getThrottles(): Throttles {
  throttles ??= createThrottles(new DatabaseThrottleStore(db));
  return throttles;
}
