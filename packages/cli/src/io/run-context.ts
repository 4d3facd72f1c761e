import { isAbsolute, resolve } from 'node:path';
import type { Registry, RuleSet } from '@sunshine-rubric/core';
import type { Palette } from './colour.js';
import type { GuardedOutput } from './guarded-output.js';
import { type ExitCode, exitCodes, type RunIo } from './run-io.js';

/** What every command's action works with during one run. */
export interface RunContext {
  /** Streams for text meant for people: control characters in them are neutralised. */
  readonly io: RunIo;
  /** stdout as it is, for JSON, HTML, NDJSON and workbooks, which must keep their data exactly. */
  readonly dataOut: GuardedOutput;
  /** stderr as it is, for the progress bar's own control sequences. */
  readonly rawStderr: GuardedOutput;
  /** Bytes of `-` as an input file. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly palette: Palette;
  readonly registry: Registry;
  /**
   * The registry is the command's own, made of `builtInPlugins` (no registry was given to `run`): a worker
   * thread of `batch --jobs` can make the same one. An embedder's registry holds plugins (code) that cannot be
   * sent to a thread.
   */
  readonly builtInRegistry: boolean;
  /**
   * The run writes to this process's own stdout (fd 1), which the shell may have redirected to a file:
   * `--out -` checks that file against the inputs as it checks an `--out` path.
   */
  readonly processStdout: boolean;
  /** Rule sets loaded in this run, by reference, so many assessments against one file read it once. */
  readonly ruleSets: Map<string, Promise<RuleSet>>;
  /** Every argument and option value of the command but `--out`: what an output must never overwrite. */
  inputs: readonly string[];
  /** `json` when the command runs with `--format json`: its error is then written as JSON. */
  errorFormat: 'text' | 'json';
  /** Set by a command that completed with failures the user asked about. */
  exitCode: ExitCode;
}

/** Marks the run as completed with failures (exit code 1). */
export function reportFailures(context: RunContext): void {
  context.exitCode = exitCodes.failures;
}

/** A path the user typed, resolved against the run's working directory. */
export function inputPath(context: RunContext, file: string): string {
  return resolvePath(context.io.cwd, file);
}

/** A path the user typed, resolved against `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
