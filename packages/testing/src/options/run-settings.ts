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
}

/**
 * The seed and run count for a property run, so that any project replays a failure the same way: the
 * caller's `seed` / `numRuns` when given, else `FC_SEED` / `FC_NUM_RUNS` from the environment, else a
 * fresh seed and `defaultRuns`. The seed is chosen here (not left to fast-check) so that one seed covers
 * the whole run and the failure message can name it.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when `FC_SEED` or `FC_NUM_RUNS` is set but not a number of that kind.
 * @example
 * ```ts
 * const { seed, numRuns } = runSettings({}, 100); // FC_SEED=42 → seed 42
 * ```
 */
export function runSettings(
  options: { readonly seed?: number; readonly numRuns?: number },
  defaultRuns: number,
  environment: Readonly<Record<string, string | undefined>> = processEnvironment(),
): RunSettings {
  const seed = options.seed ?? fromEnvironment(environment, SEED_VARIABLE, Number.isSafeInteger);
  const numRuns =
    options.numRuns ??
    fromEnvironment(environment, RUNS_VARIABLE, (value) => Number.isSafeInteger(value) && value > 0);
  return {
    // fast-check's own seeds are 32-bit; `| 0` keeps ours replayable by fc.assert too.
    seed: seed ?? (Math.random() * 0x1_0000_0000) | 0,
    numRuns: numRuns ?? defaultRuns,
  };
}

// Read through globalThis: the kit also runs where there is no `process` (vitest's browser mode).
function processEnvironment(): Readonly<Record<string, string | undefined>> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
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
 * The line that replays a failing run in any project: the same seed draws the same inputs, so the same
 * counterexample comes out.
 *
 * @example
 * ```ts
 * replayLine(1234); // 'replay with FC_SEED=1234'
 * ```
 */
export function replayLine(seed: number): string {
  return `replay with ${SEED_VARIABLE}=${seed}`;
}
