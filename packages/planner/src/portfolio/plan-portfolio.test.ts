import { RubricError, trackProgress } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { selfCheck, smallRuleSet } from '../../test/small-city.js';
import type { PortfolioSolver } from '../model/linear-model.js';
import { highsSolver } from '../solver/highs-solver.js';
import { planPortfolio } from './plan-portfolio.js';
import type { PortfolioInput } from './portfolio-input.js';
import type { PortfolioInfeasible, PortfolioPlan } from './portfolio-plan.js';

const ruleSet = smallRuleSet([2, 2]); // 3 of 4 met, one per requirement
const plan = {
  total: 3,
  milestones: [
    { year: 2021, count: 1 },
    { year: 2022, count: 3 },
  ],
};
// a is eligible; b fixes s1 + s2 (3 + 2); c (city-level: 100 to put forward, s1 costs it 10) fixes s0 + s2 (5 + 2).
const input: PortfolioInput = {
  ruleSet,
  estates: [
    { assessment: selfCheck('a', 4, [0, 1, 2], '灵山县'), level: 'county' },
    { assessment: selfCheck('b', 4, [0], '浦北县'), level: 'county' },
    { assessment: selfCheck('c', 4, [3], '灵山县'), level: 'city' },
  ],
  plan,
  cost: {
    perStandard: { s0: 5, s1: 3, s2: 2, s3: 7 },
    perLevel: { city: { s1: 10 } },
    perEstate: { city: 100 },
  },
};

async function feasible(portfolio: PortfolioInput): Promise<PortfolioPlan> {
  const outcome = await planPortfolio(portfolio);
  if (!outcome.feasible) throw new Error(outcome.reasons.map((reason) => reason.message.en).join('\n'));
  return outcome;
}

async function infeasible(portfolio: PortfolioInput): Promise<PortfolioInfeasible> {
  const outcome = await planPortfolio(portfolio);
  if (outcome.feasible) throw new Error('expected no plan');
  return outcome;
}

describe('planPortfolio', () => {
  it('puts estates forward year by year with their fixes, costs and departments, proven optimal', async () => {
    const outcome = await feasible(input);
    expect(outcome.status).toBe('optimal');
    expect(outcome.gap).toBe(0);
    // c: 100 + 5 + 2 = 107; b: 3 + 2.
    expect(outcome.totalCost).toBe(112);
    expect(outcome.bound).toBe(112);
    const everyEstate = outcome.years.flatMap((year) => year.estates);
    expect(everyEstate.map((estate) => estate.estateId).sort()).toEqual(['a', 'b', 'c']);
    const c = everyEstate.find((estate) => estate.estateId === 'c')!;
    expect(c).toMatchObject({ name: '小区c', area: '灵山县', level: 'city', fixedCost: 100, cost: 107 });
    expect(c.fixes.map((fix) => [fix.standardId, fix.cost, fix.responsible, fix.outcome])).toEqual([
      ['s0', 5, ['housing'], 'unmet'],
      ['s2', 2, ['housing'], 'unmet'],
    ]);
    const total = outcome.years.reduce((sum, year) => sum + year.cost, 0);
    expect(total).toBe(112);
    const departments = outcome.years.map((year) => year.byDepartment);
    const policeCost = departments.reduce((sum, byDepartment) => sum + (byDepartment.police?.cost ?? 0), 0);
    expect(policeCost).toBe(3); // b's s1
    expect(Object.isFrozen(outcome) && Object.isFrozen(outcome.years[0])).toBe(true);
    expect(outcome.notice).toBeUndefined();
  });

  it('puts estates forward no earlier than the targets need, among plans of the least cost', async () => {
    const outcome = await feasible(input);
    expect(outcome.years.map((year) => year.quota)).toEqual([1, 2]);
    // With 2022's budget too small for b and c together, one estate more goes forward early: c, since
    // then only one is early (a and b would be two), at the same total cost.
    const tight = await feasible({ ...input, budgets: { 2022: 106 } });
    expect(tight.years.map((year) => year.estates.map((estate) => estate.estateId).sort())).toEqual([
      ['c'],
      ['a', 'b'],
    ]);
    expect(tight.totalCost).toBe(112);
  });

  it('carries the provisional notice of the rule set', async () => {
    const outcome = await planPortfolio({ ...input, ruleSet: smallRuleSet([2, 2], 0.75, true) });
    expect(outcome.notice?.en).toMatch(/provisional rule set/);
  });

  it('puts a fixed estate forward in its year, even when another would be cheaper then', async () => {
    const outcome = await feasible({ ...input, constraints: { fixedYears: { c: 2021 } } });
    expect(outcome.years[0]!.estates.map((estate) => estate.estateId)).toContain('c');
  });

  it('spreads fixes over earlier years when asked, to fit yearly budgets', async () => {
    // b alone, needed by 2022; 3 to spend each year; its fixes cost 3 + 2.
    const portfolio: PortfolioInput = {
      ...input,
      estates: [input.estates[1]!],
      plan: {
        total: 1,
        milestones: [
          { year: 2021, count: 0 },
          { year: 2022, count: 1 },
        ],
      },
      budgets: { 2021: 3, 2022: 3 },
    };
    const held = await infeasible(portfolio);
    expect(held.reasons.map((reason) => [reason.code, reason.estateId, reason.cost])).toEqual([
      ['ESTATE_OVER_BUDGET', 'b', 5],
    ]);
    const spread = await feasible({ ...portfolio, constraints: { spreadFixes: true } });
    const fixes = spread.years[1]!.estates[0]!.fixes;
    expect(fixes.map((fix) => fix.year).sort()).toEqual([2021, 2022]);
    expect(spread.years.map((year) => year.cost).sort()).toEqual([2, 3]);
  });

  it('plans the remaining years from what is certified so far, as trackProgress counts them', async () => {
    const progress = { certified: { 2021: 1 }, certifiedEstates: ['a'] };
    const outcome = await feasible({ ...input, progress });
    expect(outcome.years.map((year) => year.year)).toEqual(
      trackProgress(plan, progress.certified).remainingYears,
    );
    expect(outcome.years[0]).toMatchObject({ year: 2022, target: 3, certifiedBefore: 1, quota: 2 });
    expect(outcome.years.flatMap((year) => year.estates.map((estate) => estate.estateId)).sort()).toEqual([
      'b',
      'c',
    ]);
  });
});

