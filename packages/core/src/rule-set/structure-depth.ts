import type { RubricIssue } from '../errors/rubric-error.js';

/** No rule-set, patch or plan document is legitimately deeper than this. */
export const MAX_DOCUMENT_DEPTH = 64;
/** Nor has any list or object in it this many entries (the largest real rubric has a few hundred). */
export const MAX_DOCUMENT_ENTRIES = 10_000;
/** Nor this many objects and lists in all (scalars are not counted). */
export const MAX_DOCUMENT_NODES = 200_000;
/**
 * The one limit on a rule set's size: at most this many standards. `defineRuleSet` (and so
 * `compileRuleSet`, `extendRuleSet`) refuses more, and every result of a rule set within it is accepted by
 * `planRemediation` and `whatIf` (see {@link resultLimits}).
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
 * findExcessiveNesting(result, MAX_DOCUMENT_DEPTH, resultLimits(60_000, 6_000, 10));
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
export function findTooManyStandards(document: unknown): RubricIssue | undefined {
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

/**
 * Finds the first place where a document is too deep or too large to be a real one, without recursion,
 * so that hostile input (20,000 nested arrays, a sparse array of length 2³²−1, a million entries, one
 * object shared by every branch) is reported before a schema parser walks it. Each object is visited
 * once, so shared subtrees and cycles cost nothing extra; only objects and lists go on the stack, and a
 * path is spelled out only for the issue, so the walk allocates one small record per object.
 */
export function findExcessiveNesting(
  value: unknown,
  maxDepth: number = MAX_DOCUMENT_DEPTH,
  { maxEntries, maxNodes }: DocumentLimits = documentLimits,
): RubricIssue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Visit[] = [{ value, parent: undefined, key: 0, depth: 0 }];
  const seen = new Set<object>();
  const push = (child: unknown, parent: Visit, key: string | number) => {
    if (typeof child === 'object' && child !== null)
      stack.push({ value: child, parent, key, depth: parent.depth + 1 });
  };
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (seen.has(current)) continue;
    seen.add(current);
    if (visit.depth >= maxDepth) {
      return {
        path: pathOf(visit).slice(0, maxDepth),
        message: `nested deeper than ${maxDepth} levels; no valid document is this deep`,
        kind: 'too-deep',
      };
    }
    if (seen.size > maxNodes) {
      return {
        path: pathOf(visit),
        message: `more than ${maxNodes} objects and lists; no valid document is this large`,
        kind: 'too-large',
      };
    }
    const keys: string[] = Array.isArray(current) ? [] : Object.keys(current);
    const size = Array.isArray(current) ? current.length : keys.length;
    if (size > maxEntries) {
      return {
        path: pathOf(visit),
        message: `${size} entries; no list or object of a valid document has more than ${maxEntries}`,
        kind: 'too-large',
      };
    }
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) push(current[index], visit, index);
    } else {
      for (const key of keys) push((current as Record<string, unknown>)[key], visit, key);
    }
  }
  return undefined;
}

/** An object or list on the walk's stack: where it is, by a link to its parent. */
interface Visit {
  readonly value: object;
  readonly parent: Visit | undefined;
  readonly key: string | number;
  readonly depth: number;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let current: Visit | undefined = visit; current?.parent; current = current.parent)
    path.push(current.key);
  return path.reverse();
}
