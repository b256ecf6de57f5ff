// Sign-in limits (issue 7, issue 15 item 10): growing locks per (account, address), per account
// over every address and per address, with a fake clock, behind the in-memory store.
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_CAP_POLICY,
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  createThrottles,
  MemoryThrottleStore,
  minutesText,
  Throttle,
  tooManyAttemptsMessage,
  type ThrottlePolicy,
} from "../../app/auth/throttle.server";

const MINUTE = 60_000;

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const throttle = (policy: ThrottlePolicy, now: () => number, store = new MemoryThrottleStore()) => new Throttle("t", policy, store, now);

describe("Throttle", () => {
  it("lets the first four failures through and locks for a minute at the fifth", async () => {
    const c = clock();
    const t = throttle(ACCOUNT_POLICY, c.now);
    for (let i = 0; i < 4; i++) {
      expect(await t.retryAfterMs("a")).toBe(0);
      expect(await t.recordFailure("a")).toBe(0);
    }
    expect(await t.recordFailure("a")).toBe(MINUTE);
    expect(await t.retryAfterMs("a")).toBe(MINUTE);
    c.advance(59_999);
    expect(await t.retryAfterMs("a")).toBe(1);
    c.advance(1);
    expect(await t.retryAfterMs("a")).toBe(0);
  });

  it("doubles the lock with each further failure, up to an hour", async () => {
    const c = clock();
    const t = throttle(ACCOUNT_POLICY, c.now);
    for (let i = 0; i < 4; i++) await t.recordFailure("a");
    const locks: number[] = [];
    for (let i = 0; i < 9; i++) {
      locks.push((await t.recordFailure("a")) / MINUTE);
      c.advance(await t.retryAfterMs("a"));
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("keeps keys apart, forgets a key on reset and after a day without failures", async () => {
    const c = clock();
    const t = throttle(ACCOUNT_POLICY, c.now);
    for (let i = 0; i < 5; i++) await t.recordFailure("a");
    expect(await t.retryAfterMs("b")).toBe(0);
    await t.reset("a");
    expect(await t.retryAfterMs("a")).toBe(0);
    expect(await t.recordFailure("a")).toBe(0);

    for (let i = 0; i < 4; i++) await t.recordFailure("c");
    c.advance(ACCOUNT_POLICY.forgetAfterMs);
    // The count started again: this is failure 1, not 5.
    expect(await t.recordFailure("c")).toBe(0);
  });

  it("gives a shared office address more room than one account", async () => {
    const t = throttle(ADDRESS_POLICY, clock().now);
    for (let i = 0; i < 19; i++) expect(await t.recordFailure("10.0.0.1")).toBe(0);
    expect(await t.recordFailure("10.0.0.1")).toBe(MINUTE);
  });

  it("the store holds a bounded number of keys, dropping the oldest", async () => {
    const t = throttle(ACCOUNT_POLICY, clock().now, new MemoryThrottleStore(3));
    for (const k of ["a", "b", "c"]) for (let i = 0; i < 5; i++) await t.recordFailure(k);
    await t.recordFailure("d");
    expect(await t.retryAfterMs("a")).toBe(0);
    expect(await t.retryAfterMs("b")).toBeGreaterThan(0);
  });

  it("throttles sharing one store keep their keys apart", async () => {
    const c = clock();
    const throttles = createThrottles(new MemoryThrottleStore(), c.now);
    for (let i = 0; i < 5; i++) await throttles.mfaCodes.recordFailure("user-1");
    expect(await throttles.mfaCodes.retryAfterMs("user-1")).toBe(MINUTE);
    expect(await throttles.passwordChanges.retryAfterMs("user-1")).toBe(0);
  });
});

describe("the cap per account over every address (issue 15, item 10)", () => {
  it("is slower than the lock at one address: twenty times the failures, locks of at most 15 minutes", async () => {
    expect(ACCOUNT_CAP_POLICY.freeFailures).toBe(20 * ACCOUNT_POLICY.freeFailures);
    const c = clock();
    const t = throttle(ACCOUNT_CAP_POLICY, c.now);
    for (let i = 0; i < 99; i++) expect(await t.recordFailure("dana")).toBe(0);
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      locks.push((await t.recordFailure("dana")) / MINUTE);
      c.advance(await t.retryAfterMs("dana"));
    }
    expect(locks).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it("cannot be reached from one address within a day: its own lock allows too few tries", async () => {
    const c = clock();
    const one = throttle(ACCOUNT_POLICY, c.now);
    let failures = 0;
    for (let elapsed = 0; elapsed < 24 * 60 * MINUTE; ) {
      const wait = await one.retryAfterMs("dana 10.0.0.1");
      if (wait > 0) {
        c.advance(wait);
        elapsed += wait;
        continue;
      }
      await one.recordFailure("dana 10.0.0.1");
      failures++;
    }
    expect(failures).toBeLessThan(ACCOUNT_CAP_POLICY.freeFailures);
  });
});

describe("the message", () => {
  it("rounds up to whole minutes", () => {
    expect(minutesText(1)).toBe("1 minute");
    expect(minutesText(MINUTE)).toBe("1 minute");
    expect(minutesText(MINUTE + 1)).toBe("2 minutes");
    expect(tooManyAttemptsMessage(4 * MINUTE)).toBe("Too many attempts; try again in 4 minutes");
  });
});
