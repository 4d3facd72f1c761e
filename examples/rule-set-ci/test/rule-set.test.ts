import { compileRuleSet, diffRuleSets } from '@sunshine-rubric/core';
import { coverage, flipReport, formatFlipReport } from '@sunshine-rubric/testing';
import { describeRuleSetInvariants, itCoversRuleSet } from '@sunshine-rubric/testing/vitest';
import { describe, expect, it } from 'vitest';
import { fixtures, previousRuleSet, ruleSet } from '../src/load.js';

// 1. The invariants every rubric keeps, on random assessments drawn near its 85% boundary.
describeRuleSetInvariants('example-city@2.0.0', ruleSet, { numRuns: 60 });

// 2. The fixtures exercise the rubric: every leaf seen true and false at least 80% of the time.
describe('fixtures', () => {
  itCoversRuleSet(ruleSet, fixtures, 0.8);

  it('cover every standard both met and not met', () => {
    const uncovered = coverage(ruleSet, fixtures).standards.filter((standard) => !standard.covered);
    expect(uncovered.map((standard) => standard.id)).toEqual([]);
  });

  it('keep their expected verdicts', () => {
    const evaluator = compileRuleSet(ruleSet);
    const eligible = fixtures
      .filter((fixture) => evaluator.evaluate(fixture).eligible)
      .map((fixture) => fixture.id);
    expect(eligible).toEqual(['estate-a', 'estate-d', 'estate-g']);
  });
});

// 3. What this change does to the city's estates, against the version it replaces.
describe('the change from 1.0.0 to 2.0.0', () => {
  const report = flipReport(previousRuleSet, ruleSet, fixtures);

  it('raises the threshold to 85% and adds the elderly-canteen standard', () => {
    const diff = diffRuleSets(previousRuleSet, ruleSet);
    expect(diff.ruleSet).toContainEqual({ field: 'scoring.threshold', before: 0.8, after: 0.85 });
    expect(diff.standards.added).toEqual(['SV2']);
  });

  it('flips exactly the estates the pull request says it does', () => {
    expect(report.flipped.map((flip) => [flip.assessmentId, flip.direction])).toEqual([
      ['estate-b', 'became-ineligible'],
      ['estate-d', 'became-eligible'],
    ]);
    expect(formatFlipReport(report)).toContain(
      '| 示例·乙小区（虚构） (`estate-b`) | eligible → **ineligible** | 87.5% (7/8) | 77.8% (7/9) |',
    );
  });
});
