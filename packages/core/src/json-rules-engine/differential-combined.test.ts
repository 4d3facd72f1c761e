import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect } from 'vitest';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import type { EvaluationResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { createJsonRulesEngineEvaluator } from './evaluate-with-json-rules-engine.js';

// Every feature of the format at once (each has its own property in differential.test.ts): shared
// conditions, fact comparisons, aspect minimums and evidence, conditions nested deeper, more facts missing.
// A result's fields are read in a drawn order before it is compared, and the verdict-only result must be
// the explained one without its explanations.
const numRuns = Math.ceil(Number(process.env.DIFFERENTIAL_RUNS ?? 1000) / 4);
const details = ['standards', 'requirements', 'aspects', 'reasons', 'unevidenced'] as const;

const cases = ruleSetArbitrary({
  sharedConditions: true,
  factComparisons: true,
  aspectMinimums: true,
  evidence: true,
  maxDepth: 6,
  maxFacts: 4,
})
  .map((ruleSet) => defineRuleSet(ruleSet))
  .chain((ruleSet) =>
    fc.tuple(
      fc.constant(ruleSet),
      fc.array(assessmentArbitrary(ruleSet, { evidence: true, missing: 0.2 }), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.shuffledSubarray([...details], { minLength: details.length }),
    ),
  );

/** Reads the result's details in `order`, as a consumer might before anything else. */
function readIn(result: EvaluationResult, order: readonly (typeof details)[number][]): EvaluationResult {
  for (const key of order) void result[key];
  return result;
}

describe('with every feature at once, the two backends', () => {
  test.prop([cases], { numRuns })(
    'give deep-equal results whatever order the fields are read in, verdict-only being explained less explanations',
    async ([ruleSet, assessments, order]) => {
      const compiled = compileRuleSet(ruleSet);
      const reference = createJsonRulesEngineEvaluator(ruleSet);
      const referenceVerdictOnly = createJsonRulesEngineEvaluator(ruleSet, { explain: false });
      for (const assessment of assessments) {
        const explained = readIn(compiled.evaluate(assessment), order);
        expect(explained).toEqual(await reference.evaluate(assessment));
        const verdictOnly = readIn(compiled.evaluate(assessment, { explain: false }), [...order].reverse());
        expect(verdictOnly).toEqual(await referenceVerdictOnly.evaluate(assessment));
        expect(verdictOnly).toEqual({
          ...explained,
          standards: explained.standards.map(({ explanation: _, ...standard }) => standard),
        });
      }
    },
    120_000,
  );
});