describe('planPortfolio when no plan exists', () => {
  it('names the year whose need costs more than the budgets to then, and by how much', async () => {
    const outcome = await infeasible({ ...input, budgets: { 2021: 0, 2022: 60 } });
    expect(outcome.reasons).toEqual([
      expect.objectContaining({
        code: 'QUOTA_OVER_BUDGET',
        year: 2022,
        needed: 3,
        cost: 112,
        budget: 60,
        shortBy: 52,
      }),
      expect.objectContaining({ code: 'ESTATE_OVER_BUDGET', estateId: 'c' }),
    ]);
    expect(outcome.reasons[0]!.message.en).toBe(
      'By the end of 2022 the plan needs 3 estates put forward; reaching that costs at least 112 CNY, the budgets to then total 60 CNY: 52 CNY short.',
    );
    expect(outcome.reasons[0]!.message.zh).toContain('缺52元');
  });

  it('names the year that needs more estates than can be made eligible', async () => {
    const outcome = await infeasible({
      ...input,
      plan: { total: 4, milestones: [{ year: 2021, count: 4 }] },
    });
    expect(outcome.reasons).toEqual([
      expect.objectContaining({
        code: 'TOO_FEW_ELIGIBLE_ESTATES',
        year: 2021,
        needed: 4,
        available: 3,
        shortBy: 1,
      }),
    ]);
  });

  it('names a year whose fixed estates together are over its budget', async () => {
    // b (5) and c (107) each fit 108, together they do not.
    const outcome = await infeasible({
      ...input,
      budgets: { 2021: 108 },
      constraints: { fixedYears: { b: 2021, c: 2021 } },
    });
    expect(outcome.reasons).toContainEqual(
      expect.objectContaining({ code: 'FIXED_OVER_BUDGET', year: 2021, cost: 112, budget: 108, shortBy: 4 }),
    );
    expect(outcome.reasons.map((reason) => reason.code)).not.toContain('ESTATE_OVER_BUDGET');
  });

  it('names an estate fixed to a year whose budget it exceeds alone, with the amounts', async () => {
    const outcome = await infeasible({
      ...input,
      budgets: { 2021: 100 },
      constraints: { fixedYears: { c: 2021 } },
    });
    expect(outcome.reasons).toEqual([
      expect.objectContaining({
        code: 'QUOTA_OVER_BUDGET',
        year: 2021,
      }),
      {
        code: 'ESTATE_OVER_BUDGET',
        estateId: 'c',
        year: 2021,
        cost: 107,
        budget: 100,
        shortBy: 7,
        message: {
          zh: '小区c（c）被指定在2021年申报，但申报当年至少需107元（最省整改及申报费用），超出当年预算100元，差7元。',
          en: "小区c (c) is fixed to 2021, but putting it forward costs at least 107 CNY in that year (its cheapest fixes and per-estate cost), more than that year's budget of 100 CNY: 7 CNY short.",
        },
      },
    ]);
  });

  it('names an estate the targets need that costs more than every year’s budget, not a conflict', async () => {
    // Every estate is needed by 2022; c (107) fits neither 20 nor 100, though 20 + 100 would cover all 112.
    const outcome = await infeasible({ ...input, budgets: { 2021: 20, 2022: 100 } });
    expect(outcome.reasons).toEqual([
      expect.objectContaining({
        code: 'ESTATE_OVER_BUDGET',
        estateId: 'c',
        year: 2022,
        cost: 107,
        budget: 100,
        shortBy: 7,
      }),
    ]);
    expect(outcome.reasons[0]!.message.en).toMatch(/must be put forward by 2022 to reach the targets/);
    // With fixes spread over earlier years, only c's per-estate cost (100) must fit one year: it does.
    const spread = await feasible({
      ...input,
      budgets: { 2021: 20, 2022: 100 },
      constraints: { spreadFixes: true },
    });
    expect(spread.totalCost).toBe(112);
  });

  it('names an area with fewer estates than years when every area must go forward each year', async () => {
    const outcome = await infeasible({ ...input, constraints: { everyAreaEachYear: true } });
    expect(outcome.reasons).toEqual([
      expect.objectContaining({ code: 'AREA_WITHOUT_ESTATES', area: '浦北县', needed: 2, available: 1 }),
    ]);
  });

  it('says when budgets that each suffice alone conflict across years', async () => {
    // a costs 0, b 5, c 107: each fits 2022's 110, b and c fit 2021's 4 neither, and 114 in all would cover
    // 112 — but b and c together in 2022 cost 112 > 110: money cannot move from 2021 to 2022.
    const outcome = await infeasible({ ...input, budgets: { 2021: 4, 2022: 110 } });
    expect(outcome.reasons.map((reason) => reason.code)).toEqual(['CONSTRAINTS_CONFLICT']);
    expect(outcome.reasons[0]!.message.en).toMatch(/No year alone is over budget/);
  });
});

