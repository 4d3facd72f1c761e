import type { ShapeKind } from '../../errors/issue-kinds.js';
import { isIsoDate } from '../../util/guards.js';

// A few checks that say what zod says, without zod: an app that only scores estates checks rule sets with
// these (a few KiB) rather than ship a schema library. They follow zod 4's rules where zod's rules decide
// what a user sees: which issues a value gets, in which order, with which message; which option of a union
// answers for it (the one that matched, else the only one whose issues do not abort, else the union
// itself); key order and defaults of the output. `rule-set-shape.test.ts` holds them to the zod schema on
// random valid and broken documents.

type Path = readonly (string | number)[];

/** An issue as zod raises it: `aborts` when later checks of the same value stop (zod's `continue`). */
export interface ShapeIssue {
  readonly path: Path;
  readonly message: string;
  readonly kind: ShapeKind;
  readonly aborts: boolean;
}

/** Checks `value` at `path`, adds its issues, and returns the value as parsed (defaults filled in). */
export type Shape = (value: unknown, path: Path, issues: ShapeIssue[]) => unknown;

/** How an object's field may be left out: not at all, `optional`, or filled with a default. */
type Presence = 'required' | 'optional' | 'defaulted';
interface Field {
  readonly shape: Shape;
  readonly presence: Presence;
}
type FieldOrShape = Shape | Field;

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

const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : `${value}`);

function wrongType(expected: string, value: unknown, path: Path, issues: ShapeIssue[]): unknown {
  const message = `Invalid input: expected ${expected}, received ${receivedType(value)}`;
  issues.push({ path, message, kind: 'invalid_type', aborts: true });
  return value;
}

/** A check on a value of the right type: a message when it fails, else undefined. */
type Refinement<Value> = (value: Value) => { kind: ShapeKind; message: string } | undefined;

/**
 * A bound on a length. zod checks it on anything with a `length` (an array where a string is expected),
 * even after the value's type was refused, and counts a string's characters in code points.
 */
export interface LengthBound {
  readonly bound: 'min' | 'max';
  readonly limit: number;
}

/** At least `limit` characters or items. */
export const minLength = (limit: number): LengthBound => ({ bound: 'min', limit });
/** At most `limit` characters or items. */
export const maxLength = (limit: number): LengthBound => ({ bound: 'max', limit });

const units: Readonly<Record<string, string>> = { string: 'characters', array: 'items' };

/** The issue `value` (any value with a length) gets for breaking `bound`, if it does. */
function checkLength({ bound, limit }: LengthBound, value: unknown, path: Path, issues: ShapeIssue[]): void {
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
  issues.push({ path, message, kind, aborts: false });
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
        if (failure) issues.push({ path, ...failure, aborts: false });
      }
    }
    return value;
  };
}

/** Matches `regex`, else `message`. */
export const pattern =
  (regex: RegExp, message: string): Refinement<string> =>
  (value) =>
    regex.test(value) ? undefined : { kind: 'invalid_format', message };

/** A real date `YYYY-MM-DD` (zod's `z.iso.date()`). */
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
      issues.push({ path, message, kind: value > 0 ? 'too_big' : 'too_small', aborts: false });
    }
    if (min !== undefined && value < min)
      issues.push({
        path,
        message: message ?? `Too small: expected number to be >=${min}`,
        kind: 'too_small',
        aborts: false,
      });
    if (max !== undefined && value > max)
      issues.push({
        path,
        message: message ?? `Too big: expected number to be <=${max}`,
        kind: 'too_big',
        aborts: false,
      });
    return value;
  };
}

/** `true` or `false`. */
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
      issues.push({ path, message, kind: 'invalid_value', aborts: true });
    return value;
  };
}

/** A field that may be left out (or `undefined`). */
export const optional = (shape: Shape): Field => ({
  shape: (value, path, issues) => (value === undefined ? undefined : shape(value, path, issues)),
  presence: 'optional',
});

