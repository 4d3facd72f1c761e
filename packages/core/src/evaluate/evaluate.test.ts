import { describe, expect, it } from 'vitest';
import {
  assessmentOf,
  booleanFacts,
  booleanRuleSet,
  perfectFacts,
  sampleRuleSet,
} from '../../test/fixtures.js';
import { type Assessment, AssessmentSchema } from '../assessment/schema.js';
import { RubricError } from '../errors/rubric-error.js';
import type { StandardResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { compileRuleSet, evaluate } from './compile-rule-set.js';

const evaluator = compileRuleSet(defineRuleSet(sampleRuleSet()));
const outcomes = (standards: readonly StandardResult[]) =>
  Object.fromEntries(standards.map((standard) => [standard.id, standard.outcome]));

describe('evaluate: outcomes', () => {
  it('meets every standard of a perfect estate and says nothing against it', () => {
    const result = evaluator.evaluate(assessmentOf(perfectFacts()));
    expect(result.eligible).toBe(true);
    expect(result.inScope).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.compliance).toEqual({ met: 6, applicable: 6, total: 6, rate: 1 });
    expect(result.ruleSet).toEqual({
      id: 'sample-rubric',
      version: '1.0.0',
      provenance: { status: 'provisional', source: 'test fixture' },
    });
    expect(result.assessmentId).toBe('a1');
  });

  it('gives met, unmet, not-applicable and missing-data', () => {
    const { securityStaff: _dropped, ...facts } = perfectFacts();
    const result = evaluator.evaluate(
      assessmentOf({ ...facts, hasLifts: false, liftsInspected: false, hasPolicingRoom: false }),
    );
    expect(outcomes(result.standards)).toEqual({
      's-policing-room': 'unmet',
      's-security-staff': 'missing-data',
      's-lift-inspection': 'not-applicable',
      's-kindergarten': 'met',
      's-heating': 'met',
      's-inspection-date': 'met',
    });
    expect(result.compliance).toEqual({ met: 3, applicable: 5, total: 6, rate: 0.6 });
    expect(result.missingFacts).toEqual(['securityStaff']);
    expect(result.requirements).toEqual([
      { id: 'policing', aspectId: 'safety', met: 0, applicable: 2, satisfied: false },
      { id: 'lifts', aspectId: 'safety', met: 0, applicable: 0, satisfied: true },
      { id: 'childcare', aspectId: 'services', met: 3, applicable: 3, satisfied: true },
    ]);
    expect(result.aspects).toEqual([
      { id: 'safety', met: 0, applicable: 2, rate: 0 },
      { id: 'services', met: 3, applicable: 3, rate: 1 },
    ]);
    expect(result.reasons.map((reason) => reason.code)).toEqual([
      'BELOW_THRESHOLD',
      'REQUIREMENT_UNCOVERED',
      'MISSING_DATA',
    ]);
  });

  it('treats null as an unanswered question', () => {
    const result = evaluator.evaluate(assessmentOf({ ...perfectFacts(), cctvCoverage: null }));
    expect(outcomes(result.standards)['s-security-staff']).toBe('missing-data');
    expect(result.missingFacts).toEqual(['cctvCoverage']);
  });

  it('is missing-data when applicability cannot be decided, but not-applicable needs no condition facts', () => {
    const { hasLifts: _h, ...withoutLifts } = perfectFacts();
    expect(outcomes(evaluator.evaluate(assessmentOf(withoutLifts)).standards)['s-lift-inspection']).toBe(
      'missing-data',
    );
    const { liftsInspected: _l, ...noInspection } = perfectFacts();
    const result = evaluator.evaluate(assessmentOf({ ...noInspection, hasLifts: false }));
    expect(outcomes(result.standards)['s-lift-inspection']).toBe('not-applicable');
    expect(result.missingFacts).toEqual([]);
  });

  it('is missing-data when any fact a condition reads is absent, even where another branch would decide', () => {
    const { kindergartenMeters: _k, ...facts } = perfectFacts();
    const result = evaluator.evaluate(assessmentOf(facts));
    expect(outcomes(result.standards)['s-kindergarten']).toBe('missing-data');
    expect(result.missingFacts).toEqual(['kindergartenMeters']);
  });
});

