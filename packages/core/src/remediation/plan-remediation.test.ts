import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect, it } from 'vitest';
import {
  assessmentOf,
  booleanFacts,
  booleanRuleSet,
  perfectFacts,
  sampleRuleSet,
} from '../../test/fixtures.js';
import { RubricError } from '../errors/rubric-error.js';
import { assembleResult } from '../evaluate/assemble-result.js';
import { compileRuleSet, evaluate } from '../evaluate/compile-rule-set.js';
import { layoutFor } from '../evaluate/layout-cache.js';
import type { EvaluationResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { whatIf } from '../what-if/what-if.js';
import { planRemediation } from './plan-remediation.js';

/** The verdict after fixing the given standards, recomputed from scratch by the shared aggregation. */
function eligibleAfterFixing(
  ruleSet: unknown,
  result: EvaluationResult,
  fixed: ReadonlySet<string>,
): boolean {
  const standards = result.standards.map((standard) =>
    fixed.has(standard.id) ? { ...standard, outcome: 'met' as const } : standard,
  );
  const scope = { inScope: result.inScope ? true : null, failedFacts: [] };
  return assembleResult(
    layoutFor(ruleSet as RuleSet),
    result.assessmentId,
    scope,
    standards,
    result.missingFacts,
  ).eligible;
}

describe('planRemediation', () => {
  it('is empty for an eligible estate', () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const plan = planRemediation(ruleSet, evaluate(ruleSet, assessmentOf(perfectFacts())));
    expect(plan).toEqual({ feasible: true, totalCost: 0, steps: [], byResponsible: {} });
  });

  it('fixes the cheapest standards and covers an uncovered requirement first', () => {
    const ruleSet = defineRuleSet(booleanRuleSet([10, 10, 2]));
    const result = evaluate(ruleSet, assessmentOf(booleanFacts([10, 10, 2], [8, 8, 0])));
    // 16 of 22 met; 85% of 22 needs 19: three more, and one of them must be in r2.
    const plan = planRemediation(ruleSet, result, {
      cost: { 's2-0': 50, 's2-1': 40, 's0-8': 5, 's0-9': 1 },
      defaultCost: 10,
    });
    expect(plan.feasible).toBe(true);
    expect(plan.steps.map((step) => step.standardId)).toEqual(['s0-8', 's0-9', 's2-1']);
    expect(plan.totalCost).toBe(46);
  });

  it('refuses a result whose counts do not add up to its standards, instead of planning on them', () => {
    const ruleSet = defineRuleSet(booleanRuleSet([10, 10, 2]));
    const result = evaluate(ruleSet, assessmentOf(booleanFacts([10, 10, 2], [8, 8, 0])));
    expect(() => planRemediation(ruleSet, result)).not.toThrow();
    // Found by the fuzz suite (seed 529241557): one requirement's `met` raised by one, nothing else changed.
    const doctored = {
      ...result,
      requirements: result.requirements.map((requirement, position) =>
        position === 2 ? { ...requirement, met: requirement.met + 1 } : requirement,
      ),
    };
    try {
      planRemediation(ruleSet, doctored);
      expect.unreachable();
    } catch (error) {
      expect(RubricError.isInstance(error) && error.code).toBe('INVALID_OPTIONS');
      expect(RubricError.isInstance(error) && error.issues).toEqual([
        expect.objectContaining({
          path: ['result', 'requirements', 2, 'met'],
          kind: 'result-does-not-add-up',
          message: expect.stringContaining("it says 1, its standards' outcomes give 0"),
        }),
      ]);
    }
    const eligibleByHand = { ...result, eligible: true, reasons: [] };
    expect(() => planRemediation(ruleSet, eligibleByHand)).toThrow(/does not add up/);
  });

  it('reads the scope of an out-of-scope result whose reason lists its facts wrongly (fuzz seed 11)', () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const result = evaluate(ruleSet, assessmentOf({ ...perfectFacts(), occupied: false }));
    expect(result.inScope).toBe(false);
    const reasons = result.reasons.map((reason) =>
      reason.code === 'OUT_OF_SCOPE' ? { ...reason, facts: 'occupied' } : reason,
    );
    const plan = planRemediation(ruleSet, { ...result, reasons } as unknown as EvaluationResult);
    expect(plan).toMatchObject({ feasible: false, blockedBy: 'OUT_OF_SCOPE' });
  });

  it('groups steps by responsible department, with missing data as a step', () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const { securityStaff: _s, ...facts } = perfectFacts();
    const result = evaluate(ruleSet, assessmentOf({ ...facts, hasPolicingRoom: false, heating: 'none' }));
    const plan = planRemediation(ruleSet, result, { cost: { 's-policing-room': 100 } });
    // 3 of 6 met; 85% of 6 needs all 6.
    expect(plan.steps.map((step) => [step.standardId, step.outcome])).toEqual([
      ['s-policing-room', 'unmet'],
      ['s-security-staff', 'missing-data'],
      ['s-heating', 'unmet'],
    ]);
    expect(plan.totalCost).toBe(102);
    expect(plan.byResponsible).toEqual({
      'public-security': ['s-policing-room', 's-security-staff'],
      'estate-operator': ['s-security-staff'],
      housing: ['s-heating'],
    });
  });

  it('plans and what-ifs a rule set whose standards use a plugin operator, as defineRuleSet returned it', () => {
    const operators = [
      {
        name: 'atLeastRounded',
        factTypes: ['number'] as const,
        valueKind: 'scalar' as const,
        evaluate: (fact: unknown, value: unknown) => Math.round(fact as number) >= (value as number),
      },
    ];
    const ruleSet = defineRuleSet(
      {
        id: 'custom-operator',
        version: '1.0.0',
        title: { zh: '自定义运算符' },
        provenance: { status: 'provisional', source: 'test' },
        facts: { greenRatio: { type: 'number', title: { zh: '绿地率' } } },
        scoring: { mode: 'compliance-rate', threshold: 1, minMetPerRequirement: 1, notApplicable: 'exclude' },
        aspects: [
          {
            id: 'A',
            title: { zh: '环境' },
            requirements: [
              {
                id: 'R',
                title: { zh: '绿化' },
                standards: [
                  {
                    id: 'S1',
                    title: { zh: '取整' },
                    condition: { fact: 'greenRatio', operator: 'atLeastRounded', value: 30 },
                  },
                  {
                    id: 'S2',
                    title: { zh: '超过' },
                    condition: { fact: 'greenRatio', operator: 'greaterThan', value: 35 },
                  },
                ],
              },
            ],
          },
        ],
      },
      { operators },
    );
    const result = evaluate(ruleSet, assessmentOf({ greenRatio: 29.2 }), { operators });
    expect(planRemediation(ruleSet, result).steps.map((step) => step.standardId)).toEqual(['S1', 'S2']);
    expect(whatIf(ruleSet, result, { S1: 'met', S2: 'met' }).eligible).toBe(true);
  });

  it('cannot help an estate out of scope', () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const result = evaluate(
      ruleSet,
      assessmentOf({ ...perfectFacts(), rentalHouseholds: 10, hasPolicingRoom: false }),
    );
    expect(planRemediation(ruleSet, result)).toMatchObject({
      feasible: false,
      blockedBy: 'OUT_OF_SCOPE',
      steps: [],
    });
  });

  it('plans points with aspect minimums', () => {
    const input = booleanRuleSet([3, 3]);
    input.aspects.push({
      id: 'b',
      title: { zh: 'B' },
      requirements: [
        {
          id: 'rb',
          title: { zh: 'RB' },
          standards: [
            { id: 'sb', title: { zh: 'SB' }, condition: { fact: 'f0_0', operator: 'equal', value: false } },
          ],
        },
      ],
    });
    const points = [5, 1, 1, 1, 1, 4, 0.5];
    let index = 0;
    for (const aspect of input.aspects)
      for (const requirement of aspect.requirements)
        for (const standard of requirement.standards) standard.points = points[index++]!;
    input.scoring = { mode: 'points', passMark: 7, aspectMinimums: { b: 0.5 } };
    const ruleSet = defineRuleSet(input);
    const result = evaluate(ruleSet, assessmentOf(booleanFacts([3, 3], [1, 1])));
    expect(result.score?.points).toBe(6);
    const plan = planRemediation(ruleSet, result);
    // 6 points; 1 more overall and 0.5 in aspect b: sb (0.5) plus any 1-point standard.
    expect(plan.totalCost).toBe(2);
    expect(plan.steps.map((step) => step.standardId)).toContain('sb');
    expect(eligibleAfterFixing(ruleSet, result, new Set(plan.steps.map((step) => step.standardId)))).toBe(
      true,
    );
  });

  it('plans points to six decimals (over a million units to gain) exactly instead of refusing', () => {
    const input = booleanRuleSet([3]);
    const points = [1.5, 0.500001, 0.6];
    input.aspects[0]!.requirements[0]!.standards.forEach((standard, index) => {
      standard.points = points[index]!;
    });
    input.scoring = { mode: 'points', passMark: 2.000001 };
    const ruleSet = defineRuleSet(input);
    const result = evaluate(ruleSet, assessmentOf(booleanFacts([3], [0])));
    // 2,000,001 units to gain at a scale of 10⁶: 1.5 + 0.6 is the cheapest pair that reaches it.
    const plan = planRemediation(ruleSet, result, { cost: { 's0-0': 2, 's0-1': 5, 's0-2': 1 } });
    expect(plan.steps.map((step) => step.standardId)).toEqual(['s0-0', 's0-2']);
    expect(plan.totalCost).toBe(3);
  });

  it('rejects negative or non-finite costs and a result from another rule set', () => {
    const ruleSet = defineRuleSet(booleanRuleSet([2]));
    const result = evaluate(ruleSet, assessmentOf(booleanFacts([2], [0])));
    expect(() => planRemediation(ruleSet, result, { cost: { 's0-0': -1 } })).toThrow(
      /a cost is a number from 0 to 9007199254740991, got -1/,
    );
    expect(() => planRemediation(ruleSet, result, { defaultCost: Number.NaN })).toThrow(RubricError);
    expect(() => planRemediation(defineRuleSet(booleanRuleSet([3])), result)).toThrow(
      /not evaluated against/,
    );
  });

  // The optimum of the dynamic program equals brute force over every subset of fixable standards.
  const smallCases = ruleSetArbitrary().chain((ruleSet) =>
    fc.tuple(
      fc.constant(ruleSet),
      assessmentArbitrary(defineRuleSet(ruleSet)),
      fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 12, maxLength: 12 }),
    ),
  );
  test.prop([smallCases], { numRuns: 300 })(
    'is optimal: matches brute force on small rule sets',
    ([input, assessment, costList]) => {
      const ruleSet = defineRuleSet(input);
      const result = compileRuleSet(ruleSet).evaluate(assessment, { explain: false });
      const fixable = result.standards.filter(
        (standard) => standard.outcome === 'unmet' || standard.outcome === 'missing-data',
      );
      fc.pre(fixable.length <= 12);
      const cost = Object.fromEntries(
        result.standards.map((standard, index) => [standard.id, costList[index % costList.length]!]),
      );
      let best = Number.POSITIVE_INFINITY;
      for (let mask = 0; mask < 1 << fixable.length; mask++) {
        const chosen = fixable.filter((_, index) => mask & (1 << index));
        const total = chosen.reduce((sum, standard) => sum + cost[standard.id]!, 0);
        if (
          total < best &&
          result.inScope &&
          eligibleAfterFixing(ruleSet, result, new Set(chosen.map((standard) => standard.id)))
        )
          best = total;
      }
      const plan = planRemediation(ruleSet, result, { cost });
      if (best === Number.POSITIVE_INFINITY) {
        expect(plan.feasible).toBe(false);
      } else {
        expect(plan.feasible).toBe(true);
        expect(plan.totalCost).toBe(best);
        expect(eligibleAfterFixing(ruleSet, result, new Set(plan.steps.map((step) => step.standardId)))).toBe(
          true,
        );
      }
    },
    // 300 brute-force searches: seconds on a loaded shared machine, not a time budget.
    60_000,
  );
});
