// How long to wait before trying a message again: doubling from 30 s, at most an hour, so a
// short SMTP outage is bridged quickly and a long one is not hammered.

/** Milliseconds to wait after the given number of failed attempts (1 = the first failure). */
export type Backoff = (attempts: number) => number;

export function exponentialBackoff({ baseMs = 30_000, capMs = 3_600_000 } = {}): Backoff {
  return (attempts) => Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
