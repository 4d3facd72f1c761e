import type { ReadingKind } from '../errors/issue-kinds.js';
import type { RubricIssue } from '../errors/rubric-error.js';
import { describeThrown } from '../util/show-value.js';

/** No rule-set, patch or plan document is legitimately deeper than this. */
export const MAX_DOCUMENT_DEPTH = 64;
/** Nor has any list or object in it this many entries (the largest real rubric has a few hundred). */
export const MAX_DOCUMENT_ENTRIES = 10_000;
/** Nor this many objects and lists in all (scalars are not counted). */
export const MAX_DOCUMENT_NODES = 200_000;

/**
 * The one limit on a rule set's size: at most this many standards. `defineRuleSet` (and so
 * `compileRuleSet`, `extendRuleSet`) refuses more, and every result of a rule set within it is accepted by
 * `planRemediation` and `whatIf`.
 *
 * @example
 * ```ts
 * if (standardCount > MAX_STANDARDS) console.warn('split the rubric: defineRuleSet will refuse it');
 * ```
 */
export const MAX_STANDARDS = 60_000;

/** How large a document may be before it is refused unread. */
export interface DocumentLimits {
  readonly maxEntries: number;
  readonly maxNodes: number;
}

const documentLimits: DocumentLimits = { maxEntries: MAX_DOCUMENT_ENTRIES, maxNodes: MAX_DOCUMENT_NODES };

/**
 * The limits of an evaluation result of a rule set with these counts. A result mirrors its rule set: one
 * entry per standard, requirement and aspect, an explanation per standard with one node per condition
 * node, at most one reason per requirement and aspect (and four more); so it has no more objects and lists
 * than the rule set has, plus a few, but its `standards` and `requirements` lists hold the whole tree at
 * once. Without this, a result of a large valid rule set would be refused as too large.
 *
 * @example
 * ```ts
 * snapshotDocument(result, MAX_DOCUMENT_DEPTH, resultLimits(60_000, 6_000, 10));
 * ```
 */
export function resultLimits(standards: number, requirements: number, aspects: number): DocumentLimits {
  const items = standards + requirements + aspects;
  return { maxEntries: MAX_DOCUMENT_ENTRIES + items, maxNodes: MAX_DOCUMENT_NODES + items };
}

/**
 * The number of standards of a rule-set document, read leniently (before its shape is checked), when
 * above {@link MAX_STANDARDS}: the issue to report alone, before parsing a document that large.
 *
 * @example
 * ```ts
 * const tooMany = findTooManyStandards(input); // undefined, or a `too-large` issue at `aspects`
 * ```
 */
export function findTooManyStandards(document: unknown): RubricIssue<ReadingKind> | undefined {
  const aspects = (document as { aspects?: unknown } | null)?.aspects;
  if (!Array.isArray(aspects)) return undefined;
  let count = 0;
  for (const aspect of aspects) {
    const requirements = (aspect as { requirements?: unknown } | null)?.requirements;
    if (!Array.isArray(requirements)) continue;
    for (const requirement of requirements) {
      const standards = (requirement as { standards?: unknown } | null)?.standards;
      if (Array.isArray(standards)) count += standards.length;
    }
  }
  if (count <= MAX_STANDARDS) return undefined;
  return {
    path: ['aspects'],
    message: `${count} standards; a rule set has at most ${MAX_STANDARDS.toLocaleString('en')} standards`,
    kind: 'too-large',
  };
}

/** A document read once into plain data, or the one issue that stopped the reading. */
export type DocumentSnapshot =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: RubricIssue<ReadingKind> };

/**
 * Reads a document once, into a copy of plain objects and lists, refusing one too deep or too large to be a
 * real document (20,000 nested arrays, a sparse array of length 2³²−1, a million entries) before a schema
 * parser walks it, without recursion; each object is read once, so shared subtrees cost nothing. A getter or Proxy trap that throws becomes an issue at the path where it
 * threw (kind `unreadable`), never the raw exception; and since every later step reads the copy, a getter
 * that answers differently on each read cannot make validation and evaluation see different data.
 * Values that are not plain objects or lists (a Date, a Map, a function) are kept as they are, for the
 * schema to judge; shared objects stay shared, so a cycle stays a cycle.
 */
export function snapshotDocument(
  value: unknown,
  maxDepth: number = MAX_DOCUMENT_DEPTH,
  { maxEntries, maxNodes }: DocumentLimits = documentLimits,
): DocumentSnapshot {
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
      if (copies.size >= maxNodes) return { ok: false, issue: tooManyNodes(pathOf(at), maxNodes) };
      const keys: readonly string[] = isList ? [] : Object.keys(source);
      const size = isList ? (source as unknown[]).length : keys.length;
      if (size > maxEntries) return { ok: false, issue: tooManyEntries(pathOf(at), size, maxEntries) };
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
export function unreadable(path: readonly (string | number)[], error: unknown): RubricIssue<ReadingKind> {
  return {
    path,
    message: `this value could not be read: reading it threw ${describeThrown(error)}`,
    kind: 'unreadable',
  };
}

function tooDeep(path: readonly (string | number)[], maxDepth: number): RubricIssue<ReadingKind> {
  return {
    path: path.slice(0, maxDepth),
    message: `nested deeper than ${maxDepth} levels; no valid document is this deep`,
    kind: 'too-deep',
  };
}

function tooManyNodes(path: readonly (string | number)[], maxNodes: number): RubricIssue<ReadingKind> {
  return {
    path,
    message: `more than ${maxNodes} objects and lists; no valid document is this large`,
    kind: 'too-large',
  };
}

function tooManyEntries(
  path: readonly (string | number)[],
  size: number,
  maxEntries: number,
): RubricIssue<ReadingKind> {
  return {
    path,
    message: `${size} entries; no list or object of a valid document has more than ${maxEntries}`,
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
export function unreadableIssue(value: unknown, error: unknown): RubricIssue<ReadingKind> {
  const snapshot = snapshotDocument(value, Number.POSITIVE_INFINITY);
  return !snapshot.ok && snapshot.issue.kind === 'unreadable' ? snapshot.issue : unreadable([], error);
}
