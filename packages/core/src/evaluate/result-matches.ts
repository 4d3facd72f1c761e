import { RubricError } from '../errors/rubric-error.js';
import type { EvaluationResult } from '../result/types.js';
import type { RubricLayout } from './layout.js';

/** Throws `INVALID_OPTIONS` unless `result` was evaluated against the rule set laid out in `layout`. */
export function checkResultMatches(
  layout: RubricLayout,
  result: EvaluationResult,
  standardIds: readonly string[] = [],
): void {
  const { id, version } = layout.ruleSet;
  const sameStandards =
    result.standards?.length === layout.standards.length &&
    result.standards.every((standard, position) => standard.id === layout.standards[position]!.id);
  if (result.ruleSet?.id !== id || result.ruleSet.version !== version || !sameStandards) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['result', 'ruleSet'], message: `the result was not evaluated against ${id}@${version}` },
    ]);
  }
  const known = new Set(layout.standards.map((standard) => standard.id));
  const unknown = standardIds.filter((standardId) => !known.has(standardId));
  if (unknown.length > 0) {
    throw new RubricError(
      'INVALID_OPTIONS',
      unknown.map((standardId) => ({
        path: ['outcomes', standardId],
        message: `no standard has id "${standardId}"`,
      })),
    );
  }
}
