import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { afterAll, describe, expect } from 'vitest';
import { importStandalone, removeStandaloneModules } from '../../test/standalone-module.js';
import type { Assessment } from '../assessment/schema.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

afterAll(removeStandaloneModules);

// Each run writes and imports a module: fewer runs than the backends' differential, more assessments each.
const numRuns = Number(process.env.DIFFERENTIAL_RUNS ?? 150);
const pairs = ruleSetArbitrary({ sharedConditions: true, factComparisons: true, aspectMinimums: true })
  .map((ruleSet) => defineRuleSet(ruleSet))
  .chain((ruleSet) =>
    fc.tuple(fc.constant(ruleSet), fc.array(assessmentArbitrary(ruleSet), { minLength: 1, maxLength: 6 })),
  );

/** Both modes of the module give what the compiled evaluator gives, on every assessment. */
async function expectSameResults([ruleSet, assessments]: [RuleSet, readonly Assessment[]]): Promise<void> {
  const standalone = await importStandalone(generateStandaloneEvaluator(ruleSet));
  const compiled = compileRuleSet(ruleSet);
  for (const assessment of assessments) {
    expect(standalone.evaluate(assessment)).toEqual(compiled.evaluate(assessment));
    expect(standalone.evaluate(assessment, { explain: false })).toEqual(
      compiled.evaluate(assessment, { explain: false }),
    );
  }
}

describe('a standalone module and the compiled evaluator', () => {
  test.prop([pairs], { numRuns })(
    'give deep-equal results over random rule sets (shared conditions, fact comparisons) and assessments',
    expectSameResults,
    120_000,
  );
});

const evidencePairs = ruleSetArbitrary({ evidence: true, sharedConditions: true })
  .map((ruleSet) => defineRuleSet(ruleSet))
  .chain((ruleSet) =>
    fc.tuple(
      fc.constant(ruleSet),
      fc.array(assessmentArbitrary(ruleSet, { evidence: true }), { minLength: 1, maxLength: 6 }),
    ),
  );

describe('with evidence required, cited and missing, a standalone module and the compiled evaluator', () => {
  test.prop([evidencePairs], { numRuns: Math.ceil(numRuns / 3) })(
    'give deep-equal results',
    expectSameResults,
    120_000,
  );
});
