import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { afterAll, describe, expect } from 'vitest';
import { importStandalone, removeStandaloneModules } from '../../test/standalone-module.js';
import type { UnknownFactPolicy } from '../assessment/read-facts.js';
import type { Assessment } from '../assessment/schema.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

afterAll(removeStandaloneModules);

// Each run writes and imports a module: fewer runs than the backends' differential, more assessments each.
const numRuns = Number(process.env.DIFFERENTIAL_RUNS ?? 150);

/**
 * Rule sets drawn with every feature the kit draws (shared conditions, fact comparisons, aspect minimums,
 * required evidence with each `unevidenced` policy, conditions four deep), each with assessments of three
 * kinds: citing evidence, with many facts missing, and near the eligibility boundary; and a policy for
 * unknown facts, which some assessments then give.
 */
const cases = ruleSetArbitrary({
  sharedConditions: true,
  factComparisons: true,
  aspectMinimums: true,
  evidence: true,
  maxDepth: 4,
})
  .map((ruleSet) => defineRuleSet(ruleSet))
  .chain((ruleSet) =>
    fc.tuple(
      fc.constant(ruleSet),
      fc.array(
        fc.tuple(
          fc.oneof(
            assessmentArbitrary(ruleSet, { evidence: true }),
            assessmentArbitrary(ruleSet, { missing: 0.4 }),
            assessmentArbitrary(ruleSet, { nearBoundary: true, missing: 0.05 }),
          ),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 6 },
      ),
      fc.constantFrom<UnknownFactPolicy>('error', 'ignore'),
    ),
  );

/** A result as JSON text (its fields in order), or the code, issues and message of what was thrown. */
function outcome(run: () => unknown): unknown {
  try {
    return JSON.stringify(run());
  } catch (error) {
    const { code, issues, message } = error as { code?: unknown; issues?: unknown; message?: unknown };
    return { code, issues, message };
  }
}

/** Both modes of the module give what the compiled evaluator gives, on every assessment. */
async function expectSameResults([ruleSet, drawn, unknownFacts]: [
  RuleSet,
  readonly (readonly [Assessment, boolean])[],
  UnknownFactPolicy,
]): Promise<void> {
  const standalone = await importStandalone(generateStandaloneEvaluator(ruleSet, { unknownFacts }));
  const compiled = compileRuleSet(ruleSet, { unknownFacts });
  for (const [drawnAssessment, withUnknownFact] of drawn) {
    // An undeclared fact: an error, or ignored, as the policy says.
    const assessment = withUnknownFact
      ? { ...drawnAssessment, facts: { ...drawnAssessment.facts, undeclaredFact: 1 } }
      : drawnAssessment;
    for (const options of [undefined, { explain: false }]) {
      const expected = outcome(() => compiled.evaluate(assessment, options));
      expect(outcome(() => standalone.evaluate(assessment, options))).toEqual(expected);
      if (typeof expected === 'string')
        expect(standalone.evaluate(assessment, options)).toEqual(compiled.evaluate(assessment, options));
    }
  }
}

describe('a standalone module and the compiled evaluator', () => {
  test.prop([cases], { numRuns })(
    'give deep-equal results, fields in the same order, and the same errors, over random rule sets with every feature and assessments of every kind',
    expectSameResults,
    180_000,
  );
});
