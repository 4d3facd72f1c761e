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
  /** What `-` as an input file reads (`batch - --out …`); `process.stdin` when not given. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
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

/** One problem of the input as the command reports it: a JSON path, what is wrong, and its kind. */
export interface CliIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly kind?: string | undefined;
}

/**
 * Bad input or usage, reported with exit code 2: one line that names the file and the JSON path of the first
 * problem, then (in text) the others up to 20, or (with `--format json`) every one. `code` is the library's
 * error code, else `BAD_INPUT`; `cause` keeps the original error for `--debug`.
 */
export class CliError extends Error {
  readonly code: string;
  readonly issues: readonly CliIssue[];
  /** The file the issues are in, as the user named it. */
  readonly file: string | undefined;

  constructor(
    message: string,
    options?: {
      readonly cause?: unknown;
      readonly code?: string;
      readonly issues?: readonly CliIssue[];
      readonly file?: string;
    },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = options?.code ?? 'BAD_INPUT';
    this.issues = options?.issues ?? [];
    this.file = options?.file;
  }
}
