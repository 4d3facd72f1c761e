import { evaluate } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { selfCheck, smallRuleSet } from '../../test/small-city.js';
import { portfolioEstates } from '../estates/portfolio-estates.js';
import type { PlanningYear } from '../portfolio/planning-years.js';
import { bruteForceSolver } from '../solver/brute-force-solver.js';
import { buildPortfolioModel, estateVariable, fixVariable } from './build-model.js';

const ruleSet = smallRuleSet([2, 2]); // 3 of 4 needed, one per requirement
const years = (needs: number[], budgets: (number | null)[] = needs.map(() => null)): PlanningYear[] =>
  needs.map((needed, t) => ({
    year: 2021 + t,
    target: needed,
    certifiedBefore: 0,
    needed,
    budget: budgets[t]!,
  }));
const cost = { perStandard: { s0: 5, s1: 3, s2: 2, s3: 7 } };
const { candidates } = portfolioEstates(
  ruleSet,
  [selfCheck('a', 4, [0, 1, 2]), selfCheck('b', 4, [0]), selfCheck('c', 4, [3])].map((assessment) => ({
    assessment,
  })),
  cost,
  new Set(),
);
const noConstraints = { fixedYears: new Map<number, number>(), everyAreaEachYear: false, spreadFixes: false };

describe('buildPortfolioModel', () => {
  it('gives each estate one variable per year, costed at its cheapest fixes, at most one year each', () => {
    expect(candidates.map((candidate) => candidate.cheapestCost)).toEqual([0, 5, 5]); // a eligible; b fixes s1 + s2; c fixes s1 + s2
    const model = buildPortfolioModel(candidates, years([1, 2]), noConstraints);
    expect(model.variables.map((variable) => `${variable.name}=${variable.cost}`)).toEqual([
      'put_0_0=0',
      'put_0_1=0',
      'put_1_0=5',
      'put_1_1=5',
      'put_2_0=5',
      'put_2_1=5',
    ]);
    expect(model.constraints.find((row) => row.name === 'once_1')).toEqual({
      name: 'once_1',
      terms: [
        ['put_1_0', 1],
        ['put_1_1', 1],
      ],
      sense: '<=',
      bound: 1,
    });
    // By the end of 2022, the estates put forward in 2021 or 2022 reach the cumulative need of 2.
    const need = model.constraints.find((row) => row.name === 'need_1')!;
    expect(need.bound).toBe(2);
    expect(need.terms).toHaveLength(6);
  });

  it('keeps each year within its budget, fixes estates to their year, and asks one estate per area per year', () => {
    const withAreas = candidates.map((candidate, c) => ({ ...candidate, area: c === 2 ? 'B' : 'A' }));
    const model = buildPortfolioModel(withAreas, years([1, 1], [4, null]), {
      fixedYears: new Map([[1, 1]]),
      everyAreaEachYear: true,
      spreadFixes: false,
    });
    const names = model.constraints.map((row) => row.name);
    expect(names).toContain('budget_0');
    expect(names).not.toContain('budget_1');
    expect(model.constraints.find((row) => row.name === 'fixed_1')).toMatchObject({
      terms: [['put_1_1', 1]],
      sense: '=',
      bound: 1,
    });
    expect(model.constraints.find((row) => row.name === 'area_1_0')).toMatchObject({
      terms: [['put_2_0', 1]],
      sense: '>=',
      bound: 1,
    });
  });

  it('with spread fixes, gives each fixable standard a variable per year and the eligibility floors as rows', () => {
    const model = buildPortfolioModel(candidates, years([1, 1]), { ...noConstraints, spreadFixes: true });
    // b misses s1, s2, s3: 3 fixable × 2 years; it needs 2 more met, and one in requirement r1 (s2 or s3).
    expect(model.variables.filter((variable) => variable.name.startsWith('fix_1_'))).toHaveLength(6);
    expect(model.constraints.find((row) => row.name === 'floor_1')!.terms).toContainEqual([
      estateVariable(1, 0),
      -2,
    ]);
    expect(model.constraints.find((row) => row.name === 'req_1_1')!.terms).toEqual(
      expect.arrayContaining([
        [fixVariable(1, 2, 0), 1],
        [fixVariable(1, 3, 1), 1],
        [estateVariable(1, 1), -1],
      ]),
    );
    // A fix in 2022 only for an estate put forward in 2022: fix_1_2_1 ≤ put_1_1.
    expect(model.constraints.find((row) => row.name === 'link_1_2_1')!.terms).toEqual([
      [fixVariable(1, 2, 1), 1],
      [estateVariable(1, 1), -1],
    ]);
  });

  it('solved by brute force, chooses the cheapest estates that reach each year’s need', async () => {
    const model = buildPortfolioModel(candidates, years([1, 3], [0, 10]), noConstraints);
    const outcome = await bruteForceSolver().solve(model, { timeLimitSeconds: 1 });
    expect(outcome.status).toBe('optimal');
    expect(outcome.objective).toBe(10);
    // 2021 has no money: only the estate that is eligible already goes forward then.
    expect(outcome.values?.put_0_0).toBe(1);
    expect(evaluate(ruleSet, selfCheck('a', 4, [0, 1, 2])).eligible).toBe(true);
  });
});
