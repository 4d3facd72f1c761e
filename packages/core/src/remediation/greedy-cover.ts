import type { FixableStandard, RemediationInstance } from './remediation-instance.js';

/**
 * Whether {@link greedyCover} is exact for this instance: every fixable standard gains the same positive
 * number of units and no aspect has a floor. Always so in compliance-rate mode (each fix gains one
 * standard met; aspect minimums are a points-mode rule).
 */
export function isUniformInstance(instance: RemediationInstance): boolean {
  const first = instance.fixable[0];
  return (
    instance.aspectFloors.every((floor) => floor === 0) &&
    (first === undefined || (first.units > 0 && instance.fixable.every((item) => item.units === first.units)))
  );
}

/**
 * The cheapest fixes when every fix gains the same `u > 0` units and the only floors are "at least `d_r`
 * more met in requirement `r`" and "at least `F` more units overall", i.e. at least `K = ⌈F / u⌉` more
 * standards. Positions of the chosen standards in rule-set order, or undefined when no set of fixes
 * meets every floor.
 *
 * Greedy is exact here (exchange argument). Let `G_r` be the `d_r` cheapest fixable standards of `r`
 * (cost, then rule-set position). Take an optimal choice `O`. If it misses some `g` in `G_r`, it still
 * holds at least `d_r` standards of `r`, so one of them, `h`, is outside `G_r` and costs at least as much
 * as `g`; swapping `h` for `g` keeps every count (same requirement, same number of standards) and does
 * not raise the cost. So some optimum contains every `G_r`. What is left of it must add at least
 * `K − Σ d_r` more standards with no other constraint, and with costs ≥ 0 the cheapest that many of the
 * rest are optimal. O(n log n) for the sort.
 *
 * @example
 * ```ts
 * greedyCover({ mode: 'compliance-rate', overallFloor: 1, aspectFloors: [0],
 *   requirements: [{ aspect: 0, countFloor: 0 }],
 *   fixable: [{ position: 0, requirement: 0, units: 1, cost: 5 }, { position: 1, requirement: 0, units: 1, cost: 2 }] });
 * // [1]
 * ```
 */
export function greedyCover(instance: RemediationInstance): number[] | undefined {
  const units = instance.fixable[0]?.units ?? 1;
  const needed = Math.ceil(instance.overallFloor / units);
  const byCost = [...instance.fixable].sort(
    (left, right) => left.cost - right.cost || left.position - right.position,
  );
  const stillNeeded = instance.requirements.map((requirement) => requirement.countFloor);
  const chosen: FixableStandard[] = [];
  const rest: FixableStandard[] = [];
  for (const item of byCost) {
    if (stillNeeded[item.requirement]! > 0) {
      stillNeeded[item.requirement]!--;
      chosen.push(item);
    } else rest.push(item);
  }
  if (stillNeeded.some((count) => count > 0)) return undefined;
  const more = needed - chosen.length;
  if (more > rest.length) return undefined;
  for (let index = 0; index < more; index++) chosen.push(rest[index]!);
  return chosen.map((item) => item.position).sort((left, right) => left - right);
}
