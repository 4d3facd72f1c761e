import { fc, test } from '@fast-check/vitest';
import { evaluate, whatIf } from '@sunshine-rubric/core';
import { describe, expect } from 'vitest';
import { bruteForceCost, type SmallCity } from '../../test/brute-force-city.js';
import { selfCheck, smallRuleSet } from '../../test/small-city.js';
import { bruteForceSolver } from '../solver/brute-force-solver.js';
import { planPortfolio } from './plan-portfolio.js';
import type { PortfolioInput } from './portfolio-input.js';

const thresholds = [
  { value: 0.5, num: 1, den: 2 },
  { value: 0.75, num: 3, den: 4 },
  { value: 0.85, num: 17, den: 20 },
  { value: 1, num: 1, den: 1 },
] as const;

interface Limits {
  readonly estates: number;
  readonly standards: number;
  readonly years: number;
  readonly spreadFixes: boolean;
}

/** A small random city: requirements, estates' self-checks and costs, cumulative needs, budgets, constraints. */
function cityArbitrary(limits: Limits): fc.Arbitrary<SmallCity & { readonly thresholdValue: number }> {
  return fc
    .record({
      requirements: fc.array(fc.integer({ min: 1, max: 2 }), {
        minLength: 1,
        maxLength: Math.floor(limits.standards / 2),
      }),
      threshold: fc.constantFrom(...thresholds),
      estateCount: fc.integer({ min: 1, max: limits.estates }),
      yearCount: fc.integer({ min: 1, max: limits.years }),
    })
    .chain(({ requirements, threshold, estateCount, yearCount }) => {
      const standards = requirements.reduce((sum, size) => sum + size, 0);
      const estate = fc.record({
        met: fc.array(fc.boolean(), { minLength: standards, maxLength: standards }),
        costs: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: standards, maxLength: standards }),
        fixedCost: fc.integer({ min: 0, max: 5 }),
        area: fc.constantFrom('A' as const, 'B' as const),
      });
      return fc.record({
        requirements: fc.constant(requirements),
        threshold: fc.constant({ num: threshold.num, den: threshold.den }),
        thresholdValue: fc.constant(threshold.value),
        estates: fc.array(estate, { minLength: estateCount, maxLength: estateCount }),
        needs: fc
          .array(fc.integer({ min: 0, max: 2 }), { minLength: yearCount, maxLength: yearCount })
          .map((steps) => steps.map((_, t) => steps.slice(0, t + 1).reduce((sum, step) => sum + step, 0))),
        budgets: fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), {
          minLength: yearCount,
          maxLength: yearCount,
        }),
        spreadFixes: fc.constant(limits.spreadFixes),
        everyAreaEachYear: fc.boolean(),
        fixedYears: fc
          .option(fc.tuple(fc.nat(estateCount - 1), fc.nat(yearCount - 1)), { nil: null })
          .map((fixed) => new Map(fixed === null ? [] : [fixed])),
      });
    });
}

/** The same city as the planner's input. */
function portfolioInput(city: SmallCity & { readonly thresholdValue: number }): PortfolioInput {
  const standards = city.requirements.reduce((sum, size) => sum + size, 0);
  const years = city.needs.map((_, t) => 2021 + t);
  const total = Math.max(1, city.needs.at(-1)!);
  return {
    ruleSet: smallRuleSet(city.requirements, city.thresholdValue),
    estates: city.estates.map((estate, e) => ({
      assessment: selfCheck(
        `e${e}`,
        standards,
        estate.met.flatMap((met, s) => (met ? [s] : [])),
      ),
      area: estate.area,
      level: `L${e}`,
    })),
    plan: { total, milestones: years.map((year, t) => ({ year, count: city.needs[t]! })) },
    cost: {
      perLevel: Object.fromEntries(
        city.estates.map((estate, e) => [
          `L${e}`,
          Object.fromEntries(estate.costs.map((cost, s) => [`s${s}`, cost])),
        ]),
      ),
      perEstate: Object.fromEntries(city.estates.map((estate, e) => [`L${e}`, estate.fixedCost])),
    },
    budgets: Object.fromEntries(
      city.budgets.flatMap((budget, t) => (budget === null ? [] : [[String(years[t]), budget]])),
    ),
    constraints: {
      spreadFixes: city.spreadFixes,
      everyAreaEachYear: city.everyAreaEachYear,
      fixedYears: Object.fromEntries([...city.fixedYears].map(([e, t]) => [`e${e}`, years[t]!])),
    },
  };
}

describe('planPortfolio against brute force over small random cities', () => {
  for (const limits of [
    { estates: 6, standards: 6, years: 3, spreadFixes: false },
    { estates: 3, standards: 4, years: 2, spreadFixes: true },
  ]) {
    test.prop([cityArbitrary(limits)], { numRuns: 60 })(
      `finds a plan exactly when one exists, at the least cost (${limits.spreadFixes ? 'fixes spread over years' : 'fixes paid when put forward'})`,
      async (city) => {
        const input = portfolioInput(city);
        const outcome = await planPortfolio(input);
        const least = bruteForceCost(city);
        expect(outcome.feasible).toBe(least !== null);
        if (!outcome.feasible) {
          expect(outcome.reasons.length).toBeGreaterThan(0);
          return;
        }
        expect(outcome.status).toBe('optimal');
        expect(outcome.totalCost).toBe(least);
        let cumulative = 0;
        outcome.years.forEach((year, t) => {
          cumulative += year.estates.length;
          expect(cumulative).toBeGreaterThanOrEqual(city.needs[t]!);
          if (city.budgets[t] !== null) expect(year.cost).toBeLessThanOrEqual(city.budgets[t]!);
          for (const estate of year.estates) {
            // Re-evaluated: the estate's self-check with its planned fixes made is eligible.
            const assessment = input.estates.find(
              (entry) => entry.assessment.id === estate.estateId,
            )!.assessment;
            const fixed = Object.fromEntries(estate.fixes.map((fix) => [fix.standardId, 'met' as const]));
            expect(whatIf(input.ruleSet, evaluate(input.ruleSet, assessment), fixed).eligible).toBe(true);
            for (const fix of estate.fixes) expect(fix.year).toBeLessThanOrEqual(estate.year);
          }
        });
        if (city.everyAreaEachYear)
          for (const year of outcome.years)
            expect(new Set(year.estates.map((estate) => estate.area))).toEqual(
              new Set(city.estates.map((estate) => estate.area)),
            );
        for (const [e, t] of city.fixedYears)
          expect(outcome.years[t]!.estates.map((estate) => estate.estateId)).toContain(`e${e}`);
      },
      60_000,
    );
  }

  test.prop([cityArbitrary({ estates: 5, standards: 4, years: 3, spreadFixes: false })], { numRuns: 40 })(
    'HiGHS and brute force agree on the same model',
    async (city) => {
      const input = portfolioInput(city);
      const highs = await planPortfolio(input);
      const brute = await planPortfolio(input, { solver: bruteForceSolver(15) }).catch(
        (error: Error) => error,
      );
      if (brute instanceof Error) return; // a model above brute force's size: nothing to compare
      expect(highs.feasible).toBe(brute.feasible);
      if (highs.feasible && brute.feasible) expect(highs.totalCost).toBe(brute.totalCost);
    },
    60_000,
  );
});