describe('evaluate: reasons name the questions a person answers', () => {
  it('names each missing or failing fact by its question’s title, with its id', () => {
    const { kindergartenMeters: _k, ...facts } = perfectFacts();
    const missing = evaluator
      .evaluate(assessmentOf(facts))
      .reasons.find((reason) => reason.code === 'MISSING_DATA')!;
    expect(missing.message.zh).toContain('请填写 「最近幼儿园距离」(kindergartenMeters)');
    expect(missing.message.en).toContain('answer “最近幼儿园距离” (kindergartenMeters)');
    const outOfScope = evaluator.evaluate(assessmentOf({ ...perfectFacts(), rentalHouseholds: 199 }));
    expect(outOfScope.reasons[0]!.message.zh).toContain('未满足范围条件：「租赁户数」(rentalHouseholds)');
  });

  it('names the first ten facts and says how many more, however many are missing', () => {
    const factIds = Array.from({ length: 25 }, (_, index) => `f${index}`);
    const ruleSet = defineRuleSet({
      ...sampleRuleSet(),
      scope: undefined,
      facts: Object.fromEntries(factIds.map((id) => [id, { type: 'boolean', title: { zh: `问题${id}` } }])),
      aspects: [
        {
          id: 'A',
          title: { zh: '方面' },
          requirements: [
            {
              id: 'R',
              title: { zh: '要求' },
              standards: [
                {
                  id: 'S',
                  title: { zh: '标准' },
                  condition: { all: factIds.map((fact) => ({ fact, operator: 'equal', value: true })) },
                },
              ],
            },
          ],
        },
      ],
    });
    const reason = evaluate(ruleSet, assessmentOf({})).reasons.find((each) => each.code === 'MISSING_DATA')!;
    expect(reason.missingFacts).toHaveLength(25);
    expect(reason.message.zh).toMatch(/「问题f9」\(f9\) 等 25 项$/);
    expect(reason.message.en).toMatch(/“问题f9” \(f9\) and 15 more$/);
    expect(reason.message.zh).not.toContain('f10');
  });
});

describe('evaluate: scope', () => {
  it('is out of scope below 200 rental households, naming the fact', () => {
    const result = evaluator.evaluate(assessmentOf({ ...perfectFacts(), rentalHouseholds: 199 }));
    expect(result.inScope).toBe(false);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      expect.objectContaining({ code: 'OUT_OF_SCOPE', facts: ['rentalHouseholds'] }),
    ]);
    expect(result.compliance.met).toBe(6);
  });

  it('cannot tell the scope when its facts are missing', () => {
    const { occupied: _o, ...facts } = perfectFacts();
    const result = evaluator.evaluate(assessmentOf(facts));
    expect(result.inScope).toBe(false);
    expect(result.reasons.map((reason) => reason.code)).toEqual(['SCOPE_UNKNOWN']);
    expect(result.reasons[0]).toMatchObject({ missingFacts: ['occupied'] });
    expect(result.missingFacts).toEqual(['occupied']);
  });
});

describe('evaluate: focus', () => {
  // Qinzhou plan 二（一）: all built, occupied affordable housing is in scope; public-rental estates with
  // 200+ rental households are the focus (重点) — reported, never a gate.
  const focused = compileRuleSet(
    defineRuleSet({
      ...sampleRuleSet(),
      scope: { fact: 'occupied', operator: 'equal', value: true },
      focus: { fact: 'rentalHouseholds', operator: 'greaterThanInclusive', value: 200 },
    }),
  );

  it('reports an estate outside the focus and leaves its verdict as it would be', () => {
    const result = focused.evaluate(assessmentOf({ ...perfectFacts(), rentalHouseholds: 150 }));
    expect(result).toMatchObject({ inScope: true, inFocus: false, eligible: true, reasons: [] });
    expect(focused.evaluate(assessmentOf(perfectFacts())).inFocus).toBe(true);
  });

  it('is null when a fact the focus reads is missing, without making it a reason or a missing fact', () => {
    const { rentalHouseholds: _r, ...facts } = perfectFacts();
    const result = focused.evaluate(assessmentOf(facts));
    expect(result).toMatchObject({ inFocus: null, eligible: true, reasons: [], missingFacts: [] });
    expect(focused.evaluate(assessmentOf(facts), { explain: false }).inFocus).toBe(null);
  });

  it('is reported for an estate out of scope too, and absent when the rule set has no focus', () => {
    const outside = focused.evaluate(assessmentOf({ ...perfectFacts(), occupied: false }));
    expect(outside).toMatchObject({ inScope: false, inFocus: true, eligible: false });
    expect('inFocus' in evaluator.evaluate(assessmentOf(perfectFacts()))).toBe(false);
  });
});

