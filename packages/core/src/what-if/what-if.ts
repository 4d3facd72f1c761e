import { RubricError } from '../errors/rubric-error.js';
import { assembleResult } from '../evaluate/assemble-result.js';
import { layoutFor } from '../evaluate/layout-cache.js';
import type { EvaluationResult, Outcome, StandardResult } from '../result/types.js';
import { factsReadBy } from '../rule-set/conditions.js';
import type { RuleSet } from '../rule-set/types.js';
import {
  checkOutcomes,
  checkResultMatches,
  scopeOf,
  unevidencedPositions,
} from '../stored-result/result-matches.js';

/**
 * The result an estate would get if some standards had other outcomes — "what if these were fixed?" —
 * recomputed by the same aggregation as `evaluate`: counts, verdict, reasons. Standards given a new
 * outcome lose their explanation (it explained the old one); `missingFacts` keeps only facts still read by
 * a standard (or scope) left undecided. A standard given an outcome leaves `unevidenced`: under
 * `scoring.unevidenced: 'unmet'`, `{ S01: 'met' }` is what supplying S01's missing evidence would give.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when the result does not come from this rule set, its counts do not
 * add up to its standards' outcomes (`result-does-not-add-up`), or an id is unknown.
 * @example
 * ```ts
 * const result = evaluate(guangxi2021, assessment);
 * whatIf(guangxi2021, result, { S28: 'met', S56: 'met' }).eligible; // true once both are fixed?
 * ```
 */
export function whatIf(
  ruleSet: RuleSet,
  result: EvaluationResult,
  outcomes: Readonly<Record<string, Outcome>>,
): EvaluationResult {
  const layout = layoutFor(ruleSet);
  if (typeof outcomes !== 'object' || outcomes === null) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['outcomes'], message: 'outcomes is an object of standard id to outcome' },
    ]);
  }
  const checked = checkResultMatches(layout, result, Object.keys(outcomes));
  checkOutcomes(outcomes);
  const standards: StandardResult[] = checked.standards.map((standard) => {
    if (!Object.hasOwn(outcomes, standard.id) || outcomes[standard.id] === standard.outcome) return standard;
    const { explanation: _explained, ...rest } = standard;
    return { ...rest, outcome: outcomes[standard.id]! };
  });
  const scope = scopeOf(checked);
  const stillRead = new Set(
    scope.inScope === null ? factsReadBy(layout.ruleSet.scope, layout.ruleSet.conditions) : [],
  );
  standards.forEach((standard, position) => {
    if (standard.outcome !== 'missing-data') return;
    const { condition, applicableWhen } = layout.standards[position]!;
    for (const factId of [
      ...factsReadBy(applicableWhen, layout.ruleSet.conditions),
      ...factsReadBy(condition, layout.ruleSet.conditions),
    ])
      stillRead.add(factId);
  });
  const missingFacts = checked.missingFacts.filter((factId) => stillRead.has(factId));
  const unevidenced = unevidencedPositions(layout, checked).filter(
    (position) => !Object.hasOwn(outcomes, layout.standards[position]!.id),
  );
  return assembleResult(layout, checked.assessmentId, scope, standards, missingFacts, unevidenced);
}
