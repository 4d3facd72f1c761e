import { isPlainObject } from '../../util/guards.js';
import {
  addShapeIssue,
  checkLength,
  minLength,
  type Shape,
  type ShapeIssue,
  shown,
  wrongType,
} from './shape-checks.js';

// Objects, lists, maps and unions, by zod 4's rules (see shape-checks.ts).

/** How an object's field may be left out: not at all, `optional`, or filled with a default. */
type Presence = 'required' | 'optional' | 'defaulted';
interface Field {
  readonly shape: Shape;
  readonly presence: Presence;
}
type FieldOrShape = Shape | Field;

/**
 * A field that may be left out (or `undefined`).
 *
 * @example
 * ```ts
 * strictObject({ unit: optional(string()) });
 * ```
 */
export const optional = (shape: Shape): Field => ({
  shape: (value, path, issues) => (value === undefined ? undefined : shape(value, path, issues)),
  presence: 'optional',
});

/**
 * A field that takes `fallback` when left out (or `undefined`).
 *
 * @example
 * ```ts
 * strictObject({ minMetPerRequirement: withDefault(number({ integer: true, min: 0 }), 1) });
 * ```
 */
export const withDefault = (shape: Shape, fallback: unknown): Field => ({
  shape: (value, path, issues) => (value === undefined ? fallback : shape(value, path, issues)),
  presence: 'defaulted',
});

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
    if (!isPlainObject(value)) return wrongType('object', value, path, issues);
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
      addShapeIssue(issues, path, message, 'unrecognized_keys', false);
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
        addShapeIssue(issues, [...path, name], 'Invalid key in record', 'invalid_key', true);
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
  if (!isPlainObject(value)) return false;
  const maker = value.constructor;
  if (maker === undefined || typeof maker !== 'function') return true;
  const prototype = (maker as { prototype?: unknown }).prototype;
  return isPlainObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
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
    addShapeIssue(issues, path, message, 'invalid_union', true);
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
    if (!isPlainObject(value)) return wrongType('object', value, path, issues);
    const tag = value[key];
    const option = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag] : undefined;
    if (option) return option(value, path, issues);
    addShapeIssue(issues, [...path, key], message, 'invalid_union', true);
    return value;
  };
}
