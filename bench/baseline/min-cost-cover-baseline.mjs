// Frozen copy of the remediation planner's exact dynamic program as it was before the fast planner
// (packages/core/src/remediation/min-cost-cover.ts and `cheapestFixes` of plan-remediation.ts), over a
// plain instance instead of a layout and result. The bench runs it as the named baseline and the property
// tests compare the new planner with it. Do not optimise it: it is the "before".

/** Within one requirement: at least `minCount` items chosen; units capped at `cap`. */
function requirementTable(items, minCount, cap) {
  const width = minCount + 1;
  let cost = new Array((cap + 1) * width).fill(Number.POSITIVE_INFINITY);
  let pick = new Array((cap + 1) * width).fill([]);
  cost[0] = 0;
  for (const item of items) {
    const nextCost = cost.slice();
    const nextPick = pick.slice();
    for (let units = 0; units <= cap; units++) {
      for (let count = 0; count < width; count++) {
        const from = units * width + count;
        if (cost[from] === Number.POSITIVE_INFINITY) continue;
        const to = Math.min(cap, units + item.units) * width + Math.min(minCount, count + 1);
        const candidate = cost[from] + item.cost;
        if (candidate < nextCost[to]) {
          nextCost[to] = candidate;
          nextPick[to] = [...pick[from], item.key];
        }
      }
    }
    cost = nextCost;
    pick = nextPick;
  }
  return {
    cost: Array.from({ length: cap + 1 }, (_, units) => cost[units * width + minCount]),
    pick: Array.from({ length: cap + 1 }, (_, units) => pick[units * width + minCount]),
  };
}

/** Min-plus convolution of two tables, capped at `cap`. */
function combineTables(left, right, cap) {
  const cost = new Array(cap + 1).fill(Number.POSITIVE_INFINITY);
  const pick = new Array(cap + 1).fill([]);
  for (let a = 0; a < left.cost.length; a++) {
    if (left.cost[a] === Number.POSITIVE_INFINITY) continue;
    for (let b = 0; b < right.cost.length; b++) {
      if (right.cost[b] === Number.POSITIVE_INFINITY) continue;
      const to = Math.min(cap, a + b);
      const candidate = left.cost[a] + right.cost[b];
      if (candidate < cost[to]) {
        cost[to] = candidate;
        pick[to] = [...left.pick[a], ...right.pick[b]];
      }
    }
  }
  return { cost, pick };
}

/** Drops the entries below `floor`, then re-caps the table at `cap`. */
function enforceFloor(table, floor, cap) {
  const cost = new Array(cap + 1).fill(Number.POSITIVE_INFINITY);
  const pick = new Array(cap + 1).fill([]);
  for (let units = floor; units < table.cost.length; units++) {
    const to = Math.min(cap, units);
    if (table.cost[units] < cost[to]) {
      cost[to] = table.cost[units];
      pick[to] = table.pick[units];
    }
  }
  return { cost, pick };
}

function emptyTable(cap) {
  const cost = new Array(cap + 1).fill(Number.POSITIVE_INFINITY);
  cost[0] = 0;
  return { cost, pick: new Array(cap + 1).fill([]) };
}

/**
 * The positions of the cheapest fixes, ascending, or undefined when none meets every floor. Throws an
 * Error where the old planner threw (over a million units to gain).
 */
export function baselineCheapestFixes(instance) {
  const { overallFloor, aspectFloors, requirements, fixable } = instance;
  const largestCap = Math.max(overallFloor, ...aspectFloors);
  if (largestCap > 1_000_000)
    throw new Error('points are too fine-grained for an exact plan (over a million units)');
  let total = emptyTable(overallFloor);
  aspectFloors.forEach((aspectFloor, aspectPosition) => {
    const cap = Math.max(overallFloor, aspectFloor);
    let aspectTable = emptyTable(cap);
    requirements.forEach((requirement, requirementPosition) => {
      if (requirement.aspect !== aspectPosition) return;
      const items = fixable
        .filter((item) => item.requirement === requirementPosition)
        .map((item) => ({ key: item.position, units: item.units, cost: item.cost }));
      aspectTable = combineTables(aspectTable, requirementTable(items, requirement.countFloor, cap), cap);
    });
    total = combineTables(total, enforceFloor(aspectTable, aspectFloor, overallFloor), overallFloor);
  });
  if (total.cost[overallFloor] === Number.POSITIVE_INFINITY) return undefined;
  return [...total.pick[overallFloor]].sort((a, b) => a - b);
}
