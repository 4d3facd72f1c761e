import type { Option } from './eligibility-options.js';

/** The most search nodes one eligibility search visits before it says "undecided". */
export const MAX_SEARCH_NODES = 200_000;

/** What eligibility needs, in the integers the options count in. */
export interface EligibilityRule {
  readonly requirementCount: number;
  readonly aspectCount: number;
  /** Standards to meet in each requirement that has an applicable one. */
  readonly minMetPerRequirement: number;
  /** How far an option moves the verdict: met·D − N·applicable for a threshold N/D, or points. */
  readonly margin: (option: Option) => bigint;
  /** The margin the sum must reach: 0 for a rate, the scaled pass mark for points. */
  readonly marginNeeded: bigint;
  /** Compliance-rate mode needs at least one applicable standard. */
  readonly needsApplicable: boolean;
  /** Scaled points each aspect's met standards must reach (points mode). */
  readonly aspectMinimums: readonly number[];
}

/** What a group can at best add, per requirement and aspect: the optimistic bounds of the search. */
interface GroupBounds {
  readonly options: readonly Option[];
  readonly maxMargin: bigint;
  readonly anyApplicable: boolean;
  /** Per requirement it touches: [position, most met, whether some option leaves none applicable]. */
  readonly requirements: readonly (readonly [number, number, boolean])[];
  /** Per aspect it touches: [position, most points]. */
  readonly aspects: readonly (readonly [number, number])[];
}

function boundsOf(options: readonly Option[], rule: EligibilityRule): GroupBounds {
  const sorted = [...options].sort((left, right) => compare(rule.margin(right), rule.margin(left)));
  const requirements = [...new Set(sorted.flatMap((option) => option.requirements.map(([at]) => at)))];
  const aspects = [...new Set(sorted.flatMap((option) => option.aspects.map(([at]) => at)))];
  return {
    options: sorted,
    maxMargin: rule.margin(sorted[0]!),
    anyApplicable: sorted.some((option) => option.applicable > 0),
    requirements: requirements.map((position) => [
      position,
      Math.max(...sorted.map((option) => countIn(option, position, 1))),
      sorted.some((option) => countIn(option, position, 2) === 0),
    ]),
    aspects: aspects.map((position) => [
      position,
      Math.max(...sorted.map((option) => option.aspects.find(([at]) => at === position)?.[1] ?? 0)),
    ]),
  };
}

/**
 * Branch and bound over the groups: one option per group such that every requirement is covered and the
 * margin (and every aspect minimum) is reached. `ignoreMargin` asks about the requirements alone. The
 * bounds (what the groups not yet chosen can at best add) are optimistic per requirement and aspect, so
 * pruning never loses an answer; the answer is exact unless the node budget runs out (`undecided`).
 * Iterative, and each step rechecks only what the chosen group touches, so thousands of groups are fine.
 */
