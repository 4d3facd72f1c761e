import { compileRuleSet, defineRuleSet } from '@sunshine-rubric/core';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentArbitrary } from './assessment-arbitrary.js';
import { ruleSetArbitrary } from './rule-set-arbitrary.js';

const evaluator = compileRuleSet(guangxi2021);

describe('assessmentArbitrary', () => {
  it('draws assessments the fact catalog accepts, for any rule set', () => {
    fc.assert(
      fc.property(
        ruleSetArbitrary().chain((document) => {
          const ruleSet = defineRuleSet(document);
          return fc.tuple(fc.constant(ruleSet), assessmentArbitrary(ruleSet));
        }),
        ([ruleSet, assessment]) => {
          expect(() => compileRuleSet(ruleSet).evaluate(assessment)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers every fact with missing: 0, and leaves some out by default', () => {
    const complete = fc.sample(assessmentArbitrary(guangxi2021, { missing: 0 }), { numRuns: 20, seed: 7 });
    expect(complete.every((assessment) => Object.keys(assessment.facts).length === 83)).toBe(true);
    const gappy = fc.sample(assessmentArbitrary(guangxi2021), { numRuns: 20, seed: 7 });
    expect(gappy.some((assessment) => evaluator.evaluate(assessment).missingFacts.length > 0)).toBe(true);
  });

  it('lands nearer the 85% boundary with nearBoundary, on both sides of it', () => {
    const distance = (arbitrary: fc.Arbitrary<Parameters<typeof evaluator.evaluate>[0]>) =>
      fc
        .sample(arbitrary, { numRuns: 40, seed: 11 })
        .map((assessment) => evaluator.evaluate(assessment, { explain: false }));
    const plain = distance(assessmentArbitrary(guangxi2021));
    const near = distance(assessmentArbitrary(guangxi2021, { nearBoundary: true }));
    const mean = (results: typeof plain) =>
      results.reduce((sum, result) => sum + Math.abs(result.compliance.rate - 0.85), 0) / results.length;
    expect(mean(near)).toBeLessThan(mean(plain) / 2);
    expect(near.some((result) => result.eligible)).toBe(true);
    expect(near.some((result) => !result.eligible && result.inScope)).toBe(true);
  });
});
