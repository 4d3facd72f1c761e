import type { RubricIssue } from '../errors/rubric-error.js';

/** No rule-set or assessment document is legitimately deeper than this. */
export const MAX_DOCUMENT_DEPTH = 64;

/**
 * Finds the first place where a JSON value nests deeper than `maxDepth`, without recursion, so that
 * hostile input (20,000 nested arrays) is reported instead of overflowing the stack in a parser.
 */
export function findExcessiveNesting(
  value: unknown,
  maxDepth: number = MAX_DOCUMENT_DEPTH,
): RubricIssue | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= maxDepth) {
      return {
        path: path.slice(0, maxDepth),
        message: `nested deeper than ${maxDepth} levels; no valid document is this deep`,
        kind: 'too-deep',
      };
    }
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}