export function searchEligible(
  groups: readonly (readonly Option[])[],
  rule: EligibilityRule,
  ignoreMargin: boolean,
): Option[] | 'none' | 'undecided' {
  const bounds = groups.map((options) => boundsOf(options, rule));
  const count = bounds.length;
  const met = new Array<number>(rule.requirementCount).fill(0);
  const applicableIn = new Array<number>(rule.requirementCount).fill(0);
  const points = new Array<number>(rule.aspectCount).fill(0);
  // What the groups not yet chosen can at best add.
  const metAhead = new Array<number>(rule.requirementCount).fill(0);
  const unavoidableAhead = new Array<number>(rule.requirementCount).fill(0);
  const pointsAhead = new Array<number>(rule.aspectCount).fill(0);
  let marginAhead = 0n;
  let applicableAhead = 0;
  let margin = 0n;
  let applicable = 0;
  const take = (group: GroupBounds, sign: 1 | -1) => {
    marginAhead += group.maxMargin * BigInt(sign);
    if (group.anyApplicable) applicableAhead += sign;
    for (const [position, most, avoidable] of group.requirements) {
      metAhead[position]! += most * sign;
      if (!avoidable) unavoidableAhead[position]! += sign;
    }
    for (const [position, most] of group.aspects) pointsAhead[position]! += most * sign;
  };
  const apply = (option: Option, sign: 1 | -1) => {
    margin += rule.margin(option) * BigInt(sign);
    applicable += option.applicable * sign;
    for (const [position, metHere, applicableHere] of option.requirements) {
      met[position]! += metHere * sign;
      applicableIn[position]! += applicableHere * sign;
    }
    for (const [position, earned] of option.aspects) points[position]! += earned * sign;
  };
  const requirementPossible = (position: number) =>
    rule.minMetPerRequirement <= 0 ||
    (applicableIn[position] === 0 && unavoidableAhead[position] === 0) ||
    met[position]! + metAhead[position]! >= rule.minMetPerRequirement;
  const aspectPossible = (position: number) =>
    ignoreMargin || points[position]! + pointsAhead[position]! >= rule.aspectMinimums[position]!;
  const marginPossible = () =>
    ignoreMargin ||
    (margin + marginAhead >= rule.marginNeeded &&
      !(rule.needsApplicable && applicable === 0 && applicableAhead === 0));

  for (const group of bounds) take(group, 1);
  const everything = (): boolean => {
    for (let position = 0; position < rule.requirementCount; position++)
      if (!requirementPossible(position)) return false;
    for (let position = 0; position < rule.aspectCount; position++)
      if (!aspectPossible(position)) return false;
    return marginPossible();
  };
  if (!everything()) return 'none';
  if (count === 0) return [];
  const choice = new Int32Array(count).fill(-1);
  let level = 0;
  take(bounds[0]!, -1);
  let nodes = 0;
  for (;;) {
    if (++nodes > MAX_SEARCH_NODES) return 'undecided';
    const group = bounds[level]!;
    if (choice[level]! >= 0) apply(group.options[choice[level]!]!, -1);
    choice[level]!++;
    if (choice[level]! >= group.options.length) {
      choice[level] = -1;
      take(group, 1);
      level--;
      if (level < 0) return 'none';
      continue;
    }
    apply(group.options[choice[level]!]!, 1);
    const possible =
      marginPossible() &&
      group.requirements.every(([position]) => requirementPossible(position)) &&
      group.aspects.every(([position]) => aspectPossible(position));
    if (!possible) continue;
    if (level + 1 === count) return bounds.map((bound, at) => bound.options[choice[at]!]!);
    level++;
    take(bounds[level]!, -1);
  }
}

function countIn(option: Option, position: number, field: 1 | 2): number {
  return option.requirements.find(([at]) => at === position)?.[field] ?? 0;
}

function compare(left: bigint, right: bigint): number {
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * The highest compliance rate any choice of options reaches, requirements aside (Dinkelbach's method:
 * each round picks, per group, the option best at the current rate; the rate rises until no option beats it).
 */
export function bestRate(groups: readonly (readonly Option[])[]): Option[] {
  const pick = (score: (option: Option) => bigint) =>
    groups.map((options) =>
      options.reduce((best, option) => {
        const difference = score(option) - score(best);
        return difference > 0n || (difference === 0n && option.met > best.met) ? option : best;
      }),
    );
  const total = (chosen: readonly Option[]) => ({
    met: chosen.reduce((sum, option) => sum + option.met, 0),
    applicable: chosen.reduce((sum, option) => sum + option.applicable, 0),
  });
  let chosen = pick((option) => BigInt(option.met) * 1_000_000n - BigInt(option.applicable));
  for (;;) {
    const { met, applicable } = total(chosen);
    if (applicable === 0) return chosen;
    const next = pick(
      (option) => BigInt(option.met) * BigInt(applicable) - BigInt(met) * BigInt(option.applicable),
    );
    const better = total(next);
    if (BigInt(better.met) * BigInt(applicable) <= BigInt(met) * BigInt(better.applicable)) return chosen;
    chosen = next;
  }
}
