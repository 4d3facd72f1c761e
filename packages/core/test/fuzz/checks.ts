// What the fuzz suites and the regressions they found check of each entry point's answer: shared so that
// a regression test beside its feature asserts exactly what the suite did.
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type Condition,
  defineRuleSet,
  type EvaluationResult,
  evaluate,
  type Outcome,
  planRemediation,
  type RemediationOptions,
  type RemediationPlan,
  type RuleSet,
  type RuleSetInput,
  whatIf,
} from '../../src/index.js';
import { EvaluationResultSchema } from '../../src/result/schema.js';
import { expectRubricErrorOrValue } from './contract.js';
import { guangxi2021, guangxiAssessments, guangxiResult } from './documents.js';

/** The aspects of a rule set with one aspect `a`, one requirement `r` and one standard `s`. */
export function oneStandard(condition: Condition, extra: { points?: number } = {}): RuleSetInput['aspects'] {
  const standard = { id: 's', title: { zh: 's' }, condition, ...extra };
  return [
    { id: 'a', title: { zh: 'a' }, requirements: [{ id: 'r', title: { zh: 'r' }, standards: [standard] }] },
  ];
}

/** What a user checks of a result: its documented shape, and a verdict that agrees with its reasons. */
export function expectValidResult(result: EvaluationResult): void {
  const parsed = EvaluationResultSchema.safeParse(result);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  expect(result.eligible).toBe(result.reasons.length === 0);
  expect(result.compliance.met).toBeLessThanOrEqual(result.compliance.applicable);
  if (result.eligible) expect(result.inScope).toBe(true);
}

export function checkEvaluation(run: () => EvaluationResult, inputs: string): void {
  const outcome = expectRubricErrorOrValue(run, { entryPoint: inputs });
  if (outcome?.ok) expectValidResult(outcome.value);
  else if (outcome) expect(['INVALID_ASSESSMENT', 'INVALID_RULE_SET']).toContain(outcome.error.code);
}

/** A rule set defineRuleSet accepted is frozen, plain JSON, and accepted again unchanged. */
export function expectValidRuleSet(ruleSet: RuleSet): void {
  expect(Object.isFrozen(ruleSet)).toBe(true);
  const text = JSON.stringify(ruleSet);
  expect(JSON.stringify(defineRuleSet(JSON.parse(text)))).toBe(text);
}

export function checkDefineRuleSet(input: unknown, inputs = 'defineRuleSet'): void {
  const outcome = expectRubricErrorOrValue(() => defineRuleSet(input), { entryPoint: inputs });
  if (outcome?.ok) expectValidRuleSet(outcome.value);
  else if (outcome) expect(outcome.error.code).toBe('INVALID_RULE_SET');
}

/** Guangxi results: the failing sample's, and those of generated assessments. */
export const guangxiResults: fc.Arbitrary<EvaluationResult> = fc.oneof(
  fc.constant(guangxiResult),
  guangxiAssessments.map((assessment) => evaluate(guangxi2021, assessment, { explain: false })),
);

/**
 * A plan a user can act on: its total adds up, its steps are standards not met now, and fixing them makes
 * the estate eligible (checked with whatIf, an independent path through the aggregation).
 */
export function expectActionablePlan(
  ruleSet: RuleSet,
  result: EvaluationResult,
  plan: RemediationPlan,
): void {
  expect(Number.isFinite(plan.totalCost) && plan.totalCost >= 0).toBe(true);
  expect(plan.totalCost).toBe(plan.steps.reduce((sum, step) => sum + step.cost, 0));
  const outcomes = new Map(result.standards.map((standard) => [standard.id, standard.outcome]));
  for (const step of plan.steps) expect(['unmet', 'missing-data']).toContain(outcomes.get(step.standardId));
  expect(new Set(plan.steps.map((step) => step.standardId)).size).toBe(plan.steps.length);
  if (!plan.feasible) {
    expect(plan.steps).toEqual([]);
    return;
  }
  const fixed = Object.fromEntries(plan.steps.map((step) => [step.standardId, 'met' as Outcome]));
  expect(whatIf(ruleSet, result, fixed).eligible).toBe(true);
}

export function checkPlan(
  ruleSet: RuleSet,
  result: EvaluationResult,
  options: unknown,
  inputs: string,
): RemediationPlan | undefined {
  const outcome = expectRubricErrorOrValue(
    () => planRemediation(ruleSet, result, options as RemediationOptions),
    { entryPoint: inputs },
  );
  if (outcome?.ok) {
    expectActionablePlan(ruleSet, result, outcome.value);
    // Feasibility is about reachability, not price: the same estate with unit costs agrees.
    expect(outcome.value.feasible).toBe(planRemediation(ruleSet, result).feasible);
    return outcome.value;
  }
  if (outcome) expect(outcome.error.code).toBe('INVALID_OPTIONS');
  return undefined;
}
