import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defineTargetPlan } from './define-plan.js';
import { cumulativeQuotas, type YearStep, yearSteps } from './year-steps.js';

describe('yearSteps', () => {
  test('is 0 before the first step, then the value of the last step at or before the year', () => {
    const targetBy = yearSteps([
      { year: 2021, value: 11 },
      { year: 2022, value: 20 },
      { year: 2022, value: 21 },
      { year: 2024, value: 26 },
    ]);
    expect([2020, 2021, 2022, 2023, 2024, 2030].map(targetBy)).toEqual([0, 11, 21, 21, 26, 26]);
    expect(yearSteps([])(2021)).toBe(0);
  });

  test.prop([
    fc.array(fc.record({ year: fc.integer({ min: 2000, max: 2010 }), value: fc.nat() })),
    fc.integer({ min: 1995, max: 2015 }),
  ])('agrees with a scan of every step', (unsorted, year) => {
    const steps = [...unsorted].sort((left, right) => left.year - right.year);
    let scanned = 0;
    for (const step of steps) if (step.year <= year) scanned = step.value;
    expect(yearSteps(steps)(year)).toBe(scanned);
  });
});

describe('yearSteps and lastStepBy: bounded work', () => {
  /** Steps that count how many of them a lookup reads. */
  function countedSteps(length: number): { steps: YearStep[]; reads: () => number } {
    const steps = Array.from({ length }, (_, index) => ({ year: 1000 + index, value: index + 1 }));
    let reads = 0;
    const counted = new Proxy(steps, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    return { steps: counted, reads: () => reads };
  }

  // BUG-13 was a scan of every quota year for every milestone: a lookup must read log2(steps) steps, not all.
  test('a lookup among 9,000 steps reads at most 15 of them, wherever the year falls', () => {
    const { steps, reads } = countedSteps(9000);
    const valueBy = yearSteps(steps);
    for (const year of [999, 1000, 5500, 9999, 10_000, 20_000]) {
      const before = reads();
      valueBy(year);
      expect(reads() - before, `year ${year}`).toBeLessThanOrEqual(15);
    }
    expect(valueBy(5500)).toBe(4501);
  });
});

describe('cumulativeQuotas', () => {
  test('adds up the quotas of every year up to the one asked, whatever the order of the keys', () => {
    const plan = defineTargetPlan({
      total: 26,
      milestones: [{ year: 2024, share: 1 }],
      quotas: { 2023: 4, 2021: 11, 2024: 2, 2022: 9 },
    });
    expect([2020, 2021, 2022, 2023, 2024, 2025].map(cumulativeQuotas(plan))).toEqual([0, 11, 20, 24, 26, 26]);
  });

  test('is 0 every year for a plan without quotas', () => {
    expect(
      cumulativeQuotas(defineTargetPlan({ total: 26, milestones: [{ year: 2024, share: 1 }] }))(2024),
    ).toBe(0);
  });
});
