import {
  type Assessment,
  compileRuleSet,
  defineRuleSet,
  type FactValue,
  type RuleSet,
} from '@sunshine-rubric/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentArbitrary,
  checkRuleSetInvariants,
  coverage,
  flipReport,
  formatFlipReport,
  ruleSetArbitrary,
} from '../src/index.js';
import { describeRuleSetInvariants, itCoversRuleSet } from '../src/vitest/index.js';
import { atLeastRounded, builtAfterYear, roundedRuleSet, roundingPlugin } from './rounded-rule-set.js';

const operators = roundingPlugin.operators;
const evaluator = compileRuleSet(roundedRuleSet, { operators });
const outcomesOf = (assessments: readonly Assessment[], standardId: string) =>
  new Set(
    assessments.map(
      (assessment) =>
        evaluator.evaluate(assessment).standards.find((standard) => standard.id === standardId)!.outcome,
    ),
  );

describe('a rule set with custom operators', () => {
  it('passes every invariant when its plugin is given', async () => {
    const report = await checkRuleSetInvariants(roundedRuleSet, { plugins: [roundingPlugin], numRuns: 60 });
    expect(report.violations).toEqual([]);
    expect(report.invariants.map((invariant) => [invariant.name, invariant.ok, invariant.runs])).toHaveLength(
      8,
    );
    expect(report.runs).toBe(7 * 60);
  }, 60_000);

  it('passes every invariant when its operators are given, for a defined rule set too', async () => {
    const defined = defineRuleSet(roundedRuleSet, { operators });
    const report = await checkRuleSetInvariants(defined, {
      operators: [atLeastRounded, builtAfterYear],
      numRuns: 30,
    });
    expect(report.ok).toBe(true);
  }, 60_000);

  it('catches a broken evaluator through its custom-operator leaves', async () => {
    // Reads atLeastRounded without rounding: its explanation then contradicts the operator.
    const unrounded = compileRuleSet(roundedRuleSet, {
      operators: [
        { ...atLeastRounded, evaluate: (fact, value) => Number(fact) >= Number(value) },
        builtAfterYear,
      ],
    });
    const report = await checkRuleSetInvariants(roundedRuleSet, {
      plugins: [roundingPlugin],
      invariants: ['explanations-agree'],
      evaluate: (_ruleSet: RuleSet, assessment: Assessment) => unrounded.evaluate(assessment),
      numRuns: 200,
    });
    expect(report.violations[0]?.message).toMatch(/atLeastRounded/);
  }, 60_000);

  for (const nearBoundary of [false, true]) {
    it(`draws assessments its catalog accepts (nearBoundary: ${nearBoundary}), meeting and missing the custom standards`, () => {
      const drawn = fc.sample(assessmentArbitrary(roundedRuleSet, { operators, nearBoundary }), {
        numRuns: 200,
        seed: 3,
      });
      for (const assessment of drawn) expect(() => evaluator.evaluate(assessment)).not.toThrow();
      // builtAfterYear compares a date with a year: the year is never offered as a date.
      expect(drawn.every((assessment) => typeof (assessment.facts.builtOn ?? '') === 'string')).toBe(true);
      expect(outcomesOf(drawn, 'G1')).toEqual(new Set(['met', 'unmet', 'missing-data']));
      expect([...outcomesOf(drawn, 'P2')]).toEqual(expect.arrayContaining(['met', 'not-applicable']));
    });
  }

  const estates: Assessment[] = [
    {
      id: 'e1',
      community: { name: '一号小区' },
      facts: {
        greenSpacePercent: 29.6,
        parkingPerHundred: 49.5,
        builtOn: '2005-06-01',
        hasPolicingRoom: true,
        households: 120,
      },
    },
    {
      id: 'e2',
      community: { name: '二号小区' },
      facts: {
        greenSpacePercent: 35,
        parkingPerHundred: 10,
        builtOn: '2015-03-01',
        hasPolicingRoom: false,
        households: 80,
      },
    },
    {
      id: 'e3',
      community: { name: '三号小区' },
      facts: {
        greenSpacePercent: 12.2,
        parkingPerHundred: 60,
        builtOn: '2018-09-30',
        hasPolicingRoom: true,
        households: 300,
      },
    },
  ];

  it('gets a flip report', () => {
    const stricter = defineRuleSet(
      { ...roundedRuleSet, version: '1.1.0', scoring: { mode: 'compliance-rate', threshold: 1 } },
      { operators },
    );
    const report = flipReport(roundedRuleSet, stricter, estates, { plugins: [roundingPlugin] });
    expect(report.failed).toEqual([]);
    expect(report.flipped.map((flip) => [flip.assessmentId, flip.direction])).toEqual([
      ['e3', 'became-ineligible'],
    ]);
    expect(formatFlipReport(report)).toContain('三号小区');
  });

  it('gets coverage of its custom-operator leaves', () => {
    const report = coverage(roundedRuleSet, estates, { operators, threshold: 0.5 });
    const g1 = report.leaves.find((leaf) => leaf.standardId === 'G1')!;
    expect(g1).toMatchObject({ operator: 'atLeastRounded', sawTrue: true, sawFalse: true });
    expect(report.leaves.filter((leaf) => leaf.operator === 'builtAfterYear')).toHaveLength(2);
    expect(report.passes).toBe(true);
  });
});

