import type { Evaluator, Registry, RuleSet } from '@sunshine-rubric/core';
import { type BatchWorkers, startBatchWorkers } from './batch-workers.js';
import { type ChunkOutcome, evaluateChunk, lineEvaluators } from './evaluate-chunk.js';
import { type NdjsonChunk, ndjsonChunks } from './ndjson-lines.js';

/** What a batch run did, for the summary line and the exit code. */
export interface BatchSummary {
  /** Input lines read, blank ones included. */
  readonly lines: number;
  /** Lines evaluated: valid JSON, valid assessments. */
  readonly evaluated: number;
  readonly eligible: number;
  /** Lines that are not UTF-8, not valid JSON or not valid assessments: each has an error line. */
  readonly failed: number;
  /** Blank lines (empty, spaces, a CRLF alone): no output line, counted here. */
  readonly skipped: number;
  /** False when the reader of the output went away (stdout into `head`) before the end. */
  readonly complete: boolean;
}

/** Where the output lines go: `write` returns a promise when the reader asks for a pause. */
export interface BatchSink {
  /** Output lines as text, or as their UTF-8 bytes (from a worker thread). */
  write(chunk: string | Uint8Array): Promise<void> | undefined;
  /** True once the reader has gone (a closed pipe): the batch stops there. */
  closed(): boolean;
}

/** Options of {@link streamBatch}. */
export interface BatchOptions {
  /** The bytes of the NDJSON input. */
  readonly source: AsyncIterable<Uint8Array | string>;
  readonly sink: BatchSink;
  readonly registry: Registry;
  /** The evaluator of `--rule-set`; without it, each line's `ruleSet` (else `fallbackRuleSet`) is used. */
  readonly evaluator?: Evaluator | undefined;
  /** The rule set `evaluator` was compiled from: what worker threads compile their own from. */
  readonly ruleSet?: RuleSet | undefined;
  readonly fallbackRuleSet: string;
  /** Write each full result (with explanations) instead of the verdict only. */
  readonly full?: boolean;
  /**
   * Threads that evaluate (`--jobs`): this one and `jobs - 1` worker threads; 1, the default, evaluates on
   * this thread alone. With more, the registry must be the built-in one (see `workerRegistryProblem`).
   */
  readonly jobs?: number;
  /**
   * Start the worker threads only once this many bytes have been read (default 0: at once), so that a
   * small input is not made slower by starting threads it does not need.
   */
  readonly workersAfterBytes?: number;
  /** The worker module (tests point at a bundle of it); by default the one beside this module. */
  readonly workerUrl?: URL;
  /** Called now and then with the bytes read so far. */
  readonly onProgress?: (bytesRead: number, lines: number) => void;
}

/**
 * Evaluates NDJSON assessments into NDJSON output, in order: one output line per non-blank input line,
 * carrying the input's line number. Streams both ways: the output lines of each input chunk go out in one
 * write, awaiting the output's backpressure, so memory stays flat however many lines there are. With
 * `jobs` above 1, chunks are evaluated by `jobs - 1` worker threads (at most two each in hand) and by this
 * thread whenever they have enough, and written in input order: the same bytes as on one thread.
 *
 * @example
 * ```ts
 * const summary = await streamBatch({ source: createReadStream('in.ndjson'), sink, registry, fallbackRuleSet: 'guangxi-2021' });
 * ```
 */