describe('evaluate: the compliance-rate threshold', () => {
  it('is compared exactly: 17 of 20 reaches 85%', () => {
    const result = evaluate(defineRuleSet(booleanRuleSet([20])), assessmentOf(booleanFacts([20], [17])));
    expect(result.compliance.rate).toBe(0.85);
    expect(result.eligible).toBe(true);
  });

  it('16 of 20 does not, and says how many more are needed', () => {
    const result = evaluate(defineRuleSet(booleanRuleSet([20])), assessmentOf(booleanFacts([20], [16])));
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'BELOW_THRESHOLD',
        met: 16,
        applicable: 20,
        required: 17,
        shortfall: 1,
      }),
    ]);
    expect(result.reasons[0]!.message.en).toBe(
      '1 more standard needed: 16 of 20 applicable standards met (80%); 85% requires 17',
    );
  });

  it('55 of 65 is not 85% (84.6%); 56 of 65 is', () => {
    const shape = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 1, 1, 1];
    expect(shape.reduce((sum, count) => sum + count, 0)).toBe(65);
    const ruleSet = booleanRuleSet(shape);
    const metFor = (short: number) => shape.map((count, index) => (index < short ? count - 1 : count));
    const at55 = evaluate(defineRuleSet(ruleSet), assessmentOf(booleanFacts(shape, metFor(10))));
    expect(at55.compliance.met).toBe(55);
    expect(at55.eligible).toBe(false);
    expect(at55.reasons).toEqual([
      expect.objectContaining({ code: 'BELOW_THRESHOLD', required: 56, shortfall: 1 }),
    ]);
    const at56 = evaluate(defineRuleSet(ruleSet), assessmentOf(booleanFacts(shape, metFor(9))));
    expect(at56.compliance.met).toBe(56);
    expect(at56.eligible).toBe(true);
  });

  it('leaves not-applicable standards out of the denominator', () => {
    const facts = { ...perfectFacts(), hasLifts: false, securityStaff: 1 };
    const result = evaluator.evaluate(assessmentOf(facts));
    expect(result.compliance).toMatchObject({ met: 4, applicable: 5 });
  });

  it('reports a requirement with none met even when the rate passes', () => {
    const result = evaluate(
      defineRuleSet(booleanRuleSet([10, 10, 1])),
      assessmentOf(booleanFacts([10, 10, 1], [10, 10, 0])),
    );
    expect(result.compliance.rate).toBeCloseTo(20 / 21);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      expect.objectContaining({ code: 'REQUIREMENT_UNCOVERED', requirementId: 'r2', met: 0, required: 1 }),
    ]);
    expect(result.reasons[0]!.message.zh).toBe('要求 r2「要求2」没有符合的标准，至少需 1 项');
  });

  it('exempts a requirement whose standards are all not applicable', () => {
    const result = evaluator.evaluate(assessmentOf({ ...perfectFacts(), hasLifts: false }));
    expect(result.requirements.find((requirement) => requirement.id === 'lifts')).toMatchObject({
      applicable: 0,
      satisfied: true,
    });
    expect(result.eligible).toBe(true);
  });

  it('honours a higher minimum per requirement', () => {
    const ruleSet = {
      ...booleanRuleSet([3, 3]),
      scoring: { mode: 'compliance-rate' as const, threshold: 0.5, minMetPerRequirement: 2 },
    };
    const result = evaluate(defineRuleSet(ruleSet), assessmentOf(booleanFacts([3, 3], [3, 1])));
    expect(result.reasons).toEqual([
      expect.objectContaining({ code: 'REQUIREMENT_UNCOVERED', requirementId: 'r1', met: 1, required: 2 }),
    ]);
    expect(result.reasons[0]!.message.en).toContain('has only 1 met; at least 2 needed');
  });

  it('says when nothing is applicable', () => {
    const ruleSet = sampleRuleSet();
    ruleSet.aspects = [ruleSet.aspects[0]!];
    ruleSet.aspects[0]!.requirements = [ruleSet.aspects[0]!.requirements[1]!];
    const result = evaluate(defineRuleSet(ruleSet), assessmentOf({ ...perfectFacts(), hasLifts: false }));
    expect(result.eligible).toBe(false);
    expect(result.compliance).toEqual({ met: 0, applicable: 0, total: 1, rate: 0 });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['NO_APPLICABLE_STANDARDS']);
  });
});

