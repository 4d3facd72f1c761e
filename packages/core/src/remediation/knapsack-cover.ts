import { RubricError } from '../errors/rubric-error.js';
import { groupWork, type KnapsackItem, KnapsackRun } from './knapsack-run.js';
import type { RemediationInstance } from './remediation-instance.js';

/**
 * The most table cells an exact plan may visit. Above it the planner refuses at once instead of working
 * for minutes; the realistic large instance of the bench (2,000 standards, points with two decimals,
 * requirement floors, an aspect minimum) visits about 25 million, the 5,000-standard one about 155 million.
 *
 * @example
 * ```ts
 * if (fixableCount * (unitsToGain + 1) > MAX_PLAN_CELLS) console.warn('planRemediation will refuse this estate');
 * ```
 */
export const MAX_PLAN_CELLS = 400_000_000;

/**
 * The most cells one table may hold at once (8 bytes each: 160 MB).
 *
 * @example
 * ```ts
 * MAX_PLAN_TABLE_CELLS; // 20,000,000
 * ```
 */
export const MAX_PLAN_TABLE_CELLS = 20_000_000;

const infinity = Number.POSITIVE_INFINITY;

/**
 * The cheapest fixes when fixes gain different numbers of units (points mode): positions of the chosen
 * standards in rule-set order, or undefined when no set of fixes meets every floor.
 *
 * Exact. Units are whole (points × the rule set's points scale), so "at least `F` more units" is a 0/1
 * knapsack over gains capped at `F` (see {@link KnapsackRun}): one sequential pass per standard over a
 * running table, count layers only inside requirements with a count floor. An aspect with a minimum
 * needs its own gain tracked, so its standards go through their own run with cap `max(F, floor)`; the
 * entries below its floor are dropped, the rest re-capped at `F`, and the result is combined with the
 * running table by one min-plus convolution (the first such aspect needs none: it starts the table).
 * Every choice of fixes is a choice per requirement, each pass keeps the cheapest cost of every capped
 * state, and the floors are checked on exact gains, so the optimum over all subsets is found.
 *
 * Work: Σ standards × (requirement floor + 1) × (cap + 1) cells, plus (F + 1)² per further aspect
 * with a minimum. It is computed first and checked against {@link MAX_PLAN_CELLS} and
 * {@link MAX_PLAN_TABLE_CELLS}.
 *
 * @throws {RubricError} `INVALID_OPTIONS` when the instance is above either limit.
 * @example
 * ```ts
 * knapsackCover({ mode: 'points', overallFloor: 300, aspectFloors: [0], requirements: [{ aspect: 0, countFloor: 0 }],
 *   fixable: [{ position: 0, requirement: 0, units: 200, cost: 1 }, { position: 1, requirement: 0, units: 300, cost: 5 }] });
 * // [1]
 * ```
 */
export function knapsackCover(instance: RemediationInstance): number[] | undefined {
  const overallCap = instance.overallFloor;
  const groups = requirementGroups(instance);
  const flooredAspects = instance.aspectFloors.flatMap((floor, aspect) => (floor > 0 ? [aspect] : []));
  checkWork(instance, groups, flooredAspects);

  const aspectStages = flooredAspects.map((aspect) => {
    const floor = instance.aspectFloors[aspect]!;
    const run = new KnapsackRun(Math.max(overallCap, floor));
    for (const group of groups) if (group.aspect === aspect) run.addRequirement(group.items, group.floor);
    return { run, ...applyFloor(run.table, floor, overallCap) };
  });
  // The running table before the unfloored aspects: the floored ones combined, or "nothing gained".
  let start: Float64Array | undefined;
  const combinations: Combination[] = [];
  for (const stage of aspectStages) {
    if (!start) start = stage.table;
    else {
      const combination = combine(start, stage.table, overallCap);
      combinations.push(combination);
      start = combination.table;
    }
  }
  const main = new KnapsackRun(overallCap, start);
  const floored = new Set(flooredAspects);
  for (const group of groups) if (!floored.has(group.aspect)) main.addRequirement(group.items, group.floor);
  if (main.table[overallCap] === infinity) return undefined;

  const chosen: number[] = [];
  let cell = main.reconstruct(overallCap, chosen);
  for (let stage = aspectStages.length - 1; stage >= 0; stage--) {
    let aspectCell = cell;
    if (stage > 0) {
      const combination = combinations[stage - 1]!;
      aspectCell = combination.right[cell]!;
      cell = combination.left[cell]!;
    }
    const { run, source } = aspectStages[stage]!;
    run.reconstruct(source[aspectCell]!, chosen);
  }
  return chosen.sort((left, right) => left - right);
}

