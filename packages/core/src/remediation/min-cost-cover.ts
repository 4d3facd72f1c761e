/**
 * Exact minimum-cost covering by dynamic programming, in three levels that mirror the rubric:
 * requirements (a count floor), aspects (a units floor), the whole rule set (a units floor).
 *
 * Every function maps "units gained, capped at `cap`" to the cheapest way to gain them. Capping is
 * exact because a floor only asks for "at least": any gain beyond the cap is as good as the cap.
 */

export interface Item {
  readonly key: number;
  readonly units: number;
  readonly cost: number;
}

/** `cost[p]`: cheapest cost to gain `p` units (exactly `cap` meaning "cap or more"); `pick[p]`: the items. */
export interface CoverTable {
  readonly cost: readonly number[];
  readonly pick: readonly (readonly number[])[];
}

const none: readonly number[] = [];

/**
 * Within one requirement: choose items so that at least `minCount` are chosen; units capped at `cap`.
 * A 0/1 knapsack over (units, count) with the count capped at `minCount`.
 */
export function requirementTable(items: readonly Item[], minCount: number, cap: number): CoverTable {
  const width = minCount + 1;
  let cost: number[] = new Array((cap + 1) * width).fill(Number.POSITIVE_INFINITY);
  let pick: (readonly number[])[] = new Array((cap + 1) * width).fill(none);
  cost[0] = 0;
  for (const item of items) {
    const nextCost = cost.slice();
    const nextPick = pick.slice();
    for (let units = 0; units <= cap; units++) {
      for (let count = 0; count < width; count++) {
        const from = units * width + count;
        if (cost[from] === Number.POSITIVE_INFINITY) continue;
        const to = Math.min(cap, units + item.units) * width + Math.min(minCount, count + 1);
        const candidate = cost[from]! + item.cost;
        if (candidate < nextCost[to]!) {
          nextCost[to] = candidate;
          nextPick[to] = [...pick[from]!, item.key];
        }
      }
    }
    cost = nextCost;
    pick = nextPick;
  }
  const table: CoverTable = {
    cost: Array.from({ length: cap + 1 }, (_, units) => cost[units * width + minCount]!),
    pick: Array.from({ length: cap + 1 }, (_, units) => pick[units * width + minCount]!),
  };
  return table;
}

/** Min-plus convolution of two tables: the cheapest way to gain `p` units from both, capped at `cap`. */
export function combineTables(left: CoverTable, right: CoverTable, cap: number): CoverTable {
  const cost = new Array<number>(cap + 1).fill(Number.POSITIVE_INFINITY);
  const pick = new Array<readonly number[]>(cap + 1).fill(none);
  for (let a = 0; a < left.cost.length; a++) {
    if (left.cost[a] === Number.POSITIVE_INFINITY) continue;
    for (let b = 0; b < right.cost.length; b++) {
      if (right.cost[b] === Number.POSITIVE_INFINITY) continue;
      const to = Math.min(cap, a + b);
      const candidate = left.cost[a]! + right.cost[b]!;
      if (candidate < cost[to]!) {
        cost[to] = candidate;
        pick[to] = [...left.pick[a]!, ...right.pick[b]!];
      }
    }
  }
  return { cost, pick };
}

/** Drops the entries below `floor`, then re-caps the table at `cap` (which may be lower). */
export function enforceFloor(table: CoverTable, floor: number, cap: number): CoverTable {
  const cost = new Array<number>(cap + 1).fill(Number.POSITIVE_INFINITY);
  const pick = new Array<readonly number[]>(cap + 1).fill(none);
  for (let units = floor; units < table.cost.length; units++) {
    const to = Math.min(cap, units);
    if (table.cost[units]! < cost[to]!) {
      cost[to] = table.cost[units]!;
      pick[to] = table.pick[units]!;
    }
  }
  return { cost, pick };
}

/** The table of gaining nothing: zero units at zero cost. */
export function emptyTable(cap: number): CoverTable {
  const cost = new Array<number>(cap + 1).fill(Number.POSITIVE_INFINITY);
  cost[0] = 0;
  return { cost, pick: new Array<readonly number[]>(cap + 1).fill(none) };
}
