/** Latencies in milliseconds, and what they add up to. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)];
}

export function summarise(latenciesMs: number[], seconds: number): LoadResult {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
  };
}

/**
 * A closed-loop load: `concurrency` clients, each sending its next request when the previous one is answered,
 * until `total` requests are done. A request whose status is not `expect` stops the run: a benchmark of errors
 * measures nothing.
 */
export async function closedLoop(
  total: number,
  concurrency: number,
  send: (n: number) => Promise<Response>,
  expect: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const n = next++;
      const t0 = performance.now();
      const response = await send(n);
      const body = await response.text();
      if (response.status !== expect) {
        throw new Error(`request ${n}: status ${response.status}, expected ${expect}: ${body.slice(0, 300)}`);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return summarise(latencies, (performance.now() - started) / 1000);
}
