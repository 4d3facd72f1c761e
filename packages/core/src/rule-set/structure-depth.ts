import type { RubricIssue } from '../errors/rubric-error.js';
import { describeThrown } from '../util/show-value.js';

/** No rule-set, patch or plan document is legitimately deeper than this. */
export const MAX_DOCUMENT_DEPTH = 64;
/** Nor has any list or object in it this many entries (the largest real rubric has a few hundred). */
export const MAX_DOCUMENT_ENTRIES = 10_000;
/** Nor this many objects and lists in all (scalars are not counted). */
export const MAX_DOCUMENT_NODES = 200_000;

/**
 * Finds the first place where a document is too deep or too large to be a real one, without recursion,
 * so that hostile input (20,000 nested arrays, a sparse array of length 2³²−1, a million entries, one
 * object shared by every branch) is reported before a schema parser walks it. Each object is visited
 * once, so shared subtrees and cycles cost nothing extra.
 */
export function findExcessiveNesting(
  value: unknown,
  maxDepth: number = MAX_DOCUMENT_DEPTH,
): RubricIssue | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (path.length >= maxDepth) {
      return {
        path: path.slice(0, maxDepth),
        message: `nested deeper than ${maxDepth} levels; no valid document is this deep`,
        kind: 'too-deep',
      };
    }
    if (seen.size > MAX_DOCUMENT_NODES) {
      return {
        path,
        message: `more than ${MAX_DOCUMENT_NODES} objects and lists; no valid document is this large`,
        kind: 'too-large',
      };
    }
    const keys: (string | number)[] = Array.isArray(current) ? [] : Object.keys(current);
    const size = Array.isArray(current) ? current.length : keys.length;
    if (size > MAX_DOCUMENT_ENTRIES) {
      return {
        path,
        message: `${size} entries; no list or object of a valid document has more than ${MAX_DOCUMENT_ENTRIES}`,
        kind: 'too-large',
      };
    }
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++)
        stack.push({ value: current[index], path: [...path, index] });
    } else {
      for (const key of keys)
        stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

/** A document read once into plain data, or the one issue that stopped the reading. */
export type DocumentSnapshot =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: RubricIssue };

/**
 * Reads a document once, into a copy of plain objects and lists, checking the same limits as
 * {@link findExcessiveNesting}. A getter or Proxy trap that throws becomes an issue at the path where it
 * threw (kind `unreadable`), never the raw exception; and since every later step reads the copy, a getter
 * that answers differently on each read cannot make validation and evaluation see different data.
 * Values that are not plain objects or lists (a Date, a Map, a function) are kept as they are, for the
 * schema to judge; shared objects stay shared, so a cycle stays a cycle.
 */
export function snapshotDocument(value: unknown, maxDepth: number = MAX_DOCUMENT_DEPTH): DocumentSnapshot {
  const root: { value?: unknown } = {};
  const copies = new Map<object, object>();
  const stack: { source: unknown; path: (string | number)[]; parent: object; key: string | number }[] = [
    { source: value, path: [], parent: root, key: 'value' },
  ];
  while (stack.length > 0) {
    const { source, path, parent, key } = stack.pop()!;
    if (typeof source !== 'object' || source === null) {
      place(parent, key, source);
      continue;
    }
    const known = copies.get(source);
    if (known) {
      place(parent, key, known);
      continue;
    }
    let reading: (string | number)[] = path;
    try {
      const isList = Array.isArray(source);
      const prototype = isList ? Array.prototype : Object.getPrototypeOf(source);
      if (!isList && prototype !== Object.prototype && prototype !== null) {
        copies.set(source, source);
        place(parent, key, source);
        continue;
      }
      if (path.length >= maxDepth) return { ok: false, issue: tooDeep(path, maxDepth) };
      if (copies.size >= MAX_DOCUMENT_NODES) return { ok: false, issue: tooManyNodes(path) };
      const keys: readonly string[] = isList ? [] : Object.keys(source);
      const size = isList ? (source as unknown[]).length : keys.length;
      if (size > MAX_DOCUMENT_ENTRIES) return { ok: false, issue: tooManyEntries(path, size) };
      const copy: object = isList ? new Array(size) : Object.create(prototype);
      copies.set(source, copy);
      place(parent, key, copy);
      // Keys placed first, in order, so the copy keeps the document's key order; then read in order.
      if (!isList) for (const entry of keys) place(copy, entry, undefined);
      const entries: (typeof stack)[number][] = [];
      for (let index = 0; index < size; index++) {
        const entry = isList ? index : keys[index]!;
        reading = [...path, entry];
        const read = (source as Record<string | number, unknown>)[entry];
        entries.push({ source: read, path: reading, parent: copy, key: entry });
      }
      for (let index = entries.length - 1; index >= 0; index--) stack.push(entries[index]!);
    } catch (error) {
      return { ok: false, issue: unreadable(reading, error) };
    }
  }
  return { ok: true, value: root.value };
}

/** An own data property, never the `__proto__` setter: a key `__proto__` stays a key. */
function place(parent: object, key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The issue of a value that could not be read: a getter or a Proxy trap threw.
 *
 * @example
 * ```ts
 * unreadable(['facts', 'occupied'], new Error('no access')).kind; // 'unreadable'
 * ```
 */
export function unreadable(path: readonly (string | number)[], error: unknown): RubricIssue {
  return {
    path,
    message: `this value could not be read: reading it threw ${describeThrown(error)}`,
    kind: 'unreadable',
  };
}

function tooDeep(path: readonly (string | number)[], maxDepth: number): RubricIssue {
  return {
    path: path.slice(0, maxDepth),
    message: `nested deeper than ${maxDepth} levels; no valid document is this deep`,
    kind: 'too-deep',
  };
}

function tooManyNodes(path: readonly (string | number)[]): RubricIssue {
  return {
    path,
    message: `more than ${MAX_DOCUMENT_NODES} objects and lists; no valid document is this large`,
    kind: 'too-large',
  };
}

function tooManyEntries(path: readonly (string | number)[], size: number): RubricIssue {
  return {
    path,
    message: `${size} entries; no list or object of a valid document has more than ${MAX_DOCUMENT_ENTRIES}`,
    kind: 'too-large',
  };
}

/**
 * Where in `value` reading throws, for an exception caught while reading it: the issue at the path of the
 * getter or Proxy trap that threw, or at the root when reading it again no longer throws.
 *
 * @example
 * ```ts
 * const hostile = { get facts() { throw new Error('no access'); } };
 * unreadableIssue(hostile, new Error('no access')).path; // ['facts']
 * ```
 */
export function unreadableIssue(value: unknown, error: unknown): RubricIssue {
  const snapshot = snapshotDocument(value, Number.POSITIVE_INFINITY);
  return !snapshot.ok && snapshot.issue.kind === 'unreadable' ? snapshot.issue : unreadable([], error);
}
