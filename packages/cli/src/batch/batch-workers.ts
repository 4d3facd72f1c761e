import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RuleSet } from '@sunshine-rubric/core';
import type { RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import type { ChunkOutcome } from './evaluate-chunk.js';
import type { NdjsonChunk } from './ndjson-lines.js';

/** What every worker is started with: each compiles its own evaluators from it, once. */
export interface WorkerSetup {
  /** `--rule-set`'s rule set (a plain copy is sent); without it, each line's `ruleSet`. */
  readonly ruleSet?: RuleSet | undefined;
  readonly fallbackRuleSet: string;
  readonly full: boolean;
}

/**
 * A message from a worker: that it is ready (its evaluators compiled, sent once, first), the outcome of
 * one chunk, or the error that evaluating it threw.
 */
export type WorkerReply =
  | { readonly ready: true }
  | { readonly sequence: number; readonly outcome: ChunkOutcome }
  | { readonly sequence: number; readonly failure: string };

/** Worker threads that evaluate chunks; `close` stops them all. */
export interface BatchWorkers {
  /** How many worker threads there are. */
  readonly count: number;
  /**
   * Whether a worker that is ready holds fewer than `perWorker` chunks (so a chunk sent now is taken soon),
   * or the workers have failed (so that `evaluate` says why). A worker still starting has no room: the
   * chunks it would wait on are better evaluated by the caller meanwhile.
   */
  hasRoom(perWorker: number): boolean;
  /** Sends a chunk to the ready worker with the fewest in hand (any worker while none is ready). */
  evaluate(chunk: NdjsonChunk): Promise<ChunkOutcome>;
  /**
   * Stops the workers once each has either said it is ready or failed, so that a worker that cannot start
   * is always reported (see `failure`), even when the caller evaluated every line itself meanwhile.
   */
  close(): Promise<void>;
  /** The first failure of any worker (start, outside a chunk, or an unexpected exit), if one failed. */
  failure(): CliError | undefined;
}

/**
 * The worker module beside this one: `.js` in the published build, `.mjs` in a test or bench bundle,
 * `.ts` from source under tsx (whose loader the worker inherits).
 */
const here = import.meta.url;
const defaultWorkerUrl = new URL(`./batch-worker${here.slice(here.lastIndexOf('.'))}`, here);

/**
 * The most threads `--jobs auto` takes: past about eight, the main thread, which reads, orders and writes
 * for all of them, cannot keep more busy, and each worker still costs its heap (some 70 MB).
 */
const autoJobsAtMost = 8;

/**
 * `--jobs auto` (the default): one evaluating thread per core (at most eight) while the machine is not
 * saturated (its 1-minute load average below the number of cores), else one. Under load the threads of one run would only
 * wait for turns on busy cores, and each worker costs its start and its heap (bench/README.md,
 * `batch.bench.mjs`). Where the system has no load average (Windows reports 0), the machine counts as idle.
 *
 * @example
 * ```ts
 * autoJobs(); // on this machine, now
 * autoJobs({ cores: 2, load: 0.3 }); // 2
 * autoJobs({ cores: 2, load: 15 }); // 1
 * autoJobs({ cores: 64, load: 3 }); // 8
 * ```
 */
export function autoJobs({
  cores = availableParallelism(),
  load = loadavg()[0] ?? 0,
}: {
  readonly cores?: number;
  readonly load?: number;
} = {}): number {
  if (!(load < cores)) return 1;
  return Math.max(1, Math.min(cores, autoJobsAtMost));
}

/**
 * Why this run's registry cannot be used with worker threads, or undefined when it can. A worker builds
 * its registry the way the command builds the built-in one (plugins are objects with functions, which no
 * message can carry); a registry made any other way cannot be rebuilt there, and evaluating with another
 * registry than the user's would silently change verdicts.
 *
 * @example
 * ```ts
 * const problem = workerRegistryProblem(context);
 * if (problem) throw new CliError(problem);
 * ```
 */
export function workerRegistryProblem(context: Pick<RunContext, 'builtInRegistry'>): string | undefined {
  if (context.builtInRegistry) return undefined;
  return (
    '--jobs: this run evaluates with a registry of its own (plugins), which worker threads cannot rebuild; ' +
    'run with --jobs 1 (自定义插件注册表不能用于多线程，请用 --jobs 1)'
  );
}

/**
 * Starts `count` worker threads, each compiling its evaluators once from `setup` and then saying it is
 * ready. Chunks go to the ready worker with the fewest in hand; each promise settles with that chunk's
 * outcome. A worker that fails to start, throws outside a chunk, or exits while it holds chunks rejects
 * them (and every later chunk) with a `CliError` that says so, which `failure` keeps: lines are never
 * dropped in silence.
 *
 * @example
 * ```ts
 * const workers = startBatchWorkers(2, { fallbackRuleSet: 'guangxi-2021', full: false });
 * try { console.log((await workers.evaluate(chunk)).text); } finally { await workers.close(); }
 * ```
 */
export function startBatchWorkers(
  count: number,
  setup: WorkerSetup,
  workerUrl = defaultWorkerUrl,
): BatchWorkers {
  type Pending = { resolve: (outcome: ChunkOutcome) => void; reject: (error: unknown) => void };
  let broken: CliError | undefined;
  let closing = false;
  let sequence = 0;
  const threads = Array.from({ length: count }, (_, index) => {
    const pending = new Map<number, Pending>();
    const worker = new Worker(workerUrl, { workerData: setup });
    let settle = () => {};
    // Resolved once the worker is ready or has failed: what `close` waits for.
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const thread = { worker, pending, ready: false, settled };
    const fail = (error: CliError) => {
      settle();
      broken ??= error;
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        thread.ready = true;
        settle();
        return;
      }
      const entry = pending.get(reply.sequence);
      pending.delete(reply.sequence);
      if ('outcome' in reply) entry?.resolve(reply.outcome);
      else entry?.reject(new Error(reply.failure));
    });
    worker.on('error', (error) => {
      fail(
        new CliError(`--jobs: batch worker ${index + 1} failed: ${error.message} (批量评估线程出错)`, {
          cause: error,
        }),
      );
    });
    worker.on('exit', (code) => {
      if (closing) return;
      fail(
        new CliError(
          `--jobs: batch worker ${index + 1} stopped (exit code ${code}) before it had evaluated every line sent to it (批量评估线程意外退出)`,
        ),
      );
    });
    return thread;
  });
  const fewestInHand = (candidates: typeof threads) =>
    candidates.reduce((best, next) => (next.pending.size < best.pending.size ? next : best));
  return {
    count,
    hasRoom: (perWorker) =>
      broken !== undefined || threads.some((thread) => thread.ready && thread.pending.size < perWorker),
    evaluate(chunk) {
      if (broken) return Promise.reject(broken);
      const ready = threads.filter((thread) => thread.ready);
      const thread = fewestInHand(ready.length > 0 ? ready : threads);
      const id = sequence++;
      // A copy of exactly these bytes, moved (not cloned) to the worker: a chunk is often a view into a
      // larger buffer, which cloning would copy whole.
      const bytes = new Uint8Array(chunk.bytes);
      return new Promise<ChunkOutcome>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        const { firstLine, lineCount, oversizedBytes } = chunk;
        thread.worker.postMessage(
          {
            sequence: id,
            firstLine,
            lineCount,
            bytes,
            ...(oversizedBytes === undefined ? {} : { oversizedBytes }),
          },
          [bytes.buffer],
        );
      });
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.settled));
      closing = true;
      await Promise.all(threads.map(({ worker }) => worker.terminate()));
    },
    failure: () => broken,
  };
}
