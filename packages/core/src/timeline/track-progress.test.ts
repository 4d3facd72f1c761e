import { describe, expect, test } from 'vitest';
import { RubricError } from '../errors/rubric-error.js';
import type { TargetPlanInput } from './plan-schema.js';
import { type CertifiedCounts, trackProgress } from './track-progress.js';

const qinzhouMilestones = [
  { year: 2021, share: 0.35 },
  { year: 2022, share: 0.7 },
  { year: 2023, share: 0.9 },
  { year: 2024, share: 1 },
];
const qinzhouPlan: TargetPlanInput = {
  total: 26,
  milestones: qinzhouMilestones,
  quotas: { 2021: 11, 2022: 9, 2023: 4, 2024: 2 },
};

const statusesOf = (plan: TargetPlanInput, certified: CertifiedCounts) =>
  trackProgress(plan, certified).years.map((year) => [year.year, year.status, year.difference]);

describe('trackProgress', () => {
  test('is on track when certifications meet the quotas so far', () => {
    const progress = trackProgress(qinzhouPlan, { 2021: 11, 2022: 9 });
    expect(progress.targetsFrom).toBe('quotas');
    expect(progress.years).toMatchObject([
      { year: 2021, target: 11, certified: 11, certifiedInYear: 11, difference: 0, status: 'on-track' },
      { year: 2022, target: 20, certified: 20, certifiedInYear: 9, difference: 0, status: 'on-track' },
    ]);
    expect(progress.certified).toBe(20);
    expect(progress.remaining).toBe(6);
    expect(progress.remainingYears).toEqual([2023, 2024]);
    expect(progress.neededPerRemainingYear).toBe(3);
  });

  test('is ahead when cumulative certifications exceed the target, behind when they fall short', () => {
    expect(statusesOf(qinzhouPlan, { 2021: 12, 2022: 8 })).toEqual([
      [2021, 'ahead', 1],
      [2022, 'on-track', 0],
    ]);
    expect(statusesOf(qinzhouPlan, { 2021: 9, 2022: 10 })).toEqual([
      [2021, 'behind', -2],
      [2022, 'behind', -1],
    ]);
  });

  test('spreads what remains over the years left, rounding up so the total is reached by the last milestone', () => {
    const progress = trackProgress(qinzhouPlan, { 2021: 11, 2022: 8 });
    expect(progress.remaining).toBe(7);
    expect(progress.remainingYears).toEqual([2023, 2024]);
    expect(progress.neededPerRemainingYear).toBe(4); // 7 over 2 years is 3.5
  });

  test('takes targets from the milestones when the plan sets no quotas', () => {
    const progress = trackProgress({ total: 26, milestones: qinzhouMilestones }, { 2021: 10, 2022: 8 });
    expect(progress.targetsFrom).toBe('milestones');
    expect(progress.years.map((year) => [year.target, year.status])).toEqual([
      [10, 'on-track'],
      [19, 'behind'],
    ]);
  });

  test('holds the last milestone’s target through the years between milestones', () => {
    const plan = {
      total: 26,
      milestones: [
        { year: 2021, share: 0.35 },
        { year: 2024, share: 1 },
      ],
    };
    const progress = trackProgress(plan, { 2021: 10, 2022: 3 });
    expect(progress.years.map((year) => [year.year, year.target, year.status])).toEqual([
      [2021, 10, 'on-track'],
      [2022, 10, 'ahead'],
    ]);
    expect(progress.remainingYears).toEqual([2023, 2024]);
    expect(progress.neededPerRemainingYear).toBe(7); // 13 over 2 years, rounded up
  });

  test('reports a plan year with no certifications as 0 when a later year has some', () => {
    const progress = trackProgress(qinzhouPlan, { 2021: 11, 2023: 5 });
    expect(
      progress.years.map((year) => [year.year, year.certifiedInYear, year.certified, year.status]),
    ).toEqual([
      [2021, 11, 11, 'on-track'],
      [2022, 0, 11, 'behind'],
      [2023, 5, 16, 'behind'],
    ]);
  });

  test('with no certifications yet, everything remains over every year of the plan', () => {
    const progress = trackProgress(qinzhouPlan, {});
    expect(progress.years).toEqual([]);
    expect(progress.remaining).toBe(26);
    expect(progress.remainingYears).toEqual([2021, 2022, 2023, 2024]);
    expect(progress.neededPerRemainingYear).toBe(7); // 26 over 4 years is 6.5
  });

  test('needs nothing more once the total is certified, and null when the plan is overdue', () => {
    const done = trackProgress(qinzhouPlan, { 2021: 20, 2022: 6 });
    expect(done.remaining).toBe(0);
    expect(done.neededPerRemainingYear).toBe(0);
    const overdue = trackProgress(qinzhouPlan, { 2021: 11, 2022: 9, 2023: 2, 2024: 1 });
    expect(overdue.remaining).toBe(3);
    expect(overdue.remainingYears).toEqual([]);
    expect(overdue.neededPerRemainingYear).toBeNull();
    expect(overdue.finalYear).toBe(2024);
  });

  test('rejects malformed certified counts with INVALID_PLAN and paths under certified', () => {
    expect.assertions(3);
    try {
      trackProgress(qinzhouPlan, { 2021: -1, 2022: 1.5, last: 2 });
    } catch (error) {
      expect(RubricError.isInstance(error)).toBe(true);
      if (!RubricError.isInstance(error)) return;
      expect(error.code).toBe('INVALID_PLAN');
      expect(error.issues.map((issue) => issue.path)).toEqual([
        ['certified', '2021'],
        ['certified', '2022'],
        ['certified', 'last'],
      ]);
    }
  });

  test('rejects certified counts that add up to too many estates to count', () => {
    expect(() => trackProgress(qinzhouPlan, { 2021: Number.MAX_SAFE_INTEGER, 2022: 2 })).toThrow(
      'the certified counts add up to too many estates to count',
    );
    expect(trackProgress(qinzhouPlan, { 2021: Number.MAX_SAFE_INTEGER }).certified).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  test('reports a malformed plan and malformed counts together', () => {
    expect.assertions(1);
    try {
      trackProgress({ total: 0, milestones: [] }, null as unknown as CertifiedCounts);
    } catch (error) {
      if (RubricError.isInstance(error)) {
        expect(error.issues.map((issue) => issue.path)).toEqual([['total'], ['milestones'], ['certified']]);
      }
    }
  });
});

describe('trackProgress: the plan’s floor and the quota it names', () => {
  const standingsOf = (plan: TargetPlanInput, certified: CertifiedCounts) =>
    trackProgress(plan, certified).years.map((year) => [
      year.year,
      year.floor,
      year.namedQuota,
      year.certified,
      year.standing,
      year.shortOfQuota,
    ]);

  test('10 certified in 2021 meets “35%以上” (at least 10) but is one short of the 11 the plan names; both are said', () => {
    const progress = trackProgress(qinzhouPlan, { 2021: 10 });
    const [year] = progress.years;
    expect(year).toMatchObject({
      floor: 10,
      namedQuota: 11,
      certified: 10,
      status: 'behind',
      standing: 'short-of-quota',
      shortOfQuota: 1,
    });
    expect(year?.summary.en).toBe(
      'By the end of 2021, 10 certified: meets the floor of 10 (35% of 26 = 9.1 → 10), 1 short of the 11 the plan names.',
    );
    expect(year?.summary.zh).toBe(
      '截至2021年底已创建10个：达到下限10个，即35%（26×35%=9.1→10个），比方案所列的11个少1个。',
    );
  });

  test('below the floor, at the named quota, and a plan without quotas', () => {
    expect(standingsOf(qinzhouPlan, { 2021: 9, 2022: 10, 2023: 5 })).toEqual([
      [2021, 10, 11, 9, 'below-floor', 2],
      [2022, 19, 20, 19, 'short-of-quota', 1],
      [2023, 24, 24, 24, 'meets-quota', 0],
    ]);
    expect(standingsOf({ total: 26, milestones: qinzhouMilestones }, { 2021: 10, 2022: 8 })).toEqual([
      [2021, 10, null, 10, 'meets-floor', 0],
      [2022, 19, null, 18, 'below-floor', 0],
    ]);
    const below = trackProgress(qinzhouPlan, { 2021: 9 }).years[0];
    expect(below?.summary.en).toBe(
      'By the end of 2021, 9 certified: 1 below the floor of 10 (35% of 26 = 9.1 → 10) and 2 short of the 11 the plan names.',
    );
  });

  test('a year before the first milestone has a floor of 0, and says so', () => {
    const progress = trackProgress(
      { ...qinzhouPlan, startYear: 2020, quotas: { 2020: 1, ...qinzhouPlan.quotas } },
      { 2020: 0 },
    );
    expect(progress.years[0]).toMatchObject({
      year: 2020,
      floor: 0,
      namedQuota: 1,
      standing: 'short-of-quota',
    });
    expect(progress.years[0]?.summary.en).toContain('the floor of 0 (no milestone yet)');
  });
});