/** A field that takes `fallback` when left out (or `undefined`). */
export const withDefault = (shape: Shape, fallback: unknown): Field => ({
  shape: (value, path, issues) => (value === undefined ? fallback : shape(value, path, issues)),
  presence: 'defaulted',
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object with exactly these fields (zod's `z.strictObject`); its output has them in this order.
 * `unknownKeysMessage` words the issue for unknown keys, else zod's.
 *
 * @example
 * ```ts
 * strictObject({ zh: string(minLength(1)), en: optional(string(minLength(1))) });
 * ```
 */
export function strictObject(
  fields: Readonly<Record<string, FieldOrShape>>,
  unknownKeysMessage?: (keys: readonly string[]) => string,
): Shape {
  const entries = Object.entries(fields).map(([key, field]): [string, Field] => [
    key,
    typeof field === 'function' ? { shape: field, presence: 'required' } : field,
  ]);
  const known = new Set(Object.keys(fields));
  return (value, path, issues) => {
    if (!isObject(value)) return wrongType('object', value, path, issues);
    const output: Record<string, unknown> = {};
    for (const [key, { shape, presence }] of entries) {
      const present = key in value;
      if (!present && presence === 'optional') continue;
      const own: ShapeIssue[] = [];
      const parsed = shape(value[key], [...path, key], own);
      issues.push(...own);
      if (!present && presence === 'required' && own.length === 0)
        wrongType('nonoptional', undefined, [...path, key], issues);
      if (present || parsed !== undefined) output[key] = parsed;
    }
    const unknown: string[] = [];
    for (const key in value) if (!known.has(key)) unknown.push(key);
    if (unknown.length > 0) {
      const message =
        unknownKeysMessage?.(unknown) ??
        `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map(shown).join(', ')}`;
      issues.push({ path, message, kind: 'unrecognized_keys', aborts: false });
    }
    return output;
  };
}

/**
 * A map from keys that `key` accepts to values that `entry` accepts (zod's `z.record`).
 *
 * @example
 * ```ts
 * record(string(pattern(/^[A-Za-z]\w*$/, 'a fact id…')), factDefinition);
 * ```
 */
export function record(key: Shape, entry: Shape): Shape {
  return (value, path, issues) => {
    if (!isPlainRecord(value)) return wrongType('record', value, path, issues);
    const output: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      if (name === '__proto__') continue;
      if (failsKey(key, name)) {
        issues.push({
          path: [...path, name],
          message: 'Invalid key in record',
          kind: 'invalid_key',
          aborts: true,
        });
        continue;
      }
      output[name] = entry(value[name], [...path, name], issues);
    }
    return output;
  };
}

function failsKey(key: Shape, name: string): boolean {
  const issues: ShapeIssue[] = [];
  key(name, [], issues);
  return issues.length > 0;
}

/** zod's test for a record: an object whose prototype, if any, is an ordinary one. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const maker = value.constructor;
  if (maker === undefined || typeof maker !== 'function') return true;
  const prototype = (maker as { prototype?: unknown }).prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/**
 * A list of values that `item` accepts, with at least `min` items.
 *
 * @example
 * ```ts
 * array(string(minLength(1)), 1);
 * ```
 */
export function array(item: Shape, min?: number): Shape {
  const bound = min === undefined ? undefined : minLength(min);
  return (value, path, issues) => {
    let output = value;
    if (Array.isArray(value)) output = value.map((element, index) => item(element, [...path, index], issues));
    else wrongType('array', value, path, issues);
    if (bound) checkLength(bound, value, path, issues);
    return output;
  };
}

/**
 * The first of `options` that accepts the value; else the issues of the one option whose issues do not
 * abort; else one `invalid_union` issue (zod's `z.union`).
 *
 * @example
 * ```ts
 * union([boolean, number(), string()]);
 * ```
 */
export function union(options: readonly Shape[], message = 'Invalid input'): Shape {
  return (value, path, issues) => {
    const failed: { parsed: unknown; issues: ShapeIssue[] }[] = [];
    for (const option of options) {
      const own: ShapeIssue[] = [];
      const parsed = option(value, path, own);
      if (own.length === 0) return parsed;
      failed.push({ parsed, issues: own });
    }
    const live = failed.filter((result) => !result.issues.some((issue) => issue.aborts));
    if (live.length === 1) {
      issues.push(...live[0]!.issues);
      return live[0]!.parsed;
    }
    issues.push({ path, message, kind: 'invalid_union', aborts: true });
    return value;
  };
}

/**
 * The option that `options[value[key]]` names (zod's `z.discriminatedUnion`).
 *
 * @example
 * ```ts
 * discriminated('mode', { points: pointsScoring, 'compliance-rate': rateScoring });
 * ```
 */
export function discriminated(key: string, options: Readonly<Record<string, Shape>>): Shape {
  const names = Object.keys(options);
  const message = `Invalid discriminator value. Expected ${names.map((name) => `'${name}'`).join(' | ')}`;
  return (value, path, issues) => {
    if (!isObject(value)) return wrongType('object', value, path, issues);
    const tag = value[key];
    const option = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag] : undefined;
    if (option) return option(value, path, issues);
    issues.push({ path: [...path, key], message, kind: 'invalid_union', aborts: true });
    return value;
  };
}
