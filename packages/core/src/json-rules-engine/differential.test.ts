import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect } from 'vitest';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { createJsonRulesEngineEvaluator } from './evaluate-with-json-rules-engine.js';

// At least 1,000 random rule sets and assessments in CI; DIFFERENTIAL_RUNS=100000 for a long local run.
const numRuns = Number(process.env.DIFFERENTIAL_RUNS ?? 1000);
const pairs = ruleSetArbitrary().chain((ruleSet) =>
  fc.tuple(
    fc.constant(ruleSet),
    fc.array(assessmentArbitrary(defineRuleSet(ruleSet)), { minLength: 1, maxLength: 3 }),
  ),
);

describe('the compiled evaluator and the json-rules-engine reference', () => {
  test.prop([pairs], { numRuns })(
    'give deep-equal results, with and without explanations',
    async ([ruleSet, assessments]) => {
      const compiled = compileRuleSet(defineRuleSet(ruleSet));
      const reference = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet));
      const referenceVerdictOnly = createJsonRulesEngineEvaluator(defineRuleSet(ruleSet), { explain: false });
      for (const assessment of assessments) {
        expect(compiled.evaluate(assessment)).toEqual(await reference.evaluate(assessment));
        expect(compiled.evaluate(assessment, { explain: false })).toEqual(
          await referenceVerdictOnly.evaluate(assessment),
        );
      }
    },
    120_000,
  );
});
