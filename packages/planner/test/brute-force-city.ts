/**
 * A small city, as plain numbers, and the least cost of planning it found by trying every choice: the
 * reference the planner is checked against, written from the domain's rules, not from the planner's model.
 */
export interface SmallCity {
  /** Standards per requirement. */
  readonly requirements: readonly number[];
  /** Threshold as a fraction: met × den ≥ num × standards. */
  readonly threshold: { readonly num: number; readonly den: number };
  readonly estates: readonly {
    readonly met: readonly boolean[];
    readonly costs: readonly number[];
    readonly fixedCost: number;
    readonly area: 'A' | 'B';
  }[];
  /** Cumulative need by the end of each year (non-decreasing). */
  readonly needs: readonly number[];
  readonly budgets: readonly (number | null)[];
  readonly spreadFixes: boolean;
  readonly everyAreaEachYear: boolean;
  /** Estate position → year index it must go forward in. */
  readonly fixedYears: ReadonlyMap<number, number>;
}

/** One way an estate can be planned: not at all, or in a year with a set of fixes paid in given years. */
interface Option {
  readonly year: number | null;
  readonly spend: readonly number[];
  readonly cost: number;
}

/**
 * The least total cost of any plan of the city, or null when none exists, by depth-first search over
 * every option of every estate.
 *
 * @example
 * ```ts
 * bruteForceCost(city); // 17
 * ```
 */
export function bruteForceCost(city: SmallCity): number | null {
  const years = city.needs.length;
  const options = city.estates.map((estate, position) =>
    estateOptions(city, estate, years, city.fixedYears.get(position)),
  );
  let best: number | null = null;
  const spend = new Array<number>(years).fill(0);
  const putIn = new Array<number>(years).fill(0);
  const areaYears = new Map<string, number[]>();
  const search = (position: number, cost: number) => {
    if (best !== null && cost >= best) return;
    if (position === city.estates.length) {
      let cumulative = 0;
      for (let t = 0; t < years; t += 1) {
        cumulative += putIn[t]!;
        if (cumulative < city.needs[t]!) return;
      }
      if (city.everyAreaEachYear) {
        for (const estate of city.estates) {
          const counts = areaYears.get(estate.area);
          if (counts === undefined || counts.some((count) => count === 0)) return;
        }
      }
      best = cost;
      return;
    }
    const area = city.estates[position]!.area;
    for (const option of options[position]!) {
      if (option.spend.some((amount, t) => city.budgets[t] !== null && spend[t]! + amount > city.budgets[t]!))
        continue;
      option.spend.forEach((amount, t) => {
        spend[t]! += amount;
      });
      if (!areaYears.has(area)) areaYears.set(area, new Array<number>(years).fill(0));
      const counts = areaYears.get(area)!;
      if (option.year !== null) {
        putIn[option.year]! += 1;
        counts[option.year]! += 1;
      }
      search(position + 1, cost + option.cost);
      if (option.year !== null) {
        putIn[option.year]! -= 1;
        counts[option.year]! -= 1;
      }
      option.spend.forEach((amount, t) => {
        spend[t]! -= amount;
      });
    }
  };
  search(0, 0);
  return best;
}

function estateOptions(
  city: SmallCity,
  estate: SmallCity['estates'][number],
  years: number,
  fixedYear: number | undefined,
): Option[] {
  const standards = estate.met.length;
  const options: Option[] =
    fixedYear === undefined ? [{ year: null, spend: new Array(years).fill(0), cost: 0 }] : [];
  const seen = new Set<string>();
  for (let year = 0; year < years; year += 1) {
    if (fixedYear !== undefined && year !== fixedYear) continue;
    for (let subset = 0; subset < 2 ** standards; subset += 1) {
      const fixes = Array.from({ length: standards }, (_, s) => (subset >> s) & 1).flatMap((bit, s) =>
        bit && !estate.met[s] ? [s] : [],
      );
      if (fixes.length !== countBits(subset)) continue; // only unmet standards are fixed
      if (!eligibleAfter(city, estate.met, fixes)) continue;
      // Every way of paying the fixes in years up to the estate's (only its own year without spreading).
      const ways = city.spreadFixes ? (year + 1) ** fixes.length : 1;
      for (let way = 0; way < ways; way += 1) {
        const spend = new Array<number>(years).fill(0);
        spend[year]! += estate.fixedCost;
        let rest = way;
        for (const s of fixes) {
          const paidIn = city.spreadFixes ? rest % (year + 1) : year;
          rest = Math.floor(rest / (year + 1));
          spend[paidIn]! += estate.costs[s]!;
        }
        const key = `${year}:${spend.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        options.push({ year, spend, cost: spend.reduce((sum, amount) => sum + amount, 0) });
      }
    }
  }
  // An option is dominated by one of the same year that spends no more in any year: dropping it loses no plan.
  return options.filter(
    (option) =>
      !options.some(
        (other) =>
          other !== option &&
          other.year === option.year &&
          other.spend.every((amount, t) => amount <= option.spend[t]!) &&
          (other.spend.some((amount, t) => amount < option.spend[t]!) ||
            options.indexOf(other) < options.indexOf(option)),
      ),
  );
}

function eligibleAfter(city: SmallCity, met: readonly boolean[], fixes: readonly number[]): boolean {
  const after = met.map((value, s) => value || fixes.includes(s));
  const count = after.filter(Boolean).length;
  if (count * city.threshold.den < city.threshold.num * after.length) return false;
  let start = 0;
  for (const size of city.requirements) {
    if (!after.slice(start, start + size).some(Boolean)) return false;
    start += size;
  }
  return true;
}

function countBits(value: number): number {
  let count = 0;
  for (let rest = value; rest > 0; rest >>= 1) count += rest & 1;
  return count;
}
