// Runs the command in this process through `run(argv, io, options)`, capturing what it writes.
import type { Registry } from '@sunshine-rubric/core';
import { run } from '../src/index.js';

/** What a run left behind. */
export interface RunOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `sunshine-rubric …args` in `cwd`, not on a terminal unless `isTTY`, with only the given environment, and
 * the embedder's `registry` when one is given (else the built-in one).
 */
export async function runInProcess(
  args: readonly string[],
  options: {
    readonly cwd: string;
    readonly isTTY?: boolean;
    readonly env?: Readonly<Record<string, string>>;
    readonly registry?: Registry;
  },
): Promise<RunOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(
    args,
    {
      cwd: options.cwd,
      isTTY: options.isTTY ?? false,
      env: options.env ?? {},
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    },
    options.registry === undefined ? {} : { registry: options.registry },
  );
  return { code, stdout, stderr };
}