export async function streamBatch(options: BatchOptions): Promise<BatchSummary> {
  const full = options.full ?? false;
  const jobs = options.jobs ?? 1;
  let bytesRead = 0;
  async function* counted() {
    for await (const chunk of options.source) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  const totals = { lines: 0, evaluated: 0, eligible: 0, failed: 0, skipped: 0 };
  const write = async (outcome: ChunkOutcome) => {
    totals.lines += outcome.lines;
    totals.evaluated += outcome.evaluated;
    totals.eligible += outcome.eligible;
    totals.failed += outcome.failed;
    totals.skipped += outcome.skipped;
    if (outcome.text.length > 0 && !options.sink.closed()) await options.sink.write(outcome.text);
    options.onProgress?.(bytesRead, totals.lines);
  };
  if (jobs > 1 && options.evaluator !== undefined && options.ruleSet === undefined) {
    throw new Error('streamBatch: jobs > 1 with an evaluator needs the rule set it was compiled from');
  }
  const evaluatorFor = lineEvaluators(options);
  const workersAfter = options.workersAfterBytes ?? 0;
  let workers: BatchWorkers | undefined;
  const evaluate = (chunk: NdjsonChunk): Promise<ChunkOutcome> => {
    // This thread evaluates too: on n cores, n threads that evaluate, rather than n workers beside a
    // reader that is mostly idle yet takes its turns on a core from them.
    if (jobs > 1 && workers === undefined && bytesRead >= workersAfter) {
      workers = startBatchWorkers(
        jobs - 1,
        { ruleSet: options.ruleSet, fallbackRuleSet: options.fallbackRuleSet, full },
        ...(options.workerUrl ? [options.workerUrl] : []),
      );
    }
    if (workers?.hasRoom(inHandPerWorker)) {
      return workers.evaluate(chunk);
    }
    try {
      return Promise.resolve(evaluateChunk(chunk, evaluatorFor, full));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  try {
    // One thread writes each chunk before it reads the next. With workers, this thread may run a few
    // chunks ahead of the oldest chunk a worker holds, so that it does not wait for that one.
    const unwritten = jobs > 1 ? inHandPerWorker * jobs + 2 : 1;
    await inOrder(ndjsonChunks(counted()), evaluate, unwritten, write, options.sink);
  } finally {
    await workers?.close();
  }
  // A worker that could not start loses no line (this thread took them all), but the run asked for it.
  const failure = workers?.failure();
  if (failure) throw failure;
  return { ...totals, complete: !options.sink.closed() };
}

/**
 * Chunks a worker holds at most: one it evaluates and one waiting. In `node --cpu-prof` of `--jobs 2` on
 * 100,000 lines under load, a worker waited 14% of its time with two (the main thread hands out the next
 * chunk only between chunks of its own) and 2% with three, but three raised the peak memory by 20–25 MB,
 * over the bench's bound at a million lines, and no gain in wall time showed on the busy machine.
 */
const inHandPerWorker = 2;

/**
 * Evaluates chunks, at most `inHand` not yet written, and writes their outcomes in the order the chunks
 * were read, each as soon as it and those before it are done (a line typed on stdin is answered without
 * waiting for more input). Reading waits while `inHand` chunks are unwritten, so memory stays a few chunks
 * deep. After a failure nothing more is written: the chain of writes stops there, and so does reading, at
 * once, rather than when the next chunk arrives (a slow stdin may not send one for hours).
 */
async function inOrder(
  chunks: AsyncIterable<NdjsonChunk>,
  evaluate: (chunk: NdjsonChunk) => Promise<ChunkOutcome>,
  inHand: number,
  write: (outcome: ChunkOutcome) => Promise<void>,
  sink: BatchSink,
): Promise<void> {
  const written: Promise<void>[] = [];
  let previous: Promise<void> = Promise.resolve();
  let failure: { readonly error: unknown } | undefined;
  // The reading in progress, to stop it at the first failure. One per read, not a race against one
  // long-lived promise: each such race would keep the chunk it resolved with, the whole input over a run.
  let stopReading: ((error: unknown) => void) | undefined;
  const stop = (error: unknown) => {
    failure ??= { error };
    stopReading?.(error);
  };
  const reader = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await new Promise<IteratorResult<NdjsonChunk>>((resolve, reject) => {
        if (failure) {
          reject(failure.error);
          return;
        }
        stopReading = reject;
        reader.next().then(resolve, reject);
      });
      stopReading = undefined;
      if (next.done || sink.closed()) break;
      const outcome = evaluate(next.value);
      previous = previous.then(async () => write(await outcome));
      // Awaited in turn below; the first failure also stops the reading above.
      previous.catch(stop);
      outcome.catch(() => undefined);
      written.push(previous);
      while (written.length >= inHand) await written.shift();
    }
  } finally {
    // Not awaited: a read still in flight ends when the caller closes the source.
    reader.return?.().catch(() => undefined);
  }
  for (const done of written) await done;
}
