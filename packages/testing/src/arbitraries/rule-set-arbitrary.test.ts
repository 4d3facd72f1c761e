import { compileRuleSet, defineRuleSet } from '@sunshine-rubric/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentArbitrary } from './assessment-arbitrary.js';
import { ruleSetArbitrary } from './rule-set-arbitrary.js';

describe('ruleSetArbitrary', () => {
  it('draws aspect minimums in points mode when asked, valid, and some of them decide verdicts', () => {
    const drawn = fc.sample(
      ruleSetArbitrary({ modes: ['points'], aspectMinimums: true }).chain((document) =>
        fc.tuple(
          fc.constant(document),
          fc.array(assessmentArbitrary(defineRuleSet(document)), { maxLength: 5 }),
        ),
      ),
      { numRuns: 200, seed: 5 },
    );
    const withMinimums = drawn.filter(([document]) => {
      const scoring = document.scoring;
      return scoring.mode === 'points' && Object.keys(scoring.aspectMinimums ?? {}).length > 0;
    });
    expect(withMinimums.length).toBeGreaterThan(100);
    const reasons = withMinimums.flatMap(([document, assessments]) => {
      const evaluator = compileRuleSet(defineRuleSet(document));
      return assessments.flatMap((assessment) => evaluator.evaluate(assessment).reasons);
    });
    expect(reasons.some((reason) => reason.code === 'BELOW_ASPECT_MINIMUM')).toBe(true);
  });

  it('draws none unless asked, so that a seed replays the rule sets it drew before', () => {
    const documents = fc.sample(ruleSetArbitrary({ modes: ['points'] }), { numRuns: 100, seed: 5 });
    expect(documents.every((document) => !('aspectMinimums' in document.scoring))).toBe(true);
  });
});