interface Group {
  readonly aspect: number;
  readonly floor: number;
  readonly items: KnapsackItem[];
}

/** Every requirement that has fixable standards or a count floor, in rule-set order. */
function requirementGroups(instance: RemediationInstance): Group[] {
  const groups: Group[] = instance.requirements.map((requirement) => ({
    aspect: requirement.aspect,
    floor: requirement.countFloor,
    items: [],
  }));
  for (const item of instance.fixable) groups[item.requirement]!.items.push(item);
  return groups.filter((group) => group.items.length > 0 || group.floor > 0);
}

/** Drops the gains below `floor` and re-caps at `cap`; `source[q]` is the cell `q` came from. */
function applyFloor(table: Float64Array, floor: number, cap: number) {
  const floored = new Float64Array(cap + 1).fill(infinity);
  const source = new Int32Array(cap + 1).fill(-1);
  for (let units = floor; units < table.length; units++) {
    const to = Math.min(cap, units);
    if (table[units]! < floored[to]!) {
      floored[to] = table[units]!;
      source[to] = units;
    }
  }
  return { table: floored, source };
}

interface Combination {
  readonly table: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/** Min-plus convolution capped at `cap`, remembering which pair of cells each result came from. */
function combine(left: Float64Array, right: Float64Array, cap: number): Combination {
  const table = new Float64Array(cap + 1).fill(infinity);
  const leftCell = new Int32Array(cap + 1).fill(-1);
  const rightCell = new Int32Array(cap + 1).fill(-1);
  for (let a = 0; a <= cap; a++) {
    const leftCost = left[a]!;
    if (leftCost === infinity) continue;
    for (let b = 0; b <= cap; b++) {
      const rightCost = right[b]!;
      if (rightCost === infinity) continue;
      const to = Math.min(a + b, cap);
      if (leftCost + rightCost < table[to]!) {
        table[to] = leftCost + rightCost;
        leftCell[to] = a;
        rightCell[to] = b;
      }
    }
  }
  return { table, left: leftCell, right: rightCell };
}

function checkWork(instance: RemediationInstance, groups: readonly Group[], flooredAspects: number[]): void {
  const overallCap = instance.overallFloor;
  const capOf = (aspect: number) =>
    instance.aspectFloors[aspect]! > 0 ? Math.max(overallCap, instance.aspectFloors[aspect]!) : overallCap;
  let cells = Math.max(flooredAspects.length - 1, 0) * (overallCap + 1) ** 2;
  let largestTable = overallCap + 1;
  for (const group of groups) {
    const cap = capOf(group.aspect);
    cells += groupWork(group.items.length, group.floor, cap);
    if (group.floor <= group.items.length)
      largestTable = Math.max(largestTable, (group.floor + 1) * (cap + 1));
  }
  const largestCap = Math.max(overallCap, ...flooredAspects.map(capOf));
  const size = `${instance.fixable.length} fixable standards, up to ${largestCap} units to gain`;
  if (cells > MAX_PLAN_CELLS || largestTable > MAX_PLAN_TABLE_CELLS) {
    const [what, limit] =
      cells > MAX_PLAN_CELLS
        ? [`visit ${cells.toLocaleString('en')} table cells`, `${MAX_PLAN_CELLS.toLocaleString('en')} cells`]
        : [
            `hold ${largestTable.toLocaleString('en')} cells in one table`,
            `${MAX_PLAN_TABLE_CELLS.toLocaleString('en')} cells in one table`,
          ];
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['result'],
        message: `an exact plan for this estate (${size}) would ${what}, above the limit of ${limit}; no plan is approximated`,
        kind: 'plan-too-large',
      },
    ]);
  }
}
