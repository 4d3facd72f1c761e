import { describe, expect, it } from 'vitest';
import { selfCheck, smallRuleSet } from '../../test/small-city.js';
import type { PortfolioSolver } from '../model/linear-model.js';
import type { PortfolioInput } from './portfolio-input.js';
import { safePlanPortfolio } from './safe-plan-portfolio.js';

const ruleSet = smallRuleSet([2, 2]);
// a is eligible; b fixes two standards at the default cost of 1.
const input: PortfolioInput = {
  ruleSet,
  estates: [
    { assessment: selfCheck('a', 4, [0, 1, 2], '灵山县') },
    { assessment: selfCheck('b', 4, [0], '浦北县') },
  ],
  plan: { total: 2, milestones: [{ year: 2021, count: 2 }] },
};

describe('safePlanPortfolio', () => {
  it('resolves to the outcome planPortfolio gives', async () => {
    const result = await safePlanPortfolio(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ feasible: true, status: 'optimal', totalCost: 2 });
  });

  it('returns bad options, assessments and plans as errors with paths instead of throwing', async () => {
    const options = await safePlanPortfolio({ ...input, constraints: { fixedYears: { zz: 2021 } } });
    expect(options.ok ? undefined : [options.error.code, options.error.issues[0]?.path]).toEqual([
      'INVALID_OPTIONS',
      ['constraints', 'fixedYears', 'zz'],
    ]);
    const broken = { assessment: { ...input.estates[1]!.assessment, facts: { f0: 'yes' } } };
    const assessment = await safePlanPortfolio({ ...input, estates: [input.estates[0]!, broken] });
    expect(assessment.ok ? undefined : assessment.error.code).toBe('INVALID_ASSESSMENT');
    const plan = await safePlanPortfolio({ ...input, plan: { total: -1, milestones: [] } });
    expect(plan.ok ? undefined : plan.error.code).toBe('INVALID_PLAN');
    const limit = await safePlanPortfolio(input, { timeLimitSeconds: -1 });
    expect(limit.ok ? undefined : limit.error.issues[0]?.kind).toBe('invalid-limit');
  });

  it('still rejects when the solver itself fails: that is not the input’s fault', async () => {
    const failing: PortfolioSolver = {
      solve: async () => {
        throw new Error('solver crashed');
      },
    };
    await expect(safePlanPortfolio(input, { solver: failing })).rejects.toThrow('solver crashed');
  });
});
