// One page under load: autocannon as a library, a warm-up run thrown away, then a timed run.
// Latencies are collected from every response, so p95 is exact (autocannon's own summary
// lists p90 and p97.5 but not p95).
import autocannon from "autocannon";

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, socket errors and time-outs: any of these makes the row invalid. */
  failures: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function run(url: string, cookie: string | undefined, options: { connections: number; seconds: number }, latencies?: number[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, headers: cookie ? { cookie } : {}, timeout: 20 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies) instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

export async function load(url: string, cookie: string | undefined, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await run(url, cookie, { connections: options.connections, seconds: options.warmupSeconds });
  const latencies: number[] = [];
  const result = await run(url, cookie, options, latencies);
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / options.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