describe('evaluate: points mode', () => {
  function pointsRuleSet(passMark: number, aspectMinimums?: Record<string, number>) {
    const ruleSet = booleanRuleSet([2, 2]);
    ruleSet.aspects.push({
      id: 'b',
      title: { zh: '方面B' },
      requirements: [
        {
          id: 'rb',
          title: { zh: '要求B' },
          standards: [
            { id: 'sb', title: { zh: 'B' }, condition: { fact: 'f0_0', operator: 'notEqual', value: true } },
          ],
        },
      ],
    });
    const points = [0.1, 0.2, 1.5, 2, 3];
    let index = 0;
    for (const aspect of ruleSet.aspects)
      for (const requirement of aspect.requirements)
        for (const standard of requirement.standards) standard.points = points[index++]!;
    ruleSet.scoring = { mode: 'points', passMark, ...(aspectMinimums ? { aspectMinimums } : {}) };
    return ruleSet;
  }

  it('adds points exactly (0.1 + 0.2 reaches a pass mark of 0.3)', () => {
    const result = evaluate(defineRuleSet(pointsRuleSet(0.3)), assessmentOf(booleanFacts([2, 2], [2, 0])));
    expect(result.score).toEqual({ points: 0.3, max: 6.8, passMark: 0.3 });
    expect(result.eligible).toBe(true);
    expect(result.aspects[0]).toMatchObject({ points: 0.3, maxPoints: 3.8 });
  });

  it('falls short of the pass mark with the shortfall in points', () => {
    const result = evaluate(defineRuleSet(pointsRuleSet(3.6)), assessmentOf(booleanFacts([2, 2], [2, 1])));
    expect(result.score?.points).toBe(1.8);
    expect(result.reasons).toEqual([
      expect.objectContaining({ code: 'BELOW_PASS_MARK', points: 1.8, shortfall: 1.8 }),
    ]);
  });

  it('applies aspect minimums', () => {
    const result = evaluate(
      defineRuleSet(pointsRuleSet(1, { b: 1 })),
      assessmentOf(booleanFacts([2, 2], [2, 2])),
    );
    expect(result.score?.points).toBe(3.8);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      expect.objectContaining({ code: 'BELOW_ASPECT_MINIMUM', aspectId: 'b', points: 0, minimum: 1 }),
    ]);
  });
});

