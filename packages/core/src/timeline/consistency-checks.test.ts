import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkTimeline } from './check-timeline.js';
import type { TargetPlanInput } from './plan-schema.js';

const codesOf = (plan: TargetPlanInput) => checkTimeline(plan).issues.map((issue) => issue.code);

/** A small constructed plan: 10 estates, 40% then 100%, in two areas. */
const consistent = {
  total: 10,
  milestones: [
    { year: 2030, share: 0.4 },
    { year: 2031, share: 1 },
  ],
  quotas: { 2030: 4, 2031: 6 },
  breakdowns: [{ name: 'by area', by: 'area', parts: { north: 6, south: 4 } }],
  areas: [
    { name: 'north', level: 'county' },
    { name: 'south', level: 'county' },
  ],
  cohorts: {
    2030: [
      { name: 'A', area: 'north', level: 'county' },
      { name: 'B', area: 'north', level: 'county' },
      { name: 'C', area: 'south', level: 'county' },
      { name: 'D', area: 'south', level: 'county' },
    ],
  },
  totalStatements: [
    { counts: 'estates of 200 households or more', count: 10, clause: '1' },
    { counts: 'estates of 200 households or more', count: 10, clause: '5(1)' },
  ],
} satisfies TargetPlanInput;

describe('the consistency checks on constructed plans', () => {
  test('the consistent plan has no finding', () => {
    expect(checkTimeline(consistent).issues).toEqual([]);
  });

  test('SHARE_FLOOR_BELOW_QUOTA: a quota above the least count that meets the share is a notice', () => {
    // 35% of 10 = 3.5 → 4, but the quotas name 5 by 2030; 50% → 5 by 2031 and 100% by 2032.
    const plan = {
      total: 10,
      milestones: [
        { year: 2030, share: 0.35 },
        { year: 2031, share: 0.5 },
        { year: 2032, share: 1 },
      ],
      quotas: { 2030: 5, 2031: 1, 2032: 4 },
    };
    const issues = checkTimeline(plan).issues;
    expect(issues.map((issue) => [issue.code, issue.year])).toEqual([
      ['SHARE_FLOOR_BELOW_QUOTA', 2030],
      ['SHARE_FLOOR_BELOW_QUOTA', 2031],
      ['QUOTA_BELOW_STEP', 2032],
    ]);
    expect(issues[0]).toMatchObject({
      severity: 'notice',
      expected: 4,
      actual: 5,
      compares: [['milestones', 0], ['quotas']],
    });
    expect(issues[0]?.text.en).toContain('35% of 10 = 3.5 → 4');
    expect(issues[0]?.text.zh).toContain('10×35%=3.5→4个');
  });

  test('QUOTA_BELOW_STEP: quotas since the last milestone short of the step between the targets', () => {
    const plan = {
      total: 10,
      milestones: [
        { year: 2030, share: 0.3 },
        { year: 2031, share: 0.6 },
        { year: 2032, share: 1 },
      ],
      quotas: { 2030: 4, 2031: 2, 2032: 4 },
    };
    // floors 3, 6, 10; quotas add up to 4, 6, 10: 2031's 2 is short of the step 3.
    const issues = checkTimeline(plan).issues;
    expect(
      issues.map((issue) => [issue.code, issue.severity, issue.year, issue.expected, issue.actual]),
    ).toEqual([
      ['SHARE_FLOOR_BELOW_QUOTA', 'notice', 2030, 3, 4],
      ['QUOTA_BELOW_STEP', 'warning', 2031, 3, 2],
    ]);
    expect(issues[1]?.text.en).toContain('reaches 5, short of 6');
  });

  test('COHORT_AREA_NOT_IN_BREAKDOWN: a cohort area the area breakdown does not list, once per area', () => {
    const cohorts = {
      2030: [
        ...consistent.cohorts[2030].slice(0, 2),
        { name: 'C', area: 'city level', level: 'city' },
        { name: 'D', area: 'city level', level: 'city' },
      ],
    };
    const issues = checkTimeline({ ...consistent, cohorts }).issues;
    expect(issues.map((issue) => [issue.code, issue.severity, issue.area, issue.actual])).toEqual([
      ['COHORT_AREA_NOT_IN_BREAKDOWN', 'warning', 'city level', 2],
    ]);
    expect(issues[0]?.compares).toEqual([
      ['cohorts', '2030'],
      ['breakdowns', 0],
    ]);
  });

  test('the area checks need a breakdown marked by area', () => {
    const cohorts = { 2030: consistent.cohorts[2030].map((estate) => ({ ...estate, area: 'elsewhere' })) };
    const breakdowns = [{ name: 'by size', parts: { north: 6, south: 4 } }];
    expect(codesOf({ ...consistent, cohorts, breakdowns })).toEqual([]);
  });

  test('COHORT_EXCEEDS_AREA: more estates named in an area than it counts is an error', () => {
    const breakdowns = [{ name: 'by area', by: 'area' as const, parts: { north: 9, south: 1 } }];
    const issues = checkTimeline({ ...consistent, breakdowns }).issues;
    expect(
      issues.map((issue) => [issue.code, issue.severity, issue.area, issue.expected, issue.actual]),
    ).toEqual([['COHORT_EXCEEDS_AREA', 'error', 'south', 1, 2]]);
  });

  test('BREAKDOWN_PARTS_OVERLAP: a part that lies within another part, through a chain of areas', () => {
    const areas = [
      { name: 'north', level: 'county', within: 'districts' },
      { name: 'districts', within: 'city' },
      { name: 'city', within: 'north' },
      { name: 'south', level: 'county', within: 'city' },
    ];
    const breakdowns = [{ name: 'by area', by: 'area' as const, parts: { north: 5, south: 4, city: 1 } }];
    const issues = checkTimeline({ ...consistent, areas, breakdowns, cohorts: {} }).issues;
    expect(issues.map((issue) => [issue.code, issue.severity, issue.area])).toEqual([
      ['BREAKDOWN_PARTS_OVERLAP', 'notice', 'north'],
      ['BREAKDOWN_PARTS_OVERLAP', 'notice', 'south'],
      // The areas' nesting runs in a cycle (city within north): reported, and the walk ends.
      ['BREAKDOWN_PARTS_OVERLAP', 'notice', 'city'],
      ['AREA_LEVEL_UNKNOWN', 'notice', 'city'],
    ]);
    expect(issues[0]?.text.en).toContain('“north” beside “city”');
  });

  test('AREA_LEVEL_UNKNOWN: a part with no level, where levels come from areas or from cohort estates', () => {
    const breakdowns = [
      { name: 'by area', by: 'area' as const, parts: { north: 5, south: 4, zone: 1, empty: 0 } },
    ];
    const areas = [{ name: 'north', level: 'county' }];
    // south's level comes from its cohort estates; zone has none; a part of 0 estates is not reported.
    const issues = checkTimeline({ ...consistent, areas, breakdowns }).issues;
    expect(issues.map((issue) => [issue.code, issue.area, issue.actual])).toEqual([
      ['AREA_LEVEL_UNKNOWN', 'zone', 1],
    ]);
    // Without any level in the plan there is nothing to be missing.
    const noLevels = checkTimeline({ total: 10, milestones: [{ year: 2030, count: 10 }], breakdowns }).issues;
    expect(noLevels).toEqual([]);
  });

  test('TOTAL_RESTATED_DIFFERENTLY and TOTAL_DESCRIBED_DIFFERENTLY, with the clauses they compare', () => {
    const totalStatements = [
      { counts: 'public-rental estates of 200 rental households or more', count: 10, clause: '1' },
      { counts: 'affordable estates to certify', clause: '1' },
      { counts: 'affordable estates of 200 households or more', count: 9, clause: '5(1)' },
    ];
    const issues = checkTimeline({ ...consistent, totalStatements }).issues;
    expect(issues.map((issue) => [issue.code, issue.severity, issue.clauses])).toEqual([
      ['TOTAL_RESTATED_DIFFERENTLY', 'warning', ['5(1)']],
      ['TOTAL_DESCRIBED_DIFFERENTLY', 'notice', ['1', '5(1)']],
    ]);
  });

  test('clauses come from the plan’s sources for every compared path', () => {
    const sources = [
      { path: ['total'], clause: 'one', quote: 'ten estates' },
      { path: ['quotas', '2030'], clause: 'five', quote: '4 in 2030' },
      { path: ['quotas', '2031'], clause: 'five', quote: '7 in 2031' },
    ];
    const [issue] = checkTimeline({ ...consistent, quotas: { 2030: 4, 2031: 7 }, sources }).issues;
    expect(issue).toMatchObject({ code: 'QUOTAS_SUM_MISMATCH', severity: 'error', clauses: ['five', 'one'] });
  });
});

