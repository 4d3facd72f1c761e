import type {
  Assessment,
  EvaluationResult,
  OperatorDefinition,
  Outcome,
  RuleSet,
} from '@sunshine-rubric/core';
import { explanationDisagreements } from './explanation-agrees.js';

/** The invariants every rule set and evaluator must keep. */
export type InvariantName =
  | 'lint'
  | 'deterministic'
  | 'fact-order-independent'
  | 'backends-agree'
  | 'monotone-in-standards'
  | 'threshold-monotone'
  | 'reasons-iff-ineligible'
  | 'explanations-agree';

/**
 * Every invariant, in the order they are checked.
 *
 * @example
 * ```ts
 * await checkRuleSetInvariants(ruleSet, { invariants: invariantNames.filter((name) => name !== 'backends-agree') });
 * ```
 */
export const invariantNames: readonly InvariantName[] = [
  'lint',
  'deterministic',
  'fact-order-independent',
  'backends-agree',
  'monotone-in-standards',
  'threshold-monotone',
  'reasons-iff-ineligible',
  'explanations-agree',
];

/** What an invariant needs: the evaluator under test, the reference, and the rule set. */
export interface InvariantContext {
  readonly ruleSet: RuleSet;
  readonly operators: readonly OperatorDefinition[];
  readonly evaluate: (ruleSet: RuleSet, assessment: Assessment) => EvaluationResult;
  readonly reference: (ruleSet: RuleSet, assessment: Assessment) => Promise<EvaluationResult>;
}

/** One check: `undefined` when it holds for these inputs, else what went wrong. */
export type InvariantCheck = (
  context: InvariantContext,
  assessment: Assessment,
  other: Assessment,
  raise: number,
) => Promise<string | undefined>;

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** The invariants checked on random assessments; `lint` is proved once over the fact catalog instead. */
export const invariantChecks: Readonly<Record<Exclude<InvariantName, 'lint'>, InvariantCheck>> = {
  async deterministic({ ruleSet, evaluate }, assessment) {
    const first = evaluate(ruleSet, assessment);
    const second = evaluate(ruleSet, JSON.parse(JSON.stringify(assessment)) as Assessment);
    return same(first, second) ? undefined : 'evaluating the same assessment twice gave different results';
  },

  async 'fact-order-independent'({ ruleSet, evaluate }, assessment) {
    const reordered = {
      ...assessment,
      facts: Object.fromEntries(Object.entries(assessment.facts).reverse()),
    };
    return same(evaluate(ruleSet, assessment), evaluate(ruleSet, reordered))
      ? undefined
      : 'the result depends on the order of the facts';
  },

  async 'backends-agree'({ ruleSet, evaluate, reference }, assessment) {
    const compiled = evaluate(ruleSet, assessment);
    const referenceResult = await reference(ruleSet, assessment);
    if (same(compiled, referenceResult)) return undefined;
    const differing = compiled.standards
      .filter((standard, position) => !same(standard, referenceResult.standards[position]))
      .map((standard) => standard.id);
    return `the compiled evaluator and json-rules-engine disagree (eligible ${compiled.eligible} vs ${referenceResult.eligible}; standards ${differing.join(', ') || 'none'})`;
  },

  async 'monotone-in-standards'({ ruleSet, evaluate }, assessment, other) {
    // `other` differs from `assessment` in one fact; when that only turns standards met, eligibility cannot be lost.
    const before = evaluate(ruleSet, assessment);
    const after = evaluate(ruleSet, other);
    if (before.inScope !== after.inScope || !onlyGains(before, after)) return undefined;
    return before.eligible && !after.eligible
      ? `meeting more standards (${gained(before, after).join(', ')}) turned an eligible estate ineligible`
      : undefined;
  },

  async 'threshold-monotone'({ ruleSet, evaluate }, assessment, _other, raise) {
    const stricter = raiseBar(ruleSet, raise);
    const strict = evaluate(stricter, assessment);
    const lenient = evaluate(ruleSet, assessment);
    return strict.eligible && !lenient.eligible
      ? 'raising the bar made an ineligible estate eligible'
      : undefined;
  },

  async 'reasons-iff-ineligible'({ ruleSet, evaluate }, assessment) {
    const result = evaluate(ruleSet, assessment);
    return (result.reasons.length === 0) === result.eligible
      ? undefined
      : `eligible is ${result.eligible} but there are ${result.reasons.length} reasons`;
  },

  async 'explanations-agree'({ ruleSet, evaluate, operators }, assessment) {
    const problems = explanationDisagreements(evaluate(ruleSet, assessment), assessment, operators);
    return problems.length === 0 ? undefined : problems.slice(0, 3).join('; ');
  },
};

const gainable: readonly Outcome[] = ['unmet', 'missing-data'];

function onlyGains(before: EvaluationResult, after: EvaluationResult): boolean {
  let changed = false;
  for (let position = 0; position < before.standards.length; position++) {
    const from = before.standards[position]!.outcome;
    const to = after.standards[position]!.outcome;
    if (from === to) continue;
    if (!(gainable.includes(from) && to === 'met')) return false;
    changed = true;
  }
  return changed;
}

function gained(before: EvaluationResult, after: EvaluationResult): string[] {
  return after.standards
    .filter((standard, position) => standard.outcome !== before.standards[position]!.outcome)
    .map((standard) => standard.id);
}

const raised = new WeakMap<RuleSet, Map<number, RuleSet>>();

/**
 * The same rule set with a stricter bar: threshold raised by `raise` (at most to 1), or the pass mark by
 * that share of all points. The same object for the same raise, so evaluators compiled for it are reused.
 */
export function raiseBar(ruleSet: RuleSet, raise: number): RuleSet {
  const known = raised.get(ruleSet) ?? new Map<number, RuleSet>();
  raised.set(ruleSet, known);
  const stricter = known.get(raise) ?? stricterBar(ruleSet, raise);
  known.set(raise, stricter);
  return stricter;
}

function stricterBar(ruleSet: RuleSet, raise: number): RuleSet {
  const { scoring } = ruleSet;
  if (scoring.mode === 'compliance-rate') {
    return {
      ...ruleSet,
      scoring: { ...scoring, threshold: Math.min(1, Math.round((scoring.threshold + raise) * 1e6) / 1e6) },
    };
  }
  const total = ruleSet.aspects
    .flatMap((aspect) => aspect.requirements.flatMap((requirement) => requirement.standards))
    .reduce((sum, standard) => sum + (standard.points ?? 0), 0);
  return {
    ...ruleSet,
    scoring: { ...scoring, passMark: Math.min(total, scoring.passMark + Math.ceil(raise * total)) },
  };
}