describe('planPortfolio: the solver stopped by its time limit', () => {
  const stopped = (values: Record<string, number> | undefined, bound: number): PortfolioSolver => ({
    solve: async () => ({ status: 'time-limit', ...(values ? { values } : {}), bound }),
  });

  it('returns the best plan found with its proven gap', async () => {
    // 2022 needs 2 of the 3: the relaxation bounds the cost by a + b = 5, the solver by 100.
    const needTwo = {
      ...input,
      plan: {
        total: 3,
        milestones: [
          { year: 2021, count: 1 },
          { year: 2022, count: 2 },
        ],
      },
    };
    const values = { put_0_0: 1, put_1_1: 1, put_2_1: 1 };
    const outcome = await planPortfolio(needTwo, { solver: stopped(values, 100) });
    expect(outcome).toMatchObject({ feasible: true, status: 'time-limit', totalCost: 112, bound: 100 });
    if (outcome.feasible) expect(outcome.gap).toBeCloseTo(12 / 112, 12);
  });

  it('calls a stopped plan optimal when the relaxation’s bound proves it', async () => {
    // Every estate is needed, each at its cheapest fixes: no plan costs less than 112.
    const values = { put_0_0: 1, put_1_1: 1, put_2_1: 1 };
    const outcome = await planPortfolio(input, { solver: stopped(values, 100) });
    expect(outcome).toMatchObject({ feasible: true, status: 'optimal', totalCost: 112, bound: 112, gap: 0 });
  });

  it('with spread fixes, starts from the plan that pays every fix in its estate’s year, and keeps it when stopped', async () => {
    const held = await feasible(input);
    const starts: (Readonly<Record<string, number>> | undefined)[] = [];
    const highs = highsSolver();
    const solver: PortfolioSolver = {
      solve: async (model, options) => {
        if (!model.variables.some((variable) => variable.name.startsWith('fix_')))
          return highs.solve(model, options);
        starts.push(options.start);
        return { status: 'time-limit', bound: Number.NEGATIVE_INFINITY };
      },
    };
    const outcome = await planPortfolio({ ...input, constraints: { spreadFixes: true } }, { solver });
    expect(starts).toHaveLength(1);
    // b's cheapest fixes (s1, s2) made in the year the start puts b forward.
    const bYear = [0, 1].find((t) => starts[0]?.[`put_1_${t}`] === 1);
    expect(starts[0]).toMatchObject({ [`fix_1_1_${bYear}`]: 1, [`fix_1_2_${bYear}`]: 1 });
    // Every estate is needed here, so the relaxation proves the start least: optimal though the solver stopped.
    expect(outcome).toMatchObject({ feasible: true, status: 'optimal', totalCost: held.totalCost, gap: 0 });
  });

  it('says no plan was found in the time limit, never that none exists', async () => {
    const outcome = await planPortfolio(input, { solver: stopped(undefined, 90), timeLimitSeconds: 5 });
    expect(outcome.feasible).toBe(false);
    if (!outcome.feasible)
      expect(outcome.reasons.map((reason) => reason.code)).toEqual(['NO_PLAN_WITHIN_TIME_LIMIT']);
  });

  it('refuses a solution that breaks the rules rather than return it', async () => {
    await expect(planPortfolio(input, { solver: stopped({ put_0_0: 1 }, 0) })).rejects.toThrow(
      /2022 reaches 1 of the 3/,
    );
  });
});

