import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { baselineCheapestFixes } from '../../../../bench/baseline/min-cost-cover-baseline.mjs';
import { RubricError } from '../errors/rubric-error.js';
import { greedyCover, isUniformInstance } from './greedy-cover.js';
import { knapsackCover, MAX_PLAN_CELLS, MAX_PLAN_TABLE_CELLS } from './knapsack-cover.js';
import { cheapestFixes } from './plan-remediation.js';
import type { RemediationInstance } from './remediation-instance.js';

/** Whether fixing `chosen` (positions) meets every floor of the instance. */
function meetsFloors(instance: RemediationInstance, chosen: readonly number[]): boolean {
  const picked = new Set(chosen);
  const items = instance.fixable.filter((item) => picked.has(item.position));
  if (items.length !== picked.size) return false;
  const units = items.reduce((sum, item) => sum + item.units, 0);
  if (units < instance.overallFloor) return false;
  return (
    instance.requirements.every(
      (requirement, position) =>
        items.filter((item) => item.requirement === position).length >= requirement.countFloor,
    ) &&
    instance.aspectFloors.every(
      (floor, aspect) =>
        items
          .filter((item) => instance.requirements[item.requirement]!.aspect === aspect)
          .reduce((sum, item) => sum + item.units, 0) >= floor,
    )
  );
}

const costOf = (instance: RemediationInstance, chosen: readonly number[]) =>
  chosen.reduce(
    (sum, position) => sum + instance.fixable.find((item) => item.position === position)!.cost,
    0,
  );

/** The cheapest cost over every subset of the fixable standards (at most ~12 of them). */
function bruteForce(instance: RemediationInstance): number {
  let best = Number.POSITIVE_INFINITY;
  const count = instance.fixable.length;
  for (let mask = 0; mask < 1 << count; mask++) {
    const chosen = instance.fixable.filter((_, index) => mask & (1 << index)).map((item) => item.position);
    const cost = costOf(instance, chosen);
    if (cost < best && meetsFloors(instance, chosen)) best = cost;
  }
  return best;
}

/**
 * Instances with requirement floors and, in points mode, aspect floors. Positions skip some numbers (met
 * standards are not fixable), requirements belong to aspects in any order.
 */
function instanceArbitrary(options: {
  mode: 'compliance-rate' | 'points';
  maxItems: number;
  maxUnits: number;
}) {
  const points = options.mode === 'points';
  return fc
    .record({
      aspectCount: fc.integer({ min: 1, max: 3 }),
      requirementAspects: fc.array(fc.nat(2), { minLength: 1, maxLength: 5 }),
      items: fc.array(
        fc.record({
          requirement: fc.nat(4),
          units: points ? fc.integer({ min: 0, max: options.maxUnits }) : fc.constant(1),
          cost: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0, 5)),
          gap: fc.nat(2),
        }),
        { maxLength: options.maxItems },
      ),
      countFloors: fc.array(fc.nat(3), { minLength: 5, maxLength: 5 }),
      aspectFloors: fc.array(points ? fc.nat(options.maxUnits * 2) : fc.constant(0), {
        minLength: 3,
        maxLength: 3,
      }),
      overallFloor: fc.nat(points ? options.maxUnits * 4 : 8),
    })
    .map(({ aspectCount, requirementAspects, items, countFloors, aspectFloors, overallFloor }) => {
      const requirements = requirementAspects.map((aspect, position) => ({
        aspect: aspect % aspectCount,
        countFloor: countFloors[position]!,
      }));
      let position = 0;
      const fixable = items.map((item) => {
        position += 1 + item.gap;
        return {
          position,
          requirement: item.requirement % requirements.length,
          units: item.units,
          cost: item.cost,
        };
      });
      const instance: RemediationInstance = {
        mode: options.mode,
        overallFloor,
        aspectFloors: aspectFloors.slice(0, aspectCount),
        requirements,
        fixable,
      };
      return instance;
    });
}

function expectSameOptimum(instance: RemediationInstance, expected: number) {
  const chosen = cheapestFixes(instance);
  if (expected === Number.POSITIVE_INFINITY) {
    expect(chosen).toBeUndefined();
    return;
  }
  expect(chosen).toBeDefined();
  expect(meetsFloors(instance, chosen!)).toBe(true);
  expect(costOf(instance, chosen!)).toBe(expected);
  expect(chosen).toEqual([...chosen!].sort((left, right) => left - right));
}