/** Plans consistent by construction: quotas are the steps between the rounded shares, areas hold their cohorts. */
const consistentPlans = fc
  .record({
    total: fc.integer({ min: 1, max: 60 }),
    percents: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
    startYear: fc.integer({ min: 2000, max: 2090 }),
    areaWeights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
    level: fc.constantFrom('city', 'county'),
    rounding: fc.constantFrom('ceil' as const, 'round' as const, 'floor' as const),
  })
  .map(({ total, percents, startYear, areaWeights, level, rounding }): TargetPlanInput => {
    const shares = [...[...percents].sort((left, right) => left - right).map((percent) => percent / 100), 1];
    const milestones = shares.map((share, index) => ({ year: startYear + index, share }));
    const { years } = checkTimeline({ total, milestones, rounding });
    const quotas = Object.fromEntries(years.map((year) => [String(year.year), year.quota]));
    // Split the total over areas in proportion to the weights, the last area taking what is left.
    const weightSum = areaWeights.reduce((sum, weight) => sum + weight, 0);
    const parts: Record<string, number> = {};
    let assigned = 0;
    areaWeights.forEach((weight, index) => {
      const count =
        index === areaWeights.length - 1 ? total - assigned : Math.floor((total * weight) / weightSum);
      parts[`area-${index}`] = count;
      assigned += count;
    });
    // The first year's cohort: estates drawn from areas in turn, never more than an area holds.
    const slots = Object.entries(parts).flatMap(([area, count]) => Array.from({ length: count }, () => area));
    const firstQuota = years[0]?.quota ?? 0;
    const cohort = slots
      .slice(0, firstQuota)
      .map((area, index) => ({ name: `estate-${index}`, area, level }));
    return {
      total,
      milestones,
      rounding,
      quotas,
      breakdowns: [{ name: 'by area', by: 'area', parts }],
      areas: Object.keys(parts).map((name) => ({ name, level })),
      cohorts: { [String(startYear)]: cohort },
      totalStatements: [{ counts: 'estates in scope', count: total, clause: '1' }],
    };
  });

describe('no finding on a consistent plan', () => {
  test.prop([consistentPlans])('a plan consistent by construction raises no finding', (plan) => {
    expect(checkTimeline(plan).issues).toEqual([]);
  });
});
