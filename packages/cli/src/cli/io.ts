/** Where the command writes text: `process.stdout`, a file stream, or a test's collector. */
export interface OutputStream {
  write(chunk: string): unknown;
}

/**
 * The world a run of the command sees. `run` takes it as an argument, so tests and programs that embed the
 * command run it in-process, with their own streams, working directory and environment.
 *
 * @example
 * ```ts
 * const io: RunIo = {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   cwd: process.cwd(),
 *   isTTY: false,
 *   env: { NO_COLOR: '1' },
 * };
 * ```
 */
export interface RunIo {
  /** Results, reports printed as text, JSON. */
  readonly stdout: OutputStream;
  /** Errors, warnings and the batch progress bar. */
  readonly stderr: OutputStream;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Whether a person watches a terminal: enables colour (unless `NO_COLOR` is set) and the batch progress
   * bar. The `sunshine-rubric` binary sets it when both stdout and stderr are terminals.
   */
  readonly isTTY: boolean;
  /** Environment variables: `NO_COLOR`, and `SUNSHINE_RUBRIC_REPORT_RSS` (print peak memory at the end). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Exit codes: the contract with shell scripts and CI jobs.
 *
 * @example
 * ```ts
 * const code = await run(['evaluate', 'estate.json', '--check']);
 * if (code === exitCodes.failures) console.log('not eligible');
 * ```
 */
export const exitCodes = {
  /** The run completed and found nothing the user asked to fail on. */
  success: 0,
  /** The run completed with failures the user asked about: failed batch lines, an ineligible `--check`. */
  failures: 1,
  /** Bad input or usage: a missing file, invalid JSON, an invalid assessment, an unknown rule set. */
  badInput: 2,
} as const;

/** An exit code of the command. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/**
 * Bad input or usage, reported as one line and exit code 2. `message` already names the file and the JSON
 * path; `cause` keeps the original error for `--debug`.
 */
export class CliError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
  }
}
