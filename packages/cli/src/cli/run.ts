import { RubricError } from '@sunshine-rubric/core';
import { CommanderError } from 'commander';
import { describeRubricError, oneLine } from '../input/describe-error.js';
import { builtInRegistry } from '../input/rule-sets.js';
import { paletteFor } from './colour.js';
import type { RunContext } from './context.js';
import { CliError, type ExitCode, exitCodes, type RunIo } from './io.js';
import { buildProgram } from './program.js';

/**
 * Runs the `sunshine-rubric` command in-process and resolves to its exit code: 0 success, 1 a completed
 * run with failures the user asked about (failed batch lines, `--check` with an ineligible verdict), 2 bad
 * input or usage. Errors are written to `io.stderr` as one line; the stack only with `--debug`. Nothing
 * calls `process.exit`, so tests and programs can embed it.
 *
 * @param argv - The arguments after the command name, e.g. `['evaluate', 'estate.json', '--lang', 'en']`.
 * @param io - Streams, working directory, terminal flag and environment; each defaults to the process's.
 * @example
 * ```ts
 * import { run } from '@sunshine-rubric/cli';
 * let output = '';
 * const code = await run(['evaluate', 'estate.json', '--format', 'json'], {
 *   stdout: { write: (chunk: string) => (output += chunk) },
 *   cwd: '/data/self-checks',
 * });
 * if (code === 0) console.log(JSON.parse(output).eligible);
 * ```
 */
export async function run(argv: readonly string[], io: Partial<RunIo> = {}): Promise<ExitCode> {
  const fullIo: RunIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    isTTY: io.isTTY ?? false,
    env: io.env ?? process.env,
  };
  const debug = argv.includes('--debug');
  try {
    const context: RunContext = {
      io: fullIo,
      palette: paletteFor(fullIo),
      registry: builtInRegistry(),
      ruleSets: new Map(),
      exitCode: exitCodes.success,
    };
    await buildProgram(context).parseAsync([...argv], { from: 'user' });
    reportMemory(fullIo);
    return context.exitCode;
  } catch (error) {
    return failure(fullIo, error, debug);
  }
}

function failure(io: RunIo, error: unknown, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    return error.exitCode === 0 ? exitCodes.success : exitCodes.badInput;
  }
  const message =
    error instanceof CliError
      ? error.message
      : RubricError.isInstance(error)
        ? describeRubricError(error, 'input')
        : `internal error: ${error instanceof Error ? error.message : String(error)} (run again with --debug for the stack trace)`;
  io.stderr.write(`sunshine-rubric: ${oneLine(message)}\n`);
  if (debug) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    io.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
  }
  return exitCodes.badInput;
}

/** With `SUNSHINE_RUBRIC_REPORT_RSS` set, the peak memory of the process (for the batch memory test). */
function reportMemory(io: RunIo): void {
  if (!io.env.SUNSHINE_RUBRIC_REPORT_RSS) return;
  io.stderr.write(`maxRSS: ${process.resourceUsage().maxRSS} kB\n`);
}
