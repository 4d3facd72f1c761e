import { expect } from 'vitest';
import { issueKinds, type Result, RubricError } from '../../src/index.js';

/**
 * Inputs per fuzz property: 200 in CI (the whole suite stays well under 30 s); `FUZZ_RUNS=5000` for a
 * local fuzzing session. The seed is the repo's `FC_SEED` (vitest.setup.ts), so a failure replays with
 * `FC_SEED=<seed> FUZZ_RUNS=<n> npx vitest run packages/core/test/fuzz`.
 */
export const FUZZ_RUNS = positiveInteger(process.env.FUZZ_RUNS, 200);

/** A fuzz property's vitest timeout: generous, and scaled with FUZZ_RUNS. */
export const FUZZ_TIMEOUT = 30_000 * Math.max(1, FUZZ_RUNS / 200);

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** Scale a property's default number of runs with FUZZ_RUNS (for the expensive ones). */
export function scaledRuns(defaultRuns: number): number {
  return Math.max(1, Math.round((defaultRuns * FUZZ_RUNS) / 200));
}

// No wall-clock budget per call: a hang still fails at the property's vitest timeout, and how long a call takes
// is measured in bench/ (huge-inputs.bench.mjs), where a loaded shared machine cannot fail a test.
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: RubricError };

const rubricErrorCodes = new Set([
  'INVALID_RULE_SET',
  'INVALID_ASSESSMENT',
  'INVALID_OPTIONS',
  'INVALID_PLAN',
  'INVALID_PATCH',
  'INVALID_WORKFLOW_STEP',
  'INVALID_WORKBOOK',
  'INVALID_REGISTRY',
  'INVALID_PLUGIN',
  'RULE_SET_NOT_FOUND',
  'PLUGIN_FAILED',
]);

const watchedPrototypes: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];

function prototypeKeys(): string[] {
  return watchedPrototypes.map(
    ([name, prototype]) => `${name}: ${Reflect.ownKeys(prototype).map(String).join(',')}`,
  );
}

const keysBefore = prototypeKeys();