describe('evaluate: aspect minimums by own keys only', () => {
  it('gives an aspect named like an object built-in (toString, constructor) no minimum unless one is written', () => {
    const ruleSet = booleanRuleSet([2, 1]);
    const [first, second] = ruleSet.aspects[0]!.requirements;
    ruleSet.aspects = [
      { id: 'toString', title: { zh: '方面甲' }, requirements: [first!] },
      { id: 'constructor', title: { zh: '方面乙' }, requirements: [second!] },
    ];
    for (const aspect of ruleSet.aspects)
      for (const requirement of aspect.requirements)
        for (const standard of requirement.standards) standard.points = 1;
    ruleSet.scoring = { mode: 'points', passMark: 2, aspectMinimums: { constructor: 1 } };
    const evaluator = compileRuleSet(defineRuleSet(ruleSet));
    const eligible = evaluator.evaluate(assessmentOf(booleanFacts([2, 1], [2, 1])));
    expect(eligible.eligible).toBe(true);
    expect(eligible.reasons).toEqual([]);
    // Short of the pass mark, the reasons name the pass mark and no minimum of the aspect that has none.
    const short = evaluator.evaluate(assessmentOf(booleanFacts([2, 1], [0, 1])));
    expect(short.eligible).toBe(false);
    expect(short.reasons.map((reason) => reason.code)).toEqual(['BELOW_PASS_MARK']);
    expect(JSON.stringify(short.reasons)).not.toContain('native code');
  });
});

describe('evaluate: explanations', () => {
  it('explains every leaf with expected and actual values, including leaves after a short circuit', () => {
    const result = evaluator.evaluate(
      assessmentOf({ ...perfectFacts(), kindergartenMeters: 300, securityStaff: 2 }),
    );
    const kindergarten = result.standards.find((standard) => standard.id === 's-kindergarten')!;
    expect(kindergarten.explanation).toEqual({
      condition: {
        kind: 'any',
        result: true,
        children: [
          {
            kind: 'leaf',
            fact: 'kindergartenMeters',
            operator: 'lessThanInclusive',
            expected: 500,
            actual: 300,
            result: true,
          },
          {
            kind: 'leaf',
            fact: 'childcareOnSite',
            operator: 'equal',
            expected: true,
            actual: true,
            result: true,
          },
        ],
      },
    });
    const staff = result.standards.find((standard) => standard.id === 's-security-staff')!;
    expect(staff.explanation?.condition).toMatchObject({
      kind: 'all',
      result: false,
      children: [
        { fact: 'securityStaff', actual: 2, expected: 4, result: false },
        { fact: 'cctvCoverage', actual: 0.95, expected: 0.9, result: true },
      ],
    });
  });

  it('explains applicability and missing facts as null', () => {
    const { liftsInspected: _l, ...facts } = perfectFacts();
    const lift = evaluator
      .evaluate(assessmentOf(facts))
      .standards.find((standard) => standard.id === 's-lift-inspection')!;
    expect(lift.outcome).toBe('missing-data');
    expect(lift.explanation).toEqual({
      applicable: {
        kind: 'leaf',
        fact: 'hasLifts',
        operator: 'equal',
        expected: true,
        actual: true,
        result: true,
      },
      condition: {
        kind: 'leaf',
        fact: 'liftsInspected',
        operator: 'equal',
        expected: true,
        actual: null,
        result: null,
      },
    });
  });

  it('the verdict-only path gives the same verdict without explanations', () => {
    const assessment = assessmentOf({
      ...perfectFacts(),
      hasLifts: false,
      securityStaff: 1,
      heating: 'none',
    });
    const full = evaluator.evaluate(assessment);
    const fast = evaluator.evaluate(assessment, { explain: false });
    expect(fast.standards.every((standard) => standard.explanation === undefined)).toBe(true);
    const { standards: fullStandards, ...fullRest } = full;
    const { standards: fastStandards, ...fastRest } = fast;
    expect(fastRest).toEqual(fullRest);
    expect(fastStandards).toEqual(fullStandards.map(({ explanation: _e, ...standard }) => standard));
  });
});

