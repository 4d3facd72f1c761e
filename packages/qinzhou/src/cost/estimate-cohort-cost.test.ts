import { RubricError } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { qinzhou2021Cohort } from '../plan/qinzhou-plan.js';
import { qinzhouCostModel } from './cost-model.js';
import { estimateCohortCost, qinzhou2021CohortCost } from './estimate-cohort-cost.js';

describe('qinzhouCostModel (六（二）)', () => {
  it('is 2,000,000 yuan per city-level estate and at least 200,000 per county-level estate', () => {
    expect(qinzhouCostModel.perEstate.city).toEqual({ amount: 2_000_000, atLeast: false, basis: '六（二）' });
    expect(qinzhouCostModel.perEstate.county).toEqual({ amount: 200_000, atLeast: true, basis: '六（二）' });
    expect(qinzhouCostModel.quote).toContain('市本级申报创建的保障性住房小区完善短板所需经费为200万元/个');
    expect(qinzhouCostModel.quote).toContain('县级保障性住房小区完善短板所需经费不低于20万元/个');
    expect(qinzhouCostModel.fundedFrom.zh).toContain('小区经济收入');
  });
});

describe('estimateCohortCost', () => {
  it('costs the 2021 cohort at ≥ 16,600,000: 8 × 2,000,000 + 3 × ≥ 200,000, a lower bound', () => {
    const estimate = estimateCohortCost(qinzhou2021Cohort);
    expect(estimate.total).toBe(16_600_000);
    expect(estimate.atLeast).toBe(true);
    expect(estimate.byLevel).toEqual({
      city: { estates: 8, amount: 16_000_000, atLeast: false },
      county: { estates: 3, amount: 600_000, atLeast: true },
    });
    expect(estimate.perEstate.at(-1)).toEqual({
      name: '鲤鱼岭公共租赁租房小区',
      level: 'county',
      amount: 200_000,
      atLeast: true,
    });
    expect(estimate.summary.en).toBe(
      'At least 16,600,000 CNY (8 city-level × 2,000,000 = 16,000,000; 3 county-level × at least 200,000 = at least 600,000). Some figures are minimums, so the total is a lower bound.',
    );
    expect(estimate.summary.zh).toMatch(/^不低于16,600,000元/);
    expect(qinzhou2021CohortCost).toEqual(estimate);
  });

  it('is exact when every estate is city-level', () => {
    const estimate = estimateCohortCost(qinzhou2021Cohort.filter((estate) => estate.level === 'city'));
    expect(estimate).toMatchObject({ total: 16_000_000, atLeast: false });
    expect(estimate.summary.en).toMatch(/^16,000,000 CNY .*the total is exact\.$/);
  });

  it('costs nothing for an empty cohort', () => {
    expect(estimateCohortCost([])).toMatchObject({ total: 0, atLeast: false, perEstate: [] });
  });

  it('takes another city’s cost model', () => {
    const flat = {
      ...qinzhouCostModel,
      perEstate: {
        city: { amount: 1_000_000, atLeast: false, basis: 'local' },
        county: { amount: 300_000, atLeast: false, basis: 'local' },
      },
    };
    expect(estimateCohortCost(qinzhou2021Cohort, flat)).toMatchObject({ total: 8_900_000, atLeast: false });
  });

  it('rejects estates without a known level, naming each', () => {
    try {
      estimateCohortCost([{ name: 'A' }, { name: 'B', level: 'city' }, { name: 'C', level: 'province' }]);
      expect.unreachable();
    } catch (error) {
      expect(RubricError.isInstance(error)).toBe(true);
      if (!RubricError.isInstance(error)) return;
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.issues.map((issue) => issue.path)).toEqual([
        [0, 'level'],
        [2, 'level'],
      ]);
    }
  });
});