describe('cheapestFixes', () => {
  for (const mode of ['compliance-rate', 'points'] as const) {
    test.prop([instanceArbitrary({ mode, maxItems: 11, maxUnits: 6 })], { numRuns: 400 })(
      `${mode}: matches brute force, with requirement floors${mode === 'points' ? ' and aspect minimums' : ''}`,
      (instance) => {
        expectSameOptimum(instance, bruteForce(instance));
      },
    );

    test.prop([instanceArbitrary({ mode, maxItems: 40, maxUnits: 30 })], { numRuns: 150 })(
      `${mode}: matches the previous exact dynamic program on larger instances`,
      (instance) => {
        const before = baselineCheapestFixes(instance);
        const expected = before ? costOf(instance, before) : Number.POSITIVE_INFINITY;
        expectSameOptimum(instance, expected);
      },
    );
  }

  it('is greedy exactly when every fix gains the same units and no aspect has a floor', () => {
    const base: RemediationInstance = {
      mode: 'points',
      overallFloor: 5,
      aspectFloors: [0],
      requirements: [{ aspect: 0, countFloor: 1 }],
      fixable: [
        { position: 0, requirement: 0, units: 2, cost: 3 },
        { position: 1, requirement: 0, units: 2, cost: 1 },
        { position: 2, requirement: 0, units: 2, cost: 1 },
        { position: 3, requirement: 0, units: 2, cost: 2 },
      ],
    };
    expect(isUniformInstance(base)).toBe(true);
    // 5 units at 2 a fix: three fixes, the cheapest three (ties by position).
    expect(greedyCover(base)).toEqual([1, 2, 3]);
    expect(isUniformInstance({ ...base, aspectFloors: [1] })).toBe(false);
    const mixed = { ...base, fixable: [...base.fixable, { position: 4, requirement: 0, units: 3, cost: 0 }] };
    expect(isUniformInstance(mixed)).toBe(false);
    // 2 + 3 units reach 5 for a cost of 1.
    expect(knapsackCover(mixed)).toEqual([1, 4]);
  });

  it('plans exactly when there are more than a million units to gain, within the work limit', () => {
    // Points to six decimals: 1.5 points are 1,500,000 units. The previous planner refused any
    // instance above a million units, however small its work.
    const instance: RemediationInstance = {
      mode: 'points',
      overallFloor: 1_500_000,
      aspectFloors: [0, 0],
      requirements: [
        { aspect: 0, countFloor: 0 },
        { aspect: 1, countFloor: 1 },
      ],
      fixable: [
        { position: 0, requirement: 0, units: 1_000_000, cost: 4 },
        { position: 1, requirement: 0, units: 600_000, cost: 3 },
        { position: 2, requirement: 1, units: 900_000, cost: 3 },
        { position: 3, requirement: 1, units: 500_000, cost: 1 },
      ],
    };
    expect(cheapestFixes(instance)).toEqual([0, 3]);
    expect(() => baselineCheapestFixes(instance)).toThrow(/over a million units/);
  });

  it('refuses at once, naming the limit and the size, an instance whose exact plan is above the work limit', () => {
    const fixable = Array.from({ length: 500 }, (_, position) => ({
      position,
      requirement: 0,
      units: 1 + (position % 7),
      cost: position,
    }));
    const instance: RemediationInstance = {
      mode: 'points',
      overallFloor: 1_000_000,
      aspectFloors: [0],
      requirements: [{ aspect: 0, countFloor: 0 }],
      fixable,
    };
    // 500 standards × 1,000,001 cells: 500,000,500 cells, above the limit.
    expect(500 * 1_000_001).toBeGreaterThan(MAX_PLAN_CELLS);
    try {
      cheapestFixes(instance);
      expect.unreachable();
    } catch (error) {
      expect(RubricError.isInstance(error) && error.code).toBe('INVALID_OPTIONS');
      expect(RubricError.isInstance(error) && error.issues).toEqual([
        {
          path: ['result'],
          kind: 'plan-too-large',
          message:
            'an exact plan for this estate (500 fixable standards, up to 1000000 units to gain) would visit ' +
            `500,000,500 table cells, above the limit of ${MAX_PLAN_CELLS.toLocaleString('en')} cells; no plan is approximated`,
        },
      ]);
    }
    const wide = { ...instance, overallFloor: MAX_PLAN_TABLE_CELLS, fixable: fixable.slice(0, 2) };
    expect(() => cheapestFixes(wide)).toThrow(/cells in one table; no plan is approximated/);
  });
});