describe('planPortfolio input errors', () => {
  const issuesOf = async (portfolio: PortfolioInput, options = {}) => {
    const error = await planPortfolio(portfolio, options).catch((caught: unknown) => caught);
    if (!RubricError.isInstance(error)) throw new Error(`expected a RubricError, got ${String(error)}`);
    return { code: error.code, issues: error.issues.map((issue) => [issue.path.join('.'), issue.kind]) };
  };

  it('refuses duplicate estate ids, unknown estates and years outside the plan, with paths', async () => {
    expect(
      await issuesOf({
        ...input,
        estates: [...input.estates, input.estates[0]!],
        constraints: { fixedYears: { zz: 2021 } },
      }),
    ).toEqual({
      code: 'INVALID_OPTIONS',
      issues: [
        ['estates.3.assessment.id', 'duplicate-estate'],
        ['constraints.fixedYears.zz', 'unknown-estate'],
      ],
    });
    expect(await issuesOf({ ...input, constraints: { fixedYears: { a: 2030 } } })).toEqual({
      code: 'INVALID_OPTIONS',
      issues: [['constraints.fixedYears.a', 'year-outside-plan']],
    });
  });

  it('refuses costs, budgets and time limits that are not numbers in range', async () => {
    expect(await issuesOf({ ...input, cost: { perStandard: { s0: -1 } } })).toEqual({
      code: 'INVALID_OPTIONS',
      issues: [['cost.perStandard.s0', 'invalid-cost']],
    });
    expect(await issuesOf({ ...input, cost: { perStandard: { S99: 1 } } })).toEqual({
      code: 'INVALID_OPTIONS',
      issues: [['cost.perStandard.S99', 'unknown-standard']],
    });
    expect(await issuesOf({ ...input, budgets: { 2021: Number.NaN } })).toEqual({
      code: 'INVALID_OPTIONS',
      issues: [['budgets.2021', 'invalid-cost']],
    });
    expect(await issuesOf(input, { timeLimitSeconds: 0 })).toEqual({
      code: 'INVALID_OPTIONS',
      issues: [['timeLimitSeconds', 'invalid-limit']],
    });
  });

  it('locates an invalid assessment under its estate', async () => {
    const broken = {
      ...input.estates[1]!,
      assessment: { ...input.estates[1]!.assessment, facts: { f0: 'yes' } },
    };
    const { code, issues } = await issuesOf({ ...input, estates: [input.estates[0]!, broken] });
    expect(code).toBe('INVALID_ASSESSMENT');
    expect(issues[0]![0]).toMatch(/^estates\.1\.assessment\.facts/);
  });
});
