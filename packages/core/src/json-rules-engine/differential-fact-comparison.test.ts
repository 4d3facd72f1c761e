import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, explanationDisagreements, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { isFactReference, leavesOf } from '../rule-set/conditions.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { Condition, FactType } from '../rule-set/types.js';
import { createJsonRulesEngineEvaluator } from './evaluate-with-json-rules-engine.js';

const numRuns = Number(process.env.DIFFERENTIAL_RUNS ?? 1000) / 2;

/** The facts a leaf on a fact of type `type` may compare with: the same type, or an integer for a number. */
function comparable(type: FactType, other: FactType): boolean {
  return other === type || (type === 'number' && other === 'integer');
}

/**
 * The rule set with leaves rewritten to compare their fact with another fact in place of the literal,
 * wherever the operator takes one value and another fact fits: `picks` chooses, leaf by leaf, whether
 * and with which fact (0 keeps the literal).
 */
function withFactComparisons(ruleSet: RuleSetInput, picks: readonly number[]): RuleSetInput {
  const types = Object.entries(ruleSet.facts).map(([id, definition]) => [id, definition.type] as const);
  let leaf = 0;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== 'object' || node === null) return node;
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewrite(value)]));
    if (typeof copy.fact !== 'string' || typeof copy.operator !== 'string') return copy;
    const pick = picks[leaf++ % picks.length]!;
    if (copy.operator === 'in' || copy.operator === 'notIn' || pick === 0) return copy;
    const type = ruleSet.facts[copy.fact]!.type;
    const others = types.filter(([id, other]) => id !== copy.fact && comparable(type, other));
    if (others.length === 0) return copy;
    return { ...copy, value: { fact: others[(pick - 1) % others.length]![0] } };
  };
  // Fact definitions have no `operator`, so only conditions are rewritten.
  return rewrite(ruleSet) as RuleSetInput;
}

const cases = fc
  .tuple(ruleSetArbitrary({ maxFacts: 8 }), fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 12 }))
  .chain(([ruleSet, picks]) =>
    fc.tuple(
      fc.constant(withFactComparisons(ruleSet, picks)),
      fc.array(assessmentArbitrary(defineRuleSet(ruleSet)), { minLength: 1, maxLength: 3 }),
    ),
  );

describe('rule sets whose leaves compare facts with each other', () => {
  test.prop([cases], { numRuns })(
    'give deep-equal results in the compiled evaluator and the json-rules-engine reference, explained consistently',
    async ([ruleSet, assessments]) => {
      const compiled = compileRuleSet(defineRuleSet(ruleSet));
      const reference = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet));
      const referenceVerdictOnly = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet), { explain: false });
      for (const assessment of assessments) {
        const result = compiled.evaluate(assessment);
        expect(result).toEqual(await reference.evaluate(assessment));
        expect(explanationDisagreements(result, assessment)).toEqual([]);
        expect(compiled.evaluate(assessment, { explain: false })).toEqual(
          await referenceVerdictOnly.evaluate(assessment),
        );
      }
    },
    120_000,
  );

  it('are drawn often: the property sees fact-to-fact leaves, not only literals', () => {
    const samples = fc.sample(cases, { numRuns: 200, seed: 1 });
    const comparing = samples.filter(([ruleSet]) =>
      ruleSet.aspects.some((aspect) =>
        aspect.requirements.some((requirement) =>
          requirement.standards.some((standard) =>
            leavesOf(standard.condition as Condition).some((leaf) => isFactReference(leaf.value)),
          ),
        ),
      ),
    );
    expect(comparing.length).toBeGreaterThan(50);
  });
});
