import { addIssue } from '../errors/add-issue.js';
import type { IssueOf } from '../errors/rubric-error.js';
import { isPlainObject } from '../util/guards.js';
import { quote, showValue } from '../util/show-value.js';

type Path = (string | number)[];

/**
 * A standard's `drafted` marks must each name a leaf of its `condition` or `applicableWhen` (same fact, same
 * value), shared conditions they refer to included (`shared`, by name): a mark that names nothing would tell readers a number is drafted when the rubric compares
 * another one, and it would go stale unnoticed when a threshold changes.
 */
export function checkDraftedValues(
  standard: Record<string, unknown>,
  path: Path,
  shared: ReadonlyMap<string, unknown>,
  issues: IssueOf<'INVALID_RULE_SET'>[],
): void {
  if (!Array.isArray(standard.drafted)) return;
  const leaves = [...leafValues(standard.condition, shared), ...leafValues(standard.applicableWhen, shared)];
  standard.drafted.forEach((mark, index) => {
    if (!isPlainObject(mark) || typeof mark.fact !== 'string' || mark.value === undefined) return;
    const found = leaves.some((leaf) => leaf.fact === mark.fact && sameValue(leaf.value, mark.value));
    if (!found) {
      addIssue(
        issues,
        [...path, 'drafted', index],
        `no condition of this standard compares fact ${quote(mark.fact)} with ${showValue(mark.value)}: a drafted mark names a value the standard uses`,
        'drafted-value-not-in-condition',
      );
    }
  });
}

/** The leaves as written, through references; each shared condition is read once (cycles end there). */
function leafValues(
  condition: unknown,
  shared: ReadonlyMap<string, unknown>,
  seen = new Set<string>(),
  depth = 0,
): { fact: unknown; value: unknown }[] {
  if (!isPlainObject(condition) || depth > 64) return [];
  for (const key of ['all', 'any'] as const) {
    const children = condition[key];
    if (Array.isArray(children))
      return children.flatMap((child) => leafValues(child, shared, seen, depth + 1));
  }
  if (condition.not !== undefined) return leafValues(condition.not, shared, seen, depth + 1);
  if (typeof condition.condition === 'string') {
    const name = condition.condition;
    if (seen.has(name)) return [];
    seen.add(name);
    return leafValues(shared.get(name), shared, seen, depth + 1);
  }
  return [{ fact: condition.fact, value: condition.value }];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}
