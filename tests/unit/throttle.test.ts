// Sign-in limits (issue 7): growing locks per account and per address, with a fake clock.
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  minutesText,
  Throttle,
  tooManyAttemptsMessage,
} from "../../app/auth/throttle.server";

const MINUTE = 60_000;

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("Throttle", () => {
  it("lets the first four failures through and locks for a minute at the fifth", () => {
    const c = clock();
    const t = new Throttle(ACCOUNT_POLICY, c.now);
    for (let i = 0; i < 4; i++) {
      expect(t.retryAfterMs("a")).toBe(0);
      expect(t.recordFailure("a")).toBe(0);
    }
    expect(t.recordFailure("a")).toBe(MINUTE);
    expect(t.retryAfterMs("a")).toBe(MINUTE);
    c.advance(59_999);
    expect(t.retryAfterMs("a")).toBe(1);
    c.advance(1);
    expect(t.retryAfterMs("a")).toBe(0);
  });

  it("doubles the lock with each further failure, up to an hour", () => {
    const c = clock();
    const t = new Throttle(ACCOUNT_POLICY, c.now);
    for (let i = 0; i < 4; i++) t.recordFailure("a");
    const locks: number[] = [];
    for (let i = 0; i < 9; i++) {
      locks.push(t.recordFailure("a") / MINUTE);
      c.advance(t.retryAfterMs("a"));
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("keeps keys apart, forgets a key on reset and after a day without failures", () => {
    const c = clock();
    const t = new Throttle(ACCOUNT_POLICY, c.now);
    for (let i = 0; i < 5; i++) t.recordFailure("a");
    expect(t.retryAfterMs("b")).toBe(0);
    t.reset("a");
    expect(t.retryAfterMs("a")).toBe(0);
    expect(t.recordFailure("a")).toBe(0);

    for (let i = 0; i < 4; i++) t.recordFailure("c");
    c.advance(ACCOUNT_POLICY.forgetAfterMs);
    // The count started again: this is failure 1, not 5.
    expect(t.recordFailure("c")).toBe(0);
  });

  it("gives a shared office address more room than one account", () => {
    const t = new Throttle(ADDRESS_POLICY, clock().now);
    for (let i = 0; i < 19; i++) expect(t.recordFailure("10.0.0.1")).toBe(0);
    expect(t.recordFailure("10.0.0.1")).toBe(MINUTE);
  });

  it("holds a bounded number of keys, dropping the oldest", () => {
    const t = new Throttle(ACCOUNT_POLICY, clock().now, 3);
    for (const k of ["a", "b", "c"]) for (let i = 0; i < 5; i++) t.recordFailure(k);
    t.recordFailure("d");
    expect(t.retryAfterMs("a")).toBe(0);
    expect(t.retryAfterMs("b")).toBeGreaterThan(0);
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
