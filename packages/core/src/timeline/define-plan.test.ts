import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { RubricError, type RubricIssue } from '../errors/rubric-error.js';
import { defineTargetPlan, safeDefineTargetPlan } from './define-plan.js';
import { TargetPlanSchema } from './plan-schema.js';

const minimalPlan = { total: 26, milestones: [{ year: 2024, share: 1 }] };

function issuesOf(plan: unknown): RubricIssue[] {
  const result = safeDefineTargetPlan(plan);
  if (result.ok) throw new Error('expected the plan to be rejected');
  expect(result.error.code).toBe('INVALID_PLAN');
  return [...result.error.issues];
}

const pathsOf = (plan: unknown) => issuesOf(plan).map((issue) => issue.path);

describe('defineTargetPlan', () => {
  test('fills in the defaults: ceil rounding, no late applications', () => {
    const plan = defineTargetPlan(minimalPlan);
    expect(plan.rounding).toBe('ceil');
    expect(plan.allowLateApplications).toBe(false);
  });

  test('accepts the optional fields', () => {
    const plan = defineTargetPlan({
      ...minimalPlan,
      id: 'qinzhou-2021',
      title: { zh: '钦州市实施方案', en: 'Qinzhou implementation plan' },
      startYear: 2021,
      quotas: { 2024: 26 },
      rounding: 'floor',
      breakdowns: [{ name: 'by area', parts: { 灵山县: 4 } }],
      cohorts: { 2024: [{ name: '香山四区', area: '灵山县', level: 'county' }] },
      applicationDeadline: '09-30',
      allowLateApplications: true,
      meetings: { every: 'quarter' },
    });
    expect(plan.allowLateApplications).toBe(true);
    expect(plan.meetings).toEqual({ every: 'quarter' });
  });

  test('throws a RubricError INVALID_PLAN, never anything else', () => {
    expect(() => defineTargetPlan('26 estates' as never)).toThrow(RubricError);
  });
});

