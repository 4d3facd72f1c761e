import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { TargetPlanInput } from './plan-schema.js';
import { planTimeline } from './plan-timeline.js';

const qinzhouMilestones = [
  { year: 2021, share: 0.35 },
  { year: 2022, share: 0.7 },
  { year: 2023, share: 0.9 },
  { year: 2024, share: 1 },
];

describe('planTimeline', () => {
  test('gives Qinzhou’s cumulative targets and quotas (26 estates, 35/70/90/100%), ceil by default', () => {
    const { years, total, rounding } = planTimeline({ total: 26, milestones: qinzhouMilestones });
    expect(total).toBe(26);
    expect(rounding).toBe('ceil');
    expect(years).toEqual([
      { year: 2021, share: 0.35, cumulativeTarget: 10, quota: 10 },
      { year: 2022, share: 0.7, cumulativeTarget: 19, quota: 9 },
      { year: 2023, share: 0.9, cumulativeTarget: 24, quota: 5 },
      { year: 2024, share: 1, cumulativeTarget: 26, quota: 2 },
    ]);
  });

  test('rounds half up with round, down with floor', () => {
    const round = planTimeline({ total: 26, milestones: qinzhouMilestones, rounding: 'round' });
    expect(round.years.map((year) => year.cumulativeTarget)).toEqual([9, 18, 23, 26]);
    expect(round.years.map((year) => year.quota)).toEqual([9, 9, 5, 3]);
    const floor = planTimeline({
      total: 26,
      milestones: [...qinzhouMilestones.slice(0, 3), { year: 2024, share: 0.99 }],
      rounding: 'floor',
    });
    expect(floor.years.map((year) => year.cumulativeTarget)).toEqual([9, 18, 23, 25]);
  });

  test('reads a count written -0 (as JSON.parse gives it) as 0, so no target or quota is -0', () => {
    const plan = JSON.parse(
      '{ "total": 1, "milestones": [{ "year": 2000, "count": -0 }] }',
    ) as TargetPlanInput;
    const [year] = planTimeline(plan).years;
    expect(Object.is(year?.cumulativeTarget, 0)).toBe(true);
    expect(Object.is(year?.quota, 0)).toBe(true);
  });

  test('keeps a share that lands on a whole number exactly', () => {
    const { years } = planTimeline({ total: 26, milestones: [{ year: 2021, share: 0.5 }] });
    expect(years[0]?.cumulativeTarget).toBe(13);
  });

  test('takes count milestones as they are and reports their share as count ÷ total', () => {
    const { years } = planTimeline({
      total: 26,
      milestones: [
        { year: 2021, count: 11 },
        { year: 2022, share: 0.7 },
        { year: 2024, count: 26 },
      ],
    });
    expect(years.map((year) => year.cumulativeTarget)).toEqual([11, 19, 26]);
    expect(years.map((year) => year.quota)).toEqual([11, 8, 7]);
    expect(years[0]?.share).toBeCloseTo(11 / 26, 12);
    expect(years[2]?.share).toBe(1);
  });

  test('lists years in order even when the plan does not', () => {
    const { years } = planTimeline({ total: 26, milestones: [...qinzhouMilestones].reverse() });
    expect(years.map((year) => year.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(years.map((year) => year.quota)).toEqual([10, 9, 5, 2]);
  });

  // Increasing years with non-decreasing shares (up to 4 decimals) that end at 1.
  const validPlan = fc
    .record({
      total: fc.integer({ min: 1, max: 10_000 }),
      basisPoints: fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 8 }),
      firstYear: fc.integer({ min: 2000, max: 2050 }),
      rounding: fc.constantFrom('ceil' as const, 'round' as const, 'floor' as const),
    })
    .map(({ total, basisPoints, firstYear, rounding }): TargetPlanInput => {
      const shares = [...[...basisPoints].sort((left, right) => left - right), 10_000];
      return {
        total,
        rounding,
        milestones: shares.map((points, index) => ({
          year: firstYear + index,
          share: Number(`${points}e-4`),
        })),
      };
    });

  test.prop([validPlan])(
    'cumulative targets never decrease and end at the total when the last share is 1',
    (plan) => {
      const { years } = planTimeline(plan);
      for (const [index, year] of years.entries()) {
        expect(year.quota).toBeGreaterThanOrEqual(0);
        if (index > 0)
          expect(year.cumulativeTarget).toBeGreaterThanOrEqual(years[index - 1]!.cumulativeTarget);
      }
      expect(years.at(-1)?.cumulativeTarget).toBe(plan.total);
      expect(years.reduce((sum, year) => sum + year.quota, 0)).toBe(plan.total);
    },
  );

  test.prop([validPlan])(
    'with ceil, each cumulative target is at least share × total, compared exactly',
    (plan) => {
      const { years } = planTimeline({ ...plan, rounding: 'ceil' });
      for (const year of years) {
        // share has at most 4 decimals: compare target × 10^4 with (share × 10^4) × total in integers.
        const basisPoints = BigInt(Math.round(year.share * 10_000));
        expect(BigInt(year.cumulativeTarget) * 10_000n >= basisPoints * BigInt(plan.total)).toBe(true);
        expect(BigInt(year.cumulativeTarget - 1) * 10_000n < basisPoints * BigInt(plan.total)).toBe(true);
      }
    },
  );
});
