import type { OutputStream } from './run-io.js';

/**
 * An output stream that knows when its reader has gone: a write to a closed pipe
 * (`sunshine-rubric evaluate *.json | head -1`) makes the stream fail with `EPIPE`, which, unheard, Node
 * turns into an "Unhandled 'error' event" crash. Here it is heard: the output counts as closed, and further
 * writes are dropped, so the run ends quietly with its own exit code.
 */
export interface GuardedOutput extends OutputStream {
  /** True once the stream has failed or been closed by its reader. */
  closed(): boolean;
  /** Resolves when a stream that asked for a pause (backpressure) can take more, or has closed. */
  drained(): Promise<void>;
  /** Stops listening, unless the stream failed (then late errors of pending writes still need a listener). */
  release(): void;
}

interface Emitter {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
}

function isEmitter(stream: OutputStream): stream is OutputStream & Emitter {
  const candidate = stream as Partial<Emitter>;
  return (
    typeof candidate.on === 'function' &&
    typeof candidate.off === 'function' &&
    typeof candidate.once === 'function'
  );
}

/**
 * Guards `stream` for the length of a run.
 *
 * @example
 * ```ts
 * const stdout = guardOutput(process.stdout);
 * for (const line of lines) {
 *   if (stdout.closed()) break;
 *   if (stdout.write(line) === false) await stdout.drained();
 * }
 * stdout.release();
 * ```
 */
export function guardOutput(stream: OutputStream): GuardedOutput {
  let closed = false;
  const waiting = new Set<() => void>();
  const emitter = isEmitter(stream) ? stream : undefined;
  const onError = () => {
    closed = true;
    for (const wake of waiting) wake();
    waiting.clear();
  };
  emitter?.on('error', onError);
  emitter?.on('close', onError);
  return {
    write(chunk: string) {
      return closed ? true : stream.write(chunk);
    },
    closed: () => closed,
    drained() {
      if (closed || emitter === undefined) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          waiting.delete(wake);
          emitter.off('drain', wake);
          resolve();
        };
        waiting.add(wake);
        emitter.once('drain', wake);
      });
    },
    release() {
      emitter?.off('close', onError);
      if (!closed) emitter?.off('error', onError);
    },
  };
}