describe('malformed plans are reported with paths', () => {
  test('a plan that is not an object', () => {
    for (const plan of [null, 26, 'plan', [minimalPlan]]) expect(pathsOf(plan)).toEqual([[]]);
  });

  test('a total that is NaN, negative, zero or fractional', () => {
    for (const total of [Number.NaN, -26, 0, 2.5, Number.POSITIVE_INFINITY]) {
      expect(pathsOf({ ...minimalPlan, total })).toEqual([['total']]);
    }
  });

  test('a share whose target is too large to count points at the share; 35 for 35% is left to checkTimeline', () => {
    const [issue, ...others] = issuesOf({ total: 26, milestones: [{ year: 2021, share: 3e300 }] });
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ path: ['milestones', 0, 'share'], kind: 'too-large-to-count' });
    expect(issue?.message).toContain('the share 3e+300 of 26 estates is too large to count');
    expect(defineTargetPlan({ total: 26, milestones: [{ year: 2024, share: 35 }] }).milestones).toHaveLength(
      1,
    );
  });

  test('a share too large to count is reported once, not again as the step to the next milestone', () => {
    const milestones = [
      { year: 2021, share: 3e300 },
      { year: 2022, share: 0.5 },
    ];
    expect(pathsOf({ total: 26, milestones })).toEqual([['milestones', 0, 'share']]);
  });

  test('quotas or breakdown parts that add up to too many estates to count', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const plan = {
      total: 26,
      milestones: [{ year: 2024, share: 1 }],
      quotas: { 2021: huge, 2022: 2 },
      breakdowns: [{ name: 'by area', parts: { 钦南区: huge, 钦北区: 2 } }],
    };
    expect(issuesOf(plan)).toEqual([
      {
        path: ['quotas'],
        message: 'the yearly quotas add up to too many estates to count',
        kind: 'too-large-to-count',
      },
      {
        path: ['breakdowns', 0, 'parts'],
        message: 'the parts of "by area" add up to too many estates to count',
        kind: 'too-large-to-count',
      },
    ]);
    expect(safeDefineTargetPlan({ ...plan, quotas: { 2021: huge }, breakdowns: [] }).ok).toBe(true);
  });

  test('a milestone whose step from the one before is too large to count points at that milestone', () => {
    // -346430740566960.7 × 26 rounds up to -9007199254740978, a safe integer; the step up to 19 is not.
    const fromShare = [
      { year: 2021, share: -346430740566960.7 },
      { year: 2022, share: 0.7 },
    ];
    expect(issuesOf({ total: 26, milestones: fromShare })).toEqual([
      {
        path: ['milestones', 1, 'share'],
        message:
          'the step from the milestone before (-9007199254740978 estates) to this one (19) is too large to count',
        kind: 'too-large-to-count',
      },
    ]);
    const toCount = [
      { year: 2021, share: -300_000_000_000_000 },
      { year: 2024, count: Number.MAX_SAFE_INTEGER - 1 },
    ];
    expect(pathsOf({ total: 26, milestones: toCount })).toEqual([['milestones', 1, 'count']]);
  });

  test('a value zod itself cannot read is INVALID_PLAN, not a TypeError (fuzz seed 3141)', () => {
    const milestones = JSON.parse('{"length":{"toString":null}}');
    expect(issuesOf({ total: 1, milestones })).toEqual([
      expect.objectContaining({ path: [], message: expect.stringContaining('not JSON data') }),
    ]);
  });

  test('a cohort estate with a blank name points at the name', () => {
    const plan = { ...minimalPlan, cohorts: { 2024: [{ name: '香山四区' }, { name: ' \t' }] } };
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({
        path: ['cohorts', '2024', 1, 'name'],
        message: 'an estate has a name (not blank)',
      }),
    ]);
  });

  test('a share that is not a number points at the share', () => {
    const [issue] = issuesOf({ total: 26, milestones: [{ year: 2021, share: '35%' }] });
    expect(issue?.path).toEqual(['milestones', 0, 'share']);
    expect(issue?.message).toMatch(/expected number/);
  });

  test('a milestone with both or neither share and count says what a milestone is', () => {
    for (const milestone of [{ year: 2021, share: 0.35, count: 9 }, { year: 2021 }]) {
      const [issue] = issuesOf({ total: 26, milestones: [milestone] });
      expect(issue?.path).toEqual(['milestones', 0]);
      expect(issue?.message).toBe('a milestone has a year and either a share or a count (not both)');
    }
  });

  test('bad years, counts, keys and deadlines, all at once', () => {
    const paths = pathsOf({
      total: 26,
      milestones: [{ year: 21, count: -1 }],
      quotas: { '2021': 1.5, next: 2 },
      cohorts: { 2021: [{ area: '灵山县' }] },
      applicationDeadline: '02-29',
      rounding: 'up',
      surplus: true,
    });
    expect(paths).toEqual(
      expect.arrayContaining([
        ['milestones', 0, 'year'],
        ['milestones', 0, 'count'],
        ['quotas', '2021'],
        ['quotas', 'next'],
        ['cohorts', '2021', 0, 'name'],
        ['applicationDeadline'],
        ['rounding'],
        [],
      ]),
    );
  });

  test('a plan without milestones, and an id that is not kebab-case', () => {
    expect(pathsOf({ total: 26, milestones: [], id: 'Qinzhou 2021' })).toEqual([['id'], ['milestones']]);
  });

  test('real month-days are accepted as deadlines, impossible ones are not', () => {
    for (const deadline of ['09-30', '12-31', '02-28', '01-01']) {
      expect(safeDefineTargetPlan({ ...minimalPlan, applicationDeadline: deadline }).ok).toBe(true);
    }
    for (const deadline of ['09-31', '02-30', '13-01', '00-10', '9-30', '2021-09-30']) {
      expect(pathsOf({ ...minimalPlan, applicationDeadline: deadline })).toEqual([['applicationDeadline']]);
    }
  });
});

describe('TargetPlanSchema', () => {
  test('converts to a JSON Schema that describes its fields, for both input and output', () => {
    const inputSchema = z.toJSONSchema(TargetPlanSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(inputSchema.required).toEqual(['total', 'milestones']);
    expect(inputSchema.additionalProperties).toBe(false);
    expect(inputSchema.properties.total?.description).toMatch(/estates/);
    expect(Object.keys(inputSchema.properties)).toEqual(
      expect.arrayContaining(['quotas', 'cohorts', 'allowLateApplications']),
    );
    expect(() => z.toJSONSchema(TargetPlanSchema, { io: 'output' })).not.toThrow();
  });
});
