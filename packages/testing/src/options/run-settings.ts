import { RubricError } from '@sunshine-rubric/core';

/**
 * The environment variable that replays a run: the seed a failure reports.
 *
 * @example
 * ```sh
 * FC_SEED=1234 npx vitest run rule-set.test.ts
 * ```
 */
export const SEED_VARIABLE = 'FC_SEED';
/**
 * The environment variable that sets how many random inputs each property tries, when the test does not.
 *
 * @example
 * ```sh
 * FC_NUM_RUNS=2000 npx vitest run rule-set.test.ts   # a longer fuzzing session
 * ```
 */
export const RUNS_VARIABLE = 'FC_NUM_RUNS';
/**
 * The environment variable that replays one counterexample of one invariant directly (fast-check's path
 * through the shrinking), beside `FC_SEED`: the failure's replay line sets both.
 *
 * @example
 * ```sh
 * FC_SEED=1234 FC_PATH=3:1:0 npx vitest run rule-set.test.ts -t 'reasons-iff-ineligible'
 * ```
 */
export const PATH_VARIABLE = 'FC_PATH';

/**
 * The seed and run count a property run uses.
 *
 * @example
 * ```ts
 * const settings: RunSettings = runSettings({ numRuns: 200 }, 100);
 * ```
 */
export interface RunSettings {
  readonly seed: number;
  readonly numRuns: number;
  /** The counterexample's path to replay, from the caller or `FC_PATH`; undefined to search afresh. */
  readonly path?: string;
}

/**
 * The seed, run count and replay path for a property run, so that any project replays a failure the same
 * way: the caller's `seed` / `numRuns` / `path` when given, else `FC_SEED` / `FC_NUM_RUNS` / `FC_PATH` from
 * the environment, else a fresh seed, `defaultRuns` and no path. The seed is chosen here (not left to
 * fast-check) so that one seed covers the whole run and the failure message can name it.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when `FC_SEED`, `FC_NUM_RUNS` or `FC_PATH` is set but not of its
 * kind (an integer, a positive integer, numbers joined by `:`).
 * @example
 * ```ts
 * const { seed, numRuns } = runSettings({}, 100); // FC_SEED=42 → seed 42
 * ```
 */
export function runSettings(
  options: { readonly seed?: number; readonly numRuns?: number; readonly path?: string },
  defaultRuns: number,
  environment: Readonly<Record<string, string | undefined>> = processEnvironment(),
): RunSettings {
  const seed = options.seed ?? fromEnvironment(environment, SEED_VARIABLE, Number.isSafeInteger);
  const numRuns =
    options.numRuns ??
    fromEnvironment(environment, RUNS_VARIABLE, (value) => Number.isSafeInteger(value) && value > 0);
  const path = options.path ?? pathFromEnvironment(environment);
  return {
    // fast-check's own seeds are 32-bit; `| 0` keeps ours replayable by fc.assert too.
    seed: seed ?? (Math.random() * 0x1_0000_0000) | 0,
    numRuns: numRuns ?? defaultRuns,
    ...(path === undefined ? {} : { path }),
  };
}

// Read through globalThis: the kit also runs where there is no `process` (vitest's browser mode).
function processEnvironment(): Readonly<Record<string, string | undefined>> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

function pathFromEnvironment(environment: Readonly<Record<string, string | undefined>>): string | undefined {
  const text = environment[PATH_VARIABLE]?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^\d+(:\d+)*$/.test(text)) return text;
  throw new RubricError('INVALID_OPTIONS', [
    {
      path: [PATH_VARIABLE],
      kind: 'invalid-environment',
      message: `${PATH_VARIABLE} must be numbers joined by ":" as a failure prints it (e.g. 3:1:0), got ${JSON.stringify(text.slice(0, 100))}`,
    },
  ]);
}

function fromEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
  name: string,
  valid: (value: number) => boolean,
): number | undefined {
  const text = environment[name]?.trim();
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (valid(value)) return value;
  throw new RubricError('INVALID_OPTIONS', [
    {
      path: [name],
      kind: 'invalid-environment',
      message: `${name} must be ${name === SEED_VARIABLE ? 'an integer' : 'a positive integer'}, got ${JSON.stringify(text)}`,
    },
  ]);
}

/**
 * The line that replays a failing run in any project, to paste into a shell as it is: the seed draws the
 * same inputs, the path (when given) goes straight to the counterexample, and `command` is the test command
 * (default `npx vitest run`; the vitest helpers name the test file and test).
 *
 * @example
 * ```ts
 * replayLine(1234); // 'FC_SEED=1234 npx vitest run'
 * replayLine(1234, { path: '3:1', command: "npx vitest run 'test/city.test.ts' -t 'deterministic'" });
 * // "FC_SEED=1234 FC_PATH=3:1 npx vitest run 'test/city.test.ts' -t 'deterministic'"
 * ```
 */
export function replayLine(
  seed: number,
  options: { readonly path?: string; readonly command?: string } = {},
): string {
  const path = options.path ? ` ${PATH_VARIABLE}=${options.path}` : '';
  return `${SEED_VARIABLE}=${seed}${path} ${options.command ?? 'npx vitest run'}`;
}

/**
 * A word quoted for a POSIX shell, so a file name or test name with spaces or quotes pastes intact.
 *
 * @example
 * ```ts
 * shellQuote("it's"); // `'it'\''s'`
 * ```
 */
export function shellQuote(word: string): string {
  return /^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
