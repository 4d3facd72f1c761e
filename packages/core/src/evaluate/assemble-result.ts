import type {
  AspectResult,
  EvaluationResult,
  ExplanationNode,
  Reason,
  RequirementResult,
  StandardResult,
} from '../result/types.js';
import type { RubricLayout } from './layout.js';
import { reasonsFor } from './reasons.js';

/** Whether the estate is in scope: `null` when a fact the scope reads is missing. */
export interface ScopeVerdict {
  readonly inScope: boolean | null;
  /** Facts of failed scope leaves (out of scope), for the reason. */
  readonly failedFacts: readonly string[];
  /** Whether the estate is in the rule set's focus (`null`: a fact is missing); absent without a focus. */
  readonly inFocus?: boolean | null;
}

/**
 * Aggregates standard outcomes into the verdict: counts per requirement and aspect, the exact threshold
 * or pass-mark comparison, and the reasons. Shared by every backend, so they differ only in how they
 * decide conditions.
 */
export function assembleResult(
  layout: RubricLayout,
  assessmentId: string,
  scope: ScopeVerdict,
  standards: readonly StandardResult[],
  missingFacts: readonly string[],
): EvaluationResult {
  const { ruleSet, pointsScale } = layout;
  const requirementMet = new Array<number>(layout.requirements.length).fill(0);
  const requirementApplicable = new Array<number>(layout.requirements.length).fill(0);
  const aspectMet = new Array<number>(layout.aspects.length).fill(0);
  const aspectApplicable = new Array<number>(layout.aspects.length).fill(0);
  const aspectPoints = new Array<number>(layout.aspects.length).fill(0);
  const aspectMaxPoints = new Array<number>(layout.aspects.length).fill(0);
  let met = 0;
  let applicable = 0;
  let points = 0;
  let maxPoints = 0;
  const { requirementPositions, aspectPositions, scaledPoints } = layout.hot;
  for (let position = 0; position < standards.length; position++) {
    const outcome = standards[position]!.outcome;
    if (outcome === 'not-applicable') continue;
    const requirementPosition = requirementPositions[position]!;
    const aspectPosition = aspectPositions[position]!;
    const standardPoints = scaledPoints[position]!;
    applicable++;
    requirementApplicable[requirementPosition]!++;
    aspectApplicable[aspectPosition]!++;
    maxPoints += standardPoints;
    aspectMaxPoints[aspectPosition]! += standardPoints;
    if (outcome !== 'met') continue;
    met++;
    requirementMet[requirementPosition]!++;
    aspectMet[aspectPosition]!++;
    points += standardPoints;
    aspectPoints[aspectPosition]! += standardPoints;
  }

  const scoring = ruleSet.scoring;
  const requirements: RequirementResult[] = layout.requirements.map((requirement, position) => ({
    id: requirement.id,
    aspectId: requirement.aspectId,
    met: requirementMet[position]!,
    applicable: requirementApplicable[position]!,
    satisfied:
      requirementApplicable[position] === 0 || requirementMet[position]! >= scoring.minMetPerRequirement,
  }));
  const isPoints = scoring.mode === 'points';
  const aspects: AspectResult[] = layout.aspects.map((aspect, position) => {
    const base = {
      id: aspect.id,
      met: aspectMet[position]!,
      applicable: aspectApplicable[position]!,
      rate: rate(aspectMet[position]!, aspectApplicable[position]!),
    };
    return isPoints
      ? {
          ...base,
          points: aspectPoints[position]! / pointsScale,
          maxPoints: aspectMaxPoints[position]! / pointsScale,
        }
      : base;
  });

  const counts = { met, applicable, scaledPoints: points };
  const passes =
    scoring.mode === 'compliance-rate'
      ? applicable > 0 && layout.meetsThreshold(met, applicable)
      : points >= Math.round(scoring.passMark * pointsScale);
  const aspectsPass =
    scoring.mode !== 'points' ||
    layout.aspects.every(
      (aspect, position) =>
        aspectPoints[position]! >= Math.round((scoring.aspectMinimums?.[aspect.id] ?? 0) * pointsScale),
    );
  const eligible =
    scope.inScope === true &&
    passes &&
    aspectsPass &&
    requirements.every((requirement) => requirement.satisfied);
  const reasons: Reason[] = eligible
    ? []
    : reasonsFor(layout, scope, counts, requirements, aspectPoints, standards, missingFacts);

  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, provenance: ruleSet.provenance },
    assessmentId,
    inScope: scope.inScope === true,
    ...(scope.inFocus !== undefined ? { inFocus: scope.inFocus } : {}),
    eligible,
    compliance: { met, applicable, total: standards.length, rate: rate(met, applicable) },
    ...(scoring.mode === 'points'
      ? { score: { points: points / pointsScale, max: maxPoints / pointsScale, passMark: scoring.passMark } }
      : {}),
    standards,
    requirements,
    aspects,
    reasons,
    missingFacts,
  };
}

function rate(met: number, applicable: number): number {
  return applicable === 0 ? 0 : met / applicable;
}

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
