// Small helpers the benchmark's modules share.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The county's zone, as the portal's default PORTAL_TIME_ZONE. */
export const TIME_ZONE = "America/New_York";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Where a run keeps its seeded databases and mail: var/bench/, or BENCH_WORK_DIR, so that two
 * runs at once (the smoke test on each engine) do not seed over each other's files.
 */
export const WORK_DIR = process.env.BENCH_WORK_DIR ? path.resolve(process.env.BENCH_WORK_DIR) : path.join(ROOT, "var", "bench");

/** DateTime as Prisma's SQLite adapter stores it, so text order is time order for both writers. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD date moved by whole days. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Seeded pseudo-random numbers (mulberry32): the same data on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