describe('bounded work', () => {
  it('walks each drawn assessment towards the boundary once, however often it is drawn', () => {
    let calls = 0;
    const counting = {
      ...atLeastRounded,
      evaluate: (fact: FactValue, value: FactValue | readonly FactValue[]) => {
        calls++;
        return atLeastRounded.evaluate(fact, value);
      },
    };
    const arbitrary = assessmentArbitrary(roundedRuleSet, {
      operators: [counting, builtAfterYear],
      nearBoundary: true,
    });
    const first = fc.sample(arbitrary, { numRuns: 30, seed: 5 });
    expect(calls).toBeGreaterThan(0);
    calls = 0;
    // The invariant suite draws the same inputs once per invariant, from one seed.
    expect(fc.sample(arbitrary, { numRuns: 30, seed: 5 })).toEqual(first);
    expect(calls).toBe(0);
  });
});

describe('ruleSetArbitrary with custom operators', () => {
  it('draws rule sets that use them, which define with them and get valid assessments', () => {
    let customLeaves = 0;
    fc.assert(
      fc.property(
        ruleSetArbitrary({ plugins: [roundingPlugin] }).chain((ruleSet) =>
          fc.tuple(
            fc.constant(ruleSet),
            assessmentArbitrary(defineRuleSet(ruleSet, { operators }), { operators }),
          ),
        ),
        ([ruleSet, assessment]) => {
          customLeaves += (
            JSON.stringify(ruleSet).match(/"operator":"(atLeastRounded|builtAfterYear)"/g) ?? []
          ).length;
          expect(() =>
            compileRuleSet(defineRuleSet(ruleSet, { operators }), { operators }).evaluate(assessment),
          ).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
    expect(customLeaves).toBeGreaterThan(0);
  });
});

// The vitest helpers pass the plugins on: these register and run like a rule-set repository's tests.
describeRuleSetInvariants('rounding-city', roundedRuleSet, { plugins: [roundingPlugin], numRuns: 20 });
itCoversRuleSet(
  roundedRuleSet,
  [
    {
      id: 'low',
      community: { name: '低' },
      facts: {
        greenSpacePercent: 10,
        parkingPerHundred: 5,
        builtOn: '2015-01-01',
        hasPolicingRoom: false,
        households: 5,
      },
    },
    {
      id: 'high',
      community: { name: '高' },
      facts: {
        greenSpacePercent: 50,
        parkingPerHundred: 80,
        builtOn: '1995-01-01',
        hasPolicingRoom: true,
        households: 5,
      },
    },
  ],
  0.5,
  { operators },
);