describe('evaluate: invalid assessments', () => {
  function issuesFor(assessment: unknown) {
    try {
      evaluator.evaluate(assessment as Assessment);
    } catch (error) {
      expect(RubricError.isInstance(error)).toBe(true);
      expect((error as RubricError).code).toBe('INVALID_ASSESSMENT');
      return (error as RubricError).issues;
    }
    throw new Error('expected the assessment to be rejected');
  }

  it.each([
    ['a wrong type', { securityStaff: '4' }, /expected an integer/],
    ['NaN', { cctvCoverage: Number.NaN }, /expected a finite number, got NaN/],
    ['Infinity', { cctvCoverage: Number.POSITIVE_INFINITY }, /expected a finite number, got Infinity/],
    ['an out-of-range share', { cctvCoverage: 1.5 }, /above the maximum 1/],
    ['an enum value not in the list', { heating: 'coal' }, /expected one of/],
    ['an impossible date', { lastInspection: '2021-02-29' }, /YYYY-MM-DD/],
    ['a fact the catalog lacks', { cctvCoverge: 0.9 }, /not in the rule set's fact catalog/],
  ])('rejects %s with the fact path', (_name, override, message) => {
    const [factId] = Object.keys(override);
    expect(issuesFor(assessmentOf({ ...perfectFacts(), ...override }))).toEqual([
      expect.objectContaining({ path: ['facts', factId], message: expect.stringMatching(message) }),
    ]);
  });

  it.each([null, 42, 'text', [], [perfectFacts()]])('rejects a non-object: %j', (input) => {
    expect(issuesFor(input)).toHaveLength(1);
  });

  it('rejects a malformed envelope with every problem', () => {
    const paths = issuesFor({ id: '', community: {}, facts: [], extra: 1 }).map((issue) =>
      issue.path.join('.'),
    );
    expect(paths).toEqual(['id', 'community.name', 'facts', 'extra']);
  });

  it.each(['', ' ', '\t\n', '\u3000'])('rejects a blank estate name %j, as AssessmentSchema does', (name) => {
    const assessment = { ...assessmentOf(perfectFacts()), community: { name } };
    expect(issuesFor(assessment)).toEqual([
      expect.objectContaining({
        path: ['community', 'name'],
        message: 'the community has a name (not blank)',
      }),
    ]);
    expect(AssessmentSchema.safeParse(assessment).success).toBe(false);
  });

  it('accepts exactly the assessedAt values AssessmentSchema accepts', () => {
    const cases = {
      '2021-06-30': true,
      '2021-06-01T10:00:00Z': true,
      '2021-06-01T10:00:00.123+08:00': true,
      '2021-06-01T10:00Z': false,
      '2021-06-01T10:00+08:00': false,
      '2021-06-01T10:00:00+0800': false,
      '2021-06-01T25:00:00Z': false,
      '2021-06-01T24:00:00Z': false,
      '2021-06-01T24:00:00.000+08:00': false,
      '2021-02-29': false,
      '2021-06-01 10:00:00Z': false,
    };
    for (const [assessedAt, valid] of Object.entries(cases)) {
      const assessment = { ...assessmentOf(perfectFacts()), assessedAt };
      expect([assessedAt, AssessmentSchema.safeParse(assessment).success]).toEqual([assessedAt, valid]);
      const evaluated = (() => {
        try {
          evaluator.evaluate(assessment);
          return true;
        } catch {
          return false;
        }
      })();
      expect([assessedAt, evaluated]).toEqual([assessedAt, valid]);
    }
  });

  it('never lets __proto__ or constructor reach a prototype', () => {
    const hostile = JSON.parse(
      `{"id":"x","community":{"name":"n"},"facts":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}`,
    );
    const issues = issuesFor(hostile);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['facts', '__proto__'],
      ['facts', 'constructor'],
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const ignoring = compileRuleSet(defineRuleSet(sampleRuleSet()), { unknownFacts: 'ignore' });
    const result = ignoring.evaluate({
      ...hostile,
      facts: { ...JSON.parse('{"__proto__":{"occupied":true}}'), ...perfectFacts() },
    });
    expect(result.eligible).toBe(true);
    expect(({} as { occupied?: unknown }).occupied).toBeUndefined();
  });

  it('ignores unknown facts when asked to', () => {
    const result = compileRuleSet(defineRuleSet(sampleRuleSet()), { unknownFacts: 'ignore' }).evaluate(
      assessmentOf({ ...perfectFacts(), extra: 1 }),
    );
    expect(result.eligible).toBe(true);
  });
});
