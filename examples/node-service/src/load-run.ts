import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One bounded load run: how many requests, how many at once, and what each posts. */
export interface LoadRunOptions {
  /** The endpoint, e.g. `http://127.0.0.1:3000/evaluate`. */
  readonly url: string;
  /** The JSON body every request posts. */
  readonly body: string;
  readonly requests: number;
  readonly concurrency: number;
}

/** What a load run saw: every request either answered 200 or is counted (and its first failures kept). */
export interface LoadRunReport {
  readonly succeeded: number;
  readonly failed: number;
  /** The first few failures, as `status` or error code, for the message of a failed run. */
  readonly failures: readonly string[];
  /** Each successful request's time from sending to the last byte of its answer, in milliseconds. */
  readonly latenciesMs: readonly number[];
  readonly elapsedMs: number;
}

/**
 * Posts `body` to `url` `requests` times, `concurrency` at a time over kept-alive connections, and reports
 * how many answered 200 and how fast. Bounded work: it ends when every request has ended, whatever happens.
 *
 * @example
 * ```ts
 * const report = await runLoad({ url: `${url}/evaluate`, body, requests: 2_000, concurrency: 50 });
 * console.log(report.failed, percentile(report.latenciesMs, 0.99));
 * ```
 */
export async function runLoad({ url, body, requests, concurrency }: LoadRunOptions): Promise<LoadRunReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < requests) {
      next += 1;
      const started = performance.now();
      const outcome = await post(agent, url, body);
      if (outcome === 200) latenciesMs.push(performance.now() - started);
      else {
        failed += 1;
        if (failures.length < 5) failures.push(String(outcome));
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { succeeded: latenciesMs.length, failed, failures, latenciesMs, elapsedMs };
}

/**
 * The value below which `share` of the values lie (nearest rank), e.g. `percentile(latencies, 0.99)`.
 *
 * @example
 * ```ts
 * percentile([5, 1, 3, 2, 4], 0.5); // 3
 * ```
 */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1))]!;
}

/** Resolves with the status, or the error's code when the request failed without one. */
function post(agent: Agent, url: string, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const outgoing = request(url, {
      agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 'no status'));
      response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    outgoing.end(body);
  });
}
