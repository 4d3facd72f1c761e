import { RubricError } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { selfCheck, smallRuleSet } from '../../test/small-city.js';
import { planPortfolio } from './plan-portfolio.js';
import type { PortfolioCost, PortfolioInput } from './portfolio-input.js';

// a is eligible; b must fix s1 + s2 (30 + 20).
const input: PortfolioInput = {
  ruleSet: smallRuleSet([2, 2]),
  estates: [
    { assessment: selfCheck('a', 4, [0, 1, 2], '灵山县') },
    { assessment: selfCheck('b', 4, [0], '浦北县') },
  ],
  plan: { total: 2, milestones: [{ year: 2021, count: 2 }] },
  cost: { perStandard: { s0: 50, s1: 30, s2: 20, s3: 70 } },
};
const basis = { zh: '按2021年招标价估算', en: 'estimated from 2021 tender prices' };

describe('planPortfolio: what the amounts are in', () => {
  it('carries the cost model’s unit and drafted basis into a plan', async () => {
    const outcome = await planPortfolio({
      ...input,
      cost: { ...input.cost, unit: { zh: '万元', en: '10k CNY' }, drafted: { basis } },
    });
    expect(outcome.amounts).toEqual({ unit: { zh: '万元', en: '10k CNY' }, drafted: { basis } });
  });

  it('is yuan by default, and standards when no cost is given (every fix then costs 1)', async () => {
    expect((await planPortfolio(input)).amounts).toEqual({ unit: { zh: '元', en: 'CNY' } });
    const { cost: _cost, ...uncosted } = input;
    expect((await planPortfolio(uncosted)).amounts).toEqual({ unit: { zh: '项标准', en: 'standards' } });
  });

  it('prints the amounts of its reasons with the unit, in both languages', async () => {
    const outcome = await planPortfolio({
      ...input,
      cost: { ...input.cost, unit: { zh: '万元', en: '10k CNY' } },
      budgets: { 2021: 40 },
    });
    if (outcome.feasible) throw new Error('expected no plan');
    expect(outcome.reasons[0]!.message.en).toBe(
      'By the end of 2021 the plan needs 2 estates put forward; reaching that costs at least 50 10k CNY, the budgets to then total 40 10k CNY: 10 10k CNY short.',
    );
    expect(outcome.reasons[0]!.message.zh).toContain('最少需50万元，而截至当年的预算合计40万元，缺10万元');
    expect(outcome.amounts.drafted).toBeUndefined();
  });

  it('refuses a unit or drafted mark that is not text, with its path', async () => {
    const issuesOf = async (cost: unknown) => {
      try {
        await planPortfolio({ ...input, cost: cost as PortfolioCost });
      } catch (error) {
        if (RubricError.isInstance(error)) return error.issues.map((issue) => [issue.path, issue.kind]);
      }
      return undefined;
    };
    expect(await issuesOf({ unit: 'yuan' })).toEqual([[['cost', 'unit'], 'invalid-type']]);
    expect(await issuesOf({ drafted: true })).toEqual([[['cost', 'drafted'], 'invalid-type']]);
    expect(await issuesOf({ drafted: { basis: { en: 'x' } } })).toEqual([
      [['cost', 'drafted', 'basis'], 'invalid-type'],
    ]);
  });
});
