import type { ShapeKind } from '../../errors/issue-kinds.js';
import { isIsoDate } from '../../util/guards.js';

// A few checks that say what zod says, without zod: an app that only scores estates checks rule sets with
// these (a few KiB) rather than ship a schema library. They follow zod 4's rules where zod's rules decide
// what a user sees: which issues a value gets, in which order, with which message; which option of a union
// answers for it (the one that matched, else the only one whose issues do not abort, else the union
// itself); key order and defaults of the output. `rule-set-shape.test.ts` holds them to the zod schema on
// random valid and broken documents.

/**
 * Where a value sits in the document.
 *
 * @example
 * ```ts
 * const path: Path = ['aspects', 0, 'id'];
 * ```
 */
export type Path = readonly (string | number)[];

/**
 * An issue as zod raises it: `aborts` when later checks of the same value stop (zod's `continue`).
 *
 * @example
 * ```ts
 * const issue: ShapeIssue = { path: ['id'], message: 'an id has no spaces', kind: 'invalid_format', aborts: false };
 * ```
 */
export interface ShapeIssue {
  readonly path: Path;
  readonly message: string;
  readonly kind: ShapeKind;
  readonly aborts: boolean;
}

/**
 * Checks `value` at `path`, adds its issues, and returns the value as parsed (defaults filled in).
 *
 * @example
 * ```ts
 * const issues: ShapeIssue[] = [];
 * const parsed = strictObject({ zh: string(minLength(1)) })({ zh: '标准' }, ['title'], issues);
 * ```
 */
export type Shape = (value: unknown, path: Path, issues: ShapeIssue[]) => unknown;

/** zod's name of a value's type in its messages: `Date`, `array`, `null`, `NaN`, `Infinity`… */
function receivedType(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (typeof value !== 'object') return typeof value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Object.getPrototypeOf(value) !== Object.prototype && 'constructor' in value && value.constructor)
    return (value.constructor as { name: string }).name;
  return 'object';
}

/**
 * A value as zod's messages quote it: strings in double quotes, the rest as written.
 *
 * @example
 * ```ts
 * shown('points'); // '"points"'
 * ```
 */
export const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : `${value}`);

/**
 * Adds an issue as zod raises it: the one place the shape checks write an issue's fields.
 *
 * @example
 * ```ts
 * addShapeIssue(issues, ['facts', 'x y'], 'Invalid key in record', 'invalid_key', true);
 * ```
 */
export function addShapeIssue(
  issues: ShapeIssue[],
  path: Path,
  message: string,
  kind: ShapeKind,
  aborts: boolean,
): void {
  issues.push({ path, message, kind, aborts });
}

/**
 * Adds zod's `invalid_type` issue (it aborts) and returns the value unchanged.
 *
 * @example
 * ```ts
 * if (!Array.isArray(value)) return wrongType('array', value, path, issues);
 * ```
 */
export function wrongType(expected: string, value: unknown, path: Path, issues: ShapeIssue[]): unknown {
  const message = `Invalid input: expected ${expected}, received ${receivedType(value)}`;
  addShapeIssue(issues, path, message, 'invalid_type', true);
  return value;
}

/** A check on a value of the right type: a message when it fails, else undefined. */
type Refinement<Value> = (value: Value) => { kind: ShapeKind; message: string } | undefined;

/**
 * A bound on a length. zod checks it on anything with a `length` (an array where a string is expected),
 * even after the value's type was refused, and counts a string's characters in code points.
 *
 * @example
 * ```ts
 * const bound: LengthBound = minLength(1);
 * ```
 */
export interface LengthBound {
  readonly bound: 'min' | 'max';
  readonly limit: number;
}

/**
 * At least `limit` characters or items.
 *
 * @example
 * ```ts
 * string(minLength(1)); // not empty
 * ```
 */
export const minLength = (limit: number): LengthBound => ({ bound: 'min', limit });
/**
 * At most `limit` characters or items.
 *
 * @example
 * ```ts
 * string(maxLength(100));
 * ```
 */
export const maxLength = (limit: number): LengthBound => ({ bound: 'max', limit });

const units: Readonly<Record<string, string>> = { string: 'characters', array: 'items' };

/**
 * Adds the issue `value` (any value with a length) gets for breaking `bound`, if it does.
 *
 * @example
 * ```ts
 * checkLength(minLength(1), [], ['aspects'], issues); // too_small: expected array to have >=1 items
 * ```
 */
