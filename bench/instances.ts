// Two instances on one PostgreSQL database (issue 17): each page loaded through two servers at
// once, the connections split between them, against the same page through one server. On a
// machine of two cores the two servers share the CPU the one had, so the table says what several
// instances cost or gain here, not what more machines would give.
import { load, type LoadOptions } from "./load";

export interface PairRow {
  key: string;
  label: string;
  /** Requests/s through one server (the page's row above). */
  one: number;
  /** Requests/s through both together. */
  two: number;
  failures: number;
}

/** Requests/s the two servers answer together, half the connections on each. */
export async function loadThroughBoth(origins: [string, string], path: string, cookie: string | undefined, options: LoadOptions) {
  const half = { ...options, connections: Math.max(1, Math.floor(options.connections / 2)) };
  const results = await Promise.all(origins.map((origin) => load(origin + path, cookie, half)));
  return { rps: results.reduce((sum, r) => sum + r.rps, 0), failures: results.reduce((sum, r) => sum + r.failures, 0) };
}
