// Runs the command in this process through `run(argv, io, options)`, capturing what it writes.
import { join } from 'node:path';
import type { Registry } from '@sunshine-rubric/core';
import { afterAll, beforeAll } from 'vitest';
import { run } from '../src/index.js';
import { writeFixtures } from './fixtures.js';
import { temporaryFolder } from './run-cli.js';

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

/** A test file's folder of fixtures, and the command run in it in-process. */
export interface FixtureFolder {
  /** `sunshine-rubric …args` in the folder, with the built-in registry. */
  readonly cli: (...args: string[]) => Promise<RunOutcome>;
  /** The path of a file in the folder. */
  readonly path: (name: string) => string;
}

/**
 * Registers, for the calling test file, a temporary folder with every fixture (`writeFixtures`) made before
 * its tests and removed after them.
 */
export function fixtureFolder(prefix: string): FixtureFolder {
  let folder: { path: string; remove: () => Promise<void> } | undefined;
  const at = () => {
    if (folder === undefined) throw new Error('the fixture folder exists only while the tests run');
    return folder.path;
  };
  beforeAll(async () => {
    folder = await temporaryFolder(prefix);
    await writeFixtures(folder.path);
  });
  afterAll(() => folder?.remove());
  return { cli: (...args) => runInProcess(args, { cwd: at() }), path: (name) => join(at(), name) };
}
