import { createRegistry, type Registry, RubricError } from '@sunshine-rubric/core';
import { CommanderError } from 'commander';
import { builtInPlugins } from '../input/built-in-plugins.js';
import { issuesAsJson, moreIssueLines, oneLine, rubricCliError } from '../input/describe-error.js';
import { paletteFor } from '../io/colour.js';
import { guardOutput } from '../io/guarded-output.js';
import type { RunContext } from '../io/run-context.js';
import { CliError, type ExitCode, exitCodes, type RunIo } from '../io/run-io.js';
import { shownInput, terminalSafeStream } from '../io/terminal-safe.js';
import { buildProgram } from './program.js';

/**
 * What the command is composed of, beside its arguments and its world: the registry that resolves rule-set
 * ids and knows the plugins' operators.
 *
 * @example
 * ```ts
 * import { builtInPlugins, type RunOptions } from '@sunshine-rubric/cli';
 * import { createRegistry } from '@sunshine-rubric/core';
 *
 * const options: RunOptions = { registry: createRegistry({ plugins: [...builtInPlugins, cityPlugin] }) };
 * ```
 */
export interface RunOptions {
  /**
   * Resolves `--rule-set <id>` (and an assessment's own `ruleSet`), and lends its plugins' operators to the
   * rule-set files that `evaluate`, `validate`, `check` and the others read. By default a new registry of
   * {@link builtInPlugins} for each run.
   */
  readonly registry?: Registry;
}

/**
 * Runs the `sunshine-rubric` command in-process and resolves to its exit code: 0 success, 1 a completed
 * run with failures the user asked about (failed batch lines, `--check` with an ineligible verdict), 2 bad
 * input or usage. Errors are written to `io.stderr` as one line; the stack only with `--debug`. Nothing
 * calls `process.exit` and nothing is kept between runs, so tests and programs can embed it, each run with
 * its own registry.
 *
 * @param argv - The arguments after the command name, e.g. `['evaluate', 'estate.json', '--lang', 'en']`.
 * @param io - Streams, working directory, terminal flag and environment; each defaults to the process's.
 * @param options - The registry of rule sets and plugins; by default the Guangxi and Qinzhou plugins.
 * @throws {RubricError} `INVALID_OPTIONS` (path `['options', 'registry']`) when `options.registry` is not a
 * registry made by `createRegistry`; nothing has been read or written then.
 * @example
 * ```ts
 * import { builtInPlugins, run } from '@sunshine-rubric/cli';
 * import { createRegistry } from '@sunshine-rubric/core';
 *
 * let output = '';
 * const code = await run(
 *   ['evaluate', 'estate.json', '--rule-set', 'my-city-2024', '--format', 'json'],
 *   { stdout: { write: (chunk: string) => (output += chunk) }, cwd: '/data/self-checks' },
 *   { registry: createRegistry({ plugins: [...builtInPlugins, cityPlugin] }) },
 * );
 * if (code === 0) console.log(JSON.parse(output).eligible);
 * ```
 */
export async function run(
  argv: readonly string[],
  io: Partial<RunIo> = {},
  options: RunOptions = {},
): Promise<ExitCode> {
  // Checked before anything is read or written: a wrong registry is the embedding program's mistake, not the
  // user's input, so it rejects rather than becoming exit code 2.
  const registry = registryOf(options);
  const given: RunIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    isTTY: io.isTTY ?? false,
    env: io.env ?? process.env,
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
  };
  const debug = argv.includes('--debug');
  const palette = paletteFor(given);
  const dataOut = guardOutput(given.stdout);
  const rawStderr = guardOutput(given.stderr);
  const keepColour = { keepColour: palette.enabled };
  const context: RunContext = {
    // Text for people passes here, so a community name or a file name cannot drive the terminal.
    io: {
      ...given,
      stdout: terminalSafeStream(dataOut, keepColour),
      stderr: terminalSafeStream(rawStderr, keepColour),
    },
    dataOut,
    rawStderr,
    // process.stdin is made only when `-` is read: merely touching it opens fd 0.
    get stdin() {
      return given.stdin ?? process.stdin;
    },
    palette,
    registry,
    builtInRegistry: options?.registry === undefined,
    processStdout: given.stdout === process.stdout,
    ruleSets: new Map(),
    inputs: [],
    errorFormat: 'text',
    exitCode: exitCodes.success,
  };
  try {
    await buildProgram(context).parseAsync([...argv], { from: 'user' });
    reportMemory(context.io);
    return context.exitCode;
  } catch (error) {
    return failure(context, error, debug);
  } finally {
    dataOut.release();
    rawStderr.release();
  }
}

function registryOf(options: RunOptions): Registry {
  const registry: unknown = options?.registry;
  if (registry === undefined) return createRegistry({ plugins: builtInPlugins });
  const looksLikeRegistry =
    typeof registry === 'object' &&
    registry !== null &&
    ['resolve', 'compile', 'list', 'resolveFacts'].every(
      (method) => typeof (registry as Record<string, unknown>)[method] === 'function',
    ) &&
    Array.isArray((registry as Record<string, unknown>).operators);
  if (looksLikeRegistry) return registry as Registry;
  throw new RubricError('INVALID_OPTIONS', [
    {
      path: ['options', 'registry'],
      message: 'registry is a registry made by createRegistry({ plugins }), or left out',
      kind: 'invalid-type',
    },
  ]);
}

function failure(context: RunContext, error: unknown, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    return error.exitCode === 0 ? exitCodes.success : exitCodes.badInput;
  }
  const known =
    error instanceof CliError
      ? error
      : RubricError.isInstance(error)
        ? rubricCliError(error, 'input')
        : undefined;
  if (known && context.errorFormat === 'json') {
    // JSON keeps the data exactly, every issue; one line, so a log takes it whole.
    const json = { code: known.code, message: known.message, issues: issuesAsJson(known.issues) };
    context.rawStderr.write(`${JSON.stringify({ error: json })}\n`);
  } else {
    const message = known
      ? known.message
      : `internal error: ${shownInput(error instanceof Error ? error.message : String(error))} (run again with --debug for the stack trace)`;
    const lines = [
      `sunshine-rubric: ${oneLine(message)}`,
      ...moreIssueLines(known?.issues ?? [], known?.file),
    ];
    context.io.stderr.write(`${lines.join('\n')}\n`);
  }
  if (debug) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    context.io.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
  }
  return exitCodes.badInput;
}

/** With `SUNSHINE_RUBRIC_REPORT_RSS` set, the peak memory of the process (for the batch memory test). */
function reportMemory(io: RunIo): void {
  if (!io.env.SUNSHINE_RUBRIC_REPORT_RSS) return;
  io.stderr.write(`maxRSS: ${process.resourceUsage().maxRSS} kB\n`);
}
