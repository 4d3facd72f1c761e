import type { EvaluationResult, ExplanationNode, StandardResult } from '../result/types.js';
import type { RubricLayout } from './layout.js';
import { outcomeCode } from './outcome-codes.js';
import {
  aspectResults,
  countOutcomes,
  type OutcomeCounts,
  passesScoring,
  rate,
  requirementResults,
} from './outcome-counts.js';
import { reasonsFor } from './reasons.js';
import { evidenceReasons, evidenceRulesOf } from './result-evidence.js';
import type { ScopeVerdict } from './scope-verdict.js';

/**
 * Aggregates standard outcomes into the verdict: counts per requirement and aspect, the exact threshold
 * or pass-mark comparison, and the reasons. Shared by every backend, so they differ only in how they
 * decide conditions. `unevidenced` are the positions of the unevidenced standards: their outcomes (already
 * unmet under `scoring.unevidenced: 'unmet'`) and evidence are in `standards`.
 */
export function assembleResult(
  layout: RubricLayout,
  assessmentId: string,
  scope: ScopeVerdict,
  standards: readonly StandardResult[],
  missingFacts: readonly string[],
  unevidenced: readonly number[] = [],
): EvaluationResult {
  const outcomes: number[] = new Array(standards.length);
  for (let position = 0; position < standards.length; position++)
    outcomes[position] = outcomeCode(standards[position]!.outcome);
  const counts = countOutcomes(layout, outcomes);
  const eligible = eligibilityOf(layout, scope, counts);
  const evidence = {
    rules: evidenceRulesOf(layout),
    unevidenced,
    counted: layout.ruleSet.scoring.unevidenced === 'unmet',
  };
  const ids = unevidenced.map((position) => layout.standards[position]!.id);
  return resultOf(
    layout,
    assessmentId,
    scope,
    outcomes.length,
    counts,
    eligible,
    missingFacts,
    ids,
    (result) => {
      const requirements = requirementResults(layout, counts);
      result.standards = standards;
      result.requirements = requirements;
      result.aspects = aspectResults(layout, counts);
      result.reasons = eligible
        ? []
        : [
            ...reasonsFor(layout, scope, counts, requirements, counts.aspectPoints, outcomes, missingFacts),
            ...evidenceReasons(evidence, (position) => standards[position]!.evidence?.missing ?? []),
          ];
    },
  );
}

/**
 * Whether the estate is eligible: in scope, and the counts pass the rule set's scoring.
 *
 * @example
 * ```ts
 * const eligible = eligibilityOf(layout, scopeVerdict, counts);
 * ```
 */
export function eligibilityOf(layout: RubricLayout, scope: ScopeVerdict, counts: OutcomeCounts): boolean {
  return scope.inScope === true && passesScoring(layout, counts);
}

/**
 * The result from counted outcomes, its fields in the contract's order (`unevidenced` last). `placeDetails(result, details)`
 * sets `standards`, `requirements`, `aspects` and `reasons` in their place (values, or accessors that
 * build them when first read); `details` is passed through, so that the hot path makes no closure.
 * `counts` is read before `placeDetails` and not kept, so a caller may reuse it. `unevidenced` is the ids,
 * or what places them, called last (`placeLazyUnevidenced`: an accessor, after `placeDetails`).
 */
export function resultOf<Details>(
  layout: RubricLayout,
  assessmentId: string,
  scope: ScopeVerdict,
  standardCount: number,
  counts: ResultTotals,
  eligible: boolean,
  missingFacts: readonly string[],
  unevidenced: readonly string[] | ((result: Mutable<EvaluationResult>) => void),
  placeDetails: (result: Mutable<EvaluationResult>, details: Details) => void,
  details?: Details,
): EvaluationResult {
  const { ruleSet, pointsScale } = layout;
  const { met, applicable } = counts;
  const result = {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, provenance: ruleSet.provenance },
    assessmentId,
    inScope: scope.inScope === true,
  } as Mutable<EvaluationResult>;
  if (scope.inFocus !== undefined) result.inFocus = scope.inFocus;
  result.eligible = eligible;
  result.compliance = { met, applicable, total: standardCount, rate: rate(met, applicable) };
  if (ruleSet.scoring.mode === 'points') {
    result.score = {
      points: counts.scaledPoints / pointsScale,
      max: counts.scaledMaxPoints / pointsScale,
      passMark: ruleSet.scoring.passMark,
    };
  }
  placeDetails(result, details as Details);
  result.missingFacts = missingFacts;
  if (typeof unevidenced === 'function') unevidenced(result);
  else result.unevidenced = unevidenced;
  return result;
}

/** The totals a result shows: `compliance` and `score`. */
export interface ResultTotals {
  readonly met: number;
  readonly applicable: number;
  readonly scaledPoints: number;
  readonly scaledMaxPoints: number;
}

/** A result under construction: the same fields, writable. */
export type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

/** Facts of the leaves that came out false, in order, each once. */
export function failedLeafFacts(node: ExplanationNode): string[] {
  const facts = new Set<string>();
  const visit = (current: ExplanationNode): void => {
    if (current.kind === 'leaf') {
      if (current.result === false) facts.add(current.fact);
    } else if (current.kind === 'not' || current.kind === 'reference') visit(current.child);
    else current.children.forEach(visit);
  };
  visit(node);
  return [...facts];
}
