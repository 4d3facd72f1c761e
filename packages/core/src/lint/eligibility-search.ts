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

/**
 * Branch and bound over the groups: one option per group such that every requirement is covered and the
 * margin (and every aspect minimum) is reached. `ignoreMargin` asks about the requirements alone. Bounds are
 * optimistic per requirement and aspect, so pruning never loses an answer; the answer is exact unless the
 * node budget runs out (`undecided`).
 */
export function searchEligible(
  groups: readonly (readonly Option[])[],
  rule: EligibilityRule,
  ignoreMargin: boolean,
): Option[] | 'none' | 'undecided' {
  const sorted = groups.map((options) =>
    [...options].sort((left, right) => compare(rule.margin(right), rule.margin(left))),
  );
  const count = sorted.length;
  const maxMargin: bigint[] = new Array(count + 1).fill(0n);
  const anyApplicable: boolean[] = new Array(count + 1).fill(false);
  const maxMet = Array.from({ length: count + 1 }, () => new Array<number>(rule.requirementCount).fill(0));
  const canAvoid = Array.from({ length: count + 1 }, () =>
    new Array<boolean>(rule.requirementCount).fill(true),
  );
  const maxAspect = Array.from({ length: count + 1 }, () => new Array<number>(rule.aspectCount).fill(0));
  for (let index = count - 1; index >= 0; index--) {
    const options = sorted[index]!;
    maxMargin[index] = maxMargin[index + 1]! + rule.margin(options[0]!);
    anyApplicable[index] = anyApplicable[index + 1]! || options.some((option) => option.applicable > 0);
    const met = [...maxMet[index + 1]!];
    const avoid = [...canAvoid[index + 1]!];
    const aspect = [...maxAspect[index + 1]!];
    const touched = new Set(options.flatMap((option) => option.requirements.map(([position]) => position)));
    for (const position of touched) {
      const best = Math.max(...options.map((option) => countIn(option, position, 1)));
      met[position] = met[position]! + best;
      avoid[position] = avoid[position]! && options.some((option) => countIn(option, position, 2) === 0);
    }
    const aspects = new Set(options.flatMap((option) => option.aspects.map(([position]) => position)));
    for (const position of aspects) {
      const best = Math.max(
        ...options.map((option) => option.aspects.find(([at]) => at === position)?.[1] ?? 0),
      );
      aspect[position] = aspect[position]! + best;
    }
    maxMet[index] = met;
    canAvoid[index] = avoid;
    maxAspect[index] = aspect;
  }

  const requirementMet = new Array<number>(rule.requirementCount).fill(0);
  const requirementApplicable = new Array<number>(rule.requirementCount).fill(0);
  const aspectPoints = new Array<number>(rule.aspectCount).fill(0);
  const chosen: Option[] = [];
  let margin = 0n;
  let applicable = 0;
  let nodes = 0;

  const feasible = (index: number): boolean => {
    if (!ignoreMargin) {
      if (margin + maxMargin[index]! < rule.marginNeeded) return false;
      if (rule.needsApplicable && applicable === 0 && !anyApplicable[index]) return false;
      for (let position = 0; position < rule.aspectCount; position++) {
        if (aspectPoints[position]! + maxAspect[index]![position]! < rule.aspectMinimums[position]!)
          return false;
      }
    }
    if (rule.minMetPerRequirement <= 0) return true;
    for (let position = 0; position < rule.requirementCount; position++) {
      if (requirementApplicable[position] === 0 && canAvoid[index]![position]) continue;
      if (requirementMet[position]! + maxMet[index]![position]! < rule.minMetPerRequirement) return false;
    }
    return true;
  };
  const apply = (option: Option, sign: 1 | -1) => {
    margin += rule.margin(option) * BigInt(sign);
    applicable += option.applicable * sign;
    for (const [position, met, applicableHere] of option.requirements) {
      requirementMet[position]! += met * sign;
      requirementApplicable[position]! += applicableHere * sign;
    }
    for (const [position, points] of option.aspects) aspectPoints[position]! += points * sign;
  };
  const visit = (index: number): boolean | 'undecided' => {
    if (++nodes > MAX_SEARCH_NODES) return 'undecided';
    if (!feasible(index)) return false;
    if (index === count) return true;
    for (const option of sorted[index]!) {
      apply(option, 1);
      chosen.push(option);
      const found = visit(index + 1);
      if (found !== false) return found;
      chosen.pop();
      apply(option, -1);
    }
    return false;
  };
  const found = visit(0);
  if (found === 'undecided') return 'undecided';
  return found ? chosen : 'none';
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
