import { defineRuleSet } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { planPortfolio } from './plan-portfolio.js';

// Points mode: pass mark 6, aspect a1 at least 4 points, one standard met per requirement.
const points = [2, 3, 1, 4];
const ruleSet = defineRuleSet({
  id: 'points-city',
  version: '1.0.0',
  title: { zh: '积分' },
  provenance: { status: 'official', source: 'test' },
  facts: Object.fromEntries(points.map((_, i) => [`f${i}`, { type: 'boolean', title: { zh: `事实${i}` } }])),
  scoring: { mode: 'points', passMark: 6, aspectMinimums: { a1: 4 }, minMetPerRequirement: 1 },
  aspects: [0, 1].map((a) => ({
    id: `a${a}`,
    title: { zh: `方面${a}` },
    requirements: [
      {
        id: `r${a}`,
        title: { zh: `要求${a}` },
        standards: [2 * a, 2 * a + 1].map((i) => ({
          id: `s${i}`,
          title: { zh: `标准${i}` },
          points: points[i]!,
          condition: { all: [{ fact: `f${i}`, operator: 'equal', value: true }] },
        })),
      },
    ],
  })),
});
const estate = {
  assessment: {
    id: 'e',
    community: { name: '小区e' },
    facts: { f0: false, f1: false, f2: false, f3: false },
  },
};
// Cheapest: s0 (2 points, 2) + s3 (4 points in a1, 5) = 6 points for 7; without the aspect minimum,
// s0 + s1 + s2 (6 points for 6.5) would do.
const input = {
  ruleSet,
  estates: [estate],
  plan: {
    total: 1,
    milestones: [
      { year: 2021, count: 0 },
      { year: 2022, count: 1 },
    ],
  },
  cost: { perStandard: { s0: 2, s1: 4, s2: 0.5, s3: 5 } },
  budgets: { 2021: 5, 2022: 2 },
};

describe('planPortfolio in points mode', () => {
  it('meets the pass mark, the aspect minimum and every requirement at least cost, fixes spread over years', async () => {
    const outcome = await planPortfolio({ ...input, constraints: { spreadFixes: true } });
    if (!outcome.feasible) throw new Error(outcome.reasons.map((reason) => reason.message.en).join('\n'));
    expect(outcome.totalCost).toBe(7);
    const fixes = outcome.years[1]!.estates[0]!.fixes;
    expect(fixes.map((fix) => [fix.standardId, fix.year])).toEqual([
      ['s0', 2022],
      ['s3', 2021],
    ]);
  });

  it('has no plan when the fixes must all be paid in one year of either budget', async () => {
    const outcome = await planPortfolio(input);
    expect(outcome.feasible).toBe(false);
  });
});
