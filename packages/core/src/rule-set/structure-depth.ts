import type { RubricIssue } from '../errors/rubric-error.js';

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