/** Object.prototype, Array.prototype… have no new keys, and `({}).polluted` is still undefined. */
export function expectNoPrototypePollution(): void {
  expect(prototypeKeys()).toEqual(keysBefore);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(([] as unknown as { polluted?: unknown }).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** A RubricError with a known code and issues that each have a `path` array of strings and numbers. */
export function expectWellFormedRubricError(error: unknown): asserts error is RubricError {
  if (!RubricError.isInstance(error)) {
    const described =
      error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    throw new Error(`expected a RubricError or a value, got another exception: ${described}`, {
      cause: error,
    });
  }
  expect(rubricErrorCodes.has(error.code), `unknown code ${error.code}`).toBe(true);
  expect(Array.isArray(error.issues)).toBe(true);
  // One assertion for all issues: an error may carry 100,000 of them.
  const malformed = error.issues.find(
    (issue) =>
      !Array.isArray(issue.path) ||
      !issue.path.every((segment) => typeof segment === 'string' || typeof segment === 'number') ||
      typeof issue.message !== 'string',
  );
  expect(malformed, 'every issue has a path of strings and numbers, and a message').toBeUndefined();
  const documented = issueKinds[error.code] as Readonly<Record<string, string>>;
  const undocumented = error.issues.find(
    (issue) => issue.kind !== undefined && !Object.hasOwn(documented, issue.kind),
  );
  expect(undocumented?.kind, `every kind of a ${error.code} issue is in issueKinds`).toBeUndefined();
  expectShortMessages(error);
}

/**
 * However long the input (a 10 MB fact id, a 100,000-character range), a message echoes a bounded part of
 * it: an issue's message at most {@link MAX_ISSUE_MESSAGE} characters, the error's (three issues, their
 * paths, how many more) at most {@link MAX_ERROR_MESSAGE}.
 */
export function expectShortMessages(error: RubricError): void {
  expect(error.message.length, error.message.slice(0, 400)).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
  const long = error.issues.find((issue) => issue.message.length > MAX_ISSUE_MESSAGE);
  expect(long?.message.slice(0, 400), 'an issue message longer than the limit').toBeUndefined();
}

/** Well above any message core writes for short input, far below any long input. */
export const MAX_ISSUE_MESSAGE = 400;
export const MAX_ERROR_MESSAGE = 1_300;

export interface ContractOptions {
  /** Counted per entry point for the FUZZ_REPORT summary. */
  readonly entryPoint?: string;
}

/**
 * The contract of every entry point: `call` returns a value or throws a well-formed RubricError — never
 * another exception, never a polluted prototype. A CallerError (thrown by the
 * input's own getters or Proxy traps) is no exception to this: it must come out as a RubricError too.
 * (The outcome type keeps `undefined` for the callers written when such errors could pass.)
 */
export function expectRubricErrorOrValue<T>(
  call: () => T,
  options: ContractOptions = {},
): Outcome<T> | undefined {
  let outcome: Outcome<T> | undefined;
  try {
    outcome = { ok: true, value: call() };
  } catch (error) {
    outcome = settle<T>(error);
  }
  return finish(outcome, options);
}

/** {@link expectRubricErrorOrValue} for an async entry point (the json-rules-engine backend). */
export async function expectRubricErrorOrValueAsync<T>(
  call: () => Promise<T>,
  options: ContractOptions = {},
): Promise<Outcome<T> | undefined> {
  let outcome: Outcome<T> | undefined;
  try {
    outcome = { ok: true, value: await call() };
  } catch (error) {
    outcome = settle<T>(error);
  }
  return finish(outcome, options);
}

function settle<T>(error: unknown): Outcome<T> | undefined {
  expectWellFormedRubricError(error);
  return { ok: false, error };
}

function finish<T>(outcome: Outcome<T> | undefined, options: ContractOptions): Outcome<T> | undefined {
  if (options.entryPoint)
    countInput(options.entryPoint, outcome === undefined ? 'caller' : outcome.ok ? 'value' : 'error');
  expectNoPrototypePollution();
  return outcome;
}

/**
 * The contract of a `safe*` entry point: it answers any input with a result — `ok: false` with a well-formed
 * RubricError when the input is wrong, a throwing getter or Proxy trap included — and never throws.
 */
export function expectSafeNeverThrows(entryPoint: string, call: () => Result<unknown>): void {
  const result = call();
  if (!result.ok) expectWellFormedRubricError(result.error);
  countInput(entryPoint, result.ok ? 'value' : 'error');
  expectNoPrototypePollution();
}

/**
 * The throwing form of an entry point throws exactly when its `safe*` form returns `ok: false`, and then the
 * same error: the same code and the same issues.
 */
export function expectThrowsIffNotOk(
  entryPoint: string,
  safe: () => Result<unknown>,
  throwing: () => unknown,
): void {
  const result = safe();
  countInput(entryPoint, result.ok ? 'value' : 'error');
  let thrown: unknown;
  try {
    throwing();
  } catch (error) {
    thrown = error;
  }
  expect(thrown !== undefined).toBe(!result.ok);
  if (!result.ok) {
    expectWellFormedRubricError(thrown);
    expect(thrown.code).toBe(result.error.code);
    expect(thrown.issues).toEqual(result.error.issues);
  }
}

/** Inputs per entry point and how they ended, printed per file with FUZZ_REPORT=1 for the fuzzing report. */
const inputCounter = new Map<string, { value: number; error: number; caller: number }>();

export function countInput(entryPoint: string, ending: 'value' | 'error' | 'caller' = 'value'): void {
  if (entryPoint === 'bug') return; // the known-bug repros are not fuzzing
  const counts = inputCounter.get(entryPoint) ?? { value: 0, error: 0, caller: 0 };
  counts[ending] += 1;
  inputCounter.set(entryPoint, counts);
}

export function reportInputCounts(file: string): void {
  if (process.env.FUZZ_REPORT !== '1') return;
  const lines = [...inputCounter].map(
    ([entryPoint, { value, error, caller }]) =>
      `  ${entryPoint}: ${value + error + caller} inputs (${value} values, ${error} RubricErrors, ${caller} caller exceptions)`,
  );
  console.info(`fuzz inputs (${file}):\n${lines.join('\n')}`);
}
