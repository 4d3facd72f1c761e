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
  const root: Record<string, unknown> = { value };
  const copies = new Map<object, object>();
  // Paths are built only for an issue: each entry links to its parent's place.
  const stack: { source: unknown; parent: Record<string | number, unknown>; at: Place }[] = [
    { source: value, parent: root, at: { up: undefined, key: 'value', depth: 0 } },
  ];
  while (stack.length > 0) {
    const { source, parent, at } = stack.pop()!;
    if (typeof source !== 'object' || source === null) continue; // already placed by its parent
    const known = copies.get(source);
    if (known) {
      place(parent, at.key, known);
      continue;
    }
    let reading: Place = at;
    try {
      const isList = Array.isArray(source);
      const prototype = isList ? Array.prototype : Object.getPrototypeOf(source);
      if (!isList && prototype !== Object.prototype && prototype !== null) {
        copies.set(source, source); // kept as it is, for the schema to judge
        continue;
      }
      if (at.depth >= maxDepth) return { ok: false, issue: tooDeep(pathOf(at), maxDepth) };
      if (copies.size >= MAX_DOCUMENT_NODES) return { ok: false, issue: tooManyNodes(pathOf(at)) };
      const keys: readonly string[] = isList ? [] : Object.keys(source);
      const size = isList ? (source as unknown[]).length : keys.length;
      if (size > MAX_DOCUMENT_ENTRIES) return { ok: false, issue: tooManyEntries(pathOf(at), size) };
      const copy: Record<string | number, unknown> = isList
        ? new Array(size)
        : prototype === null
          ? Object.create(null)
          : {};
      copies.set(source, copy);
      place(parent, at.key, copy);
      const children: (typeof stack)[number][] = [];
      for (let index = 0; index < size; index++) {
        const key = isList ? index : keys[index]!;
        reading = { up: at, key, depth: at.depth + 1 };
        const read = (source as Record<string | number, unknown>)[key];
        place(copy, key, read); // in order, so the copy keeps the key order; objects replaced below
        if (typeof read === 'object' && read !== null)
          children.push({ source: read, parent: copy, at: reading });
      }
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    } catch (error) {
      return { ok: false, issue: unreadable(pathOf(reading), error) };
    }
  }
  return { ok: true, value: root.value };
}

/** Where an entry sits: its key, its parent's place, its depth below the document's root. */
interface Place {
  readonly up: Place | undefined;
  readonly key: string | number;
  readonly depth: number;
}

function pathOf(at: Place): (string | number)[] {
  const path: (string | number)[] = [];
  for (let place: Place | undefined = at; place?.up !== undefined; place = place.up) path.push(place.key);
  return path.reverse();
}

/** Sets an own data property; a key `__proto__` stays a key, never the prototype setter. */
function place(parent: Record<string | number, unknown>, key: string | number, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  } else parent[key] = value;
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
