import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Registry, RuleSet } from '@sunshine-rubric/core';
import { fileProblem } from '../input/read-json.js';
import { resolvePath } from '../input/rule-sets.js';
import type { Palette } from './colour.js';
import { CliError, type ExitCode, exitCodes, type RunIo } from './io.js';

/** What every command's action works with during one run. */
export interface RunContext {
  readonly io: RunIo;
  readonly palette: Palette;
  readonly registry: Registry;
  /** Rule sets loaded in this run, by reference, so many assessments against one file read it once. */
  readonly ruleSets: Map<string, Promise<RuleSet>>;
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

/** Writes a file the user asked for (creating its folder), or fails with one line naming it. */
export async function writeOutputFile(
  context: RunContext,
  file: string,
  content: string | Uint8Array,
): Promise<string> {
  const absolute = inputPath(context, file);
  try {
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, content);
  } catch (error) {
    throw new CliError(`${file}: cannot write: ${fileProblem(error)} (无法写入)`, { cause: error });
  }
  return absolute;
}

/** Prints text to stdout, or writes it to `--out` when given. */
export async function emit(context: RunContext, content: string, out: string | undefined): Promise<void> {
  if (out === undefined) context.io.stdout.write(content);
  else await writeOutputFile(context, out, content);
}