export function checkLength(
  { bound, limit }: LengthBound,
  value: unknown,
  path: Path,
  issues: ShapeIssue[],
): void {
  if (value === null || value === undefined) return;
  const raw = (value as { length?: unknown }).length;
  if (raw === undefined) return;
  const length = typeof value === 'string' ? codePointLength(value) : (raw as number);
  if (bound === 'min' ? length >= limit : length <= limit) return;
  const origin = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';
  const [kind, word, sign] =
    bound === 'min' ? (['too_small', 'small', '>='] as const) : (['too_big', 'big', '<='] as const);
  const unit = units[origin];
  const message = unit
    ? `Too ${word}: expected ${origin} to have ${sign}${limit} ${unit}`
    : `Too ${word}: expected ${origin} to be ${sign}${limit}`;
  addShapeIssue(issues, path, message, kind, false);
}

function codePointLength(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if ((code & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      count--;
      index++;
    }
  }
  return count;
}

/**
 * A string, with checks run in order (each reports; none stops the next).
 *
 * @example
 * ```ts
 * string(minLength(1), pattern(/^\S+$/, 'an id has no spaces'));
 * ```
 */
export function string(...checks: (LengthBound | Refinement<string>)[]): Shape {
  return (value, path, issues) => {
    const typed = typeof value === 'string';
    if (!typed) wrongType('string', value, path, issues);
    for (const check of checks) {
      if (typeof check !== 'function') checkLength(check, value, path, issues);
      else if (typed) {
        const failure = check(value);
        if (failure) addShapeIssue(issues, path, failure.message, failure.kind, false);
      }
    }
    return value;
  };
}

/**
 * Matches `regex`, else `message`.
 *
 * @example
 * ```ts
 * string(pattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule-set id is kebab-case'));
 * ```
 */
export const pattern =
  (regex: RegExp, message: string): Refinement<string> =>
  (value) =>
    regex.test(value) ? undefined : { kind: 'invalid_format', message };

/**
 * A real date `YYYY-MM-DD` (zod's `z.iso.date()`).
 *
 * @example
 * ```ts
 * string(isoDate);
 * ```
 */
export const isoDate: Refinement<string> = (value) =>
  isIsoDate(value) ? undefined : { kind: 'invalid_format', message: 'Invalid ISO date' };

/**
 * A finite number (an integer when `integer`), at least `min` and at most `max`.
 *
 * @example
 * ```ts
 * number({ min: 0, max: 1, message: 'threshold is a share between 0 and 1' });
 * ```
 */
export function number(
  bounds: { integer?: boolean; min?: number; max?: number; message?: string } = {},
): Shape {
  const { integer = false, min, max, message } = bounds;
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('number', value, path, issues);
    if (integer && !Number.isInteger(value)) return wrongType('int', value, path, issues);
    if (integer && !Number.isSafeInteger(value)) {
      const message =
        value > 0
          ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`
          : `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`;
      addShapeIssue(issues, path, message, value > 0 ? 'too_big' : 'too_small', false);
    }
    if (min !== undefined && value < min)
      addShapeIssue(issues, path, message ?? `Too small: expected number to be >=${min}`, 'too_small', false);
    if (max !== undefined && value > max)
      addShapeIssue(issues, path, message ?? `Too big: expected number to be <=${max}`, 'too_big', false);
    return value;
  };
}

/**
 * `true` or `false`.
 *
 * @example
 * ```ts
 * strictObject({ encouraged: optional(boolean) });
 * ```
 */
export const boolean: Shape = (value, path, issues) =>
  typeof value === 'boolean' ? value : wrongType('boolean', value, path, issues);

/**
 * One of `values` (zod's `z.literal` and `z.enum`).
 *
 * @example
 * ```ts
 * oneOf(['official', 'provisional']);
 * ```
 */
export function oneOf(values: readonly (string | number)[]): Shape {
  const message =
    values.length === 1
      ? `Invalid input: expected ${shown(values[0])}`
      : `Invalid option: expected one of ${values.map(shown).join('|')}`;
  return (value, path, issues) => {
    if (!values.includes(value as string | number))
      addShapeIssue(issues, path, message, 'invalid_value', true);
    return value;
  };
}
