// One page under load: autocannon as a library, one run of warm-up then timed seconds on the
// same connections. Latencies count only for requests sent after the warm-up, throughput only
// for answers within the timed window. A separate warm-up run would open new connections, and
// new connections start unevenly: for a second or two Node serves the first-opened ones while
// the last wait (a bare http server shows it as much as the portal), which is not the page.
// Latencies are collected from every response, so p95 is exact (autocannon's own summary lists
// p90 and p97.5 but not p95).
import autocannon from "autocannon";

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /**
   * A number of requests a page instead of the timed window (and no warm-up): the bench's smoke
   * test, which checks that every row is measured, not how fast. Figures from so few requests mean little.
   */
  requests?: number;
}

/** What a browser sends: the portal answers it with brotli. */
export const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, socket errors and time-outs, warm-up included: any of these makes the row invalid. */
  failures: number;
  /**
   * The server's CPU time per answer in the timed window, in ms: its own cost, steadier than
   * latency (which the load generator and the machine's other work also move). NaN if unknown.
   */
  serverCpuMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function load(
  url: string,
  cookie: string | undefined,
  options: LoadOptions,
  serverCpuMs: () => number = () => NaN,
  acceptEncoding?: string,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let answered = 0;
  const counted = options.requests !== undefined;
  const started = performance.now();
  const timedFrom = counted ? started : started + options.warmupSeconds * 1000;
  const timedUntil = counted ? Infinity : timedFrom + options.seconds * 1000;
  let cpuFrom = counted ? serverCpuMs() : NaN;
  let cpuUntil = NaN;
  const cpuTimers = counted
    ? []
    : [
        setTimeout(() => (cpuFrom = serverCpuMs()), options.warmupSeconds * 1000),
        setTimeout(() => (cpuUntil = serverCpuMs()), (options.warmupSeconds + options.seconds) * 1000),
      ];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        // autocannon ends a run only at its next sample: counted runs sample often, or each page
        // waited out a whole second after its few requests.
        ...(counted ? { amount: options.requests, sampleInt: 20 } : { duration: options.warmupSeconds + options.seconds }),
        headers: { ...(cookie ? { cookie } : {}), ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}) },
        timeout: 20,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      const now = performance.now();
      if (now < timedFrom || now > timedUntil) return;
      answered++;
      if (now - responseTime >= timedFrom) latencies.push(responseTime);
    });
  });
  cpuTimers.forEach(clearTimeout);
  // autocannon's own timer for the same instant can end the run first (seen on a loaded
  // machine): then the run's end is the window's end.
  if (Number.isNaN(cpuUntil)) cpuUntil = serverCpuMs();
  latencies.sort((a, b) => a - b);
  return {
    rps: answered / (counted ? (performance.now() - started) / 1000 : options.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: answered,
    failures: result.non2xx + result.errors + result.timeouts,
    serverCpuMs: (cpuUntil - cpuFrom) / answered,
  };
}
