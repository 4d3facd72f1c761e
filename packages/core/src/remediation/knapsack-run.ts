/**
 * One sequential 0/1 knapsack over "units gained, capped at `cap`", extended requirement by requirement,
 * that remembers its decisions in bits so the chosen standards can be read back without copying lists.
 *
 * `table[p]` is the cheapest cost of gaining `p` units (`cap` meaning "`cap` or more"). Capping is exact:
 * every floor asks "at least", so any gain beyond the cap is as good as the cap. A requirement that must
 * gain `d > 0` more met standards is processed over `d + 1` count layers (layer `k`: `k` of its standards
 * chosen so far, the top layer meaning "`d` or more"); only its top layer carries on. A requirement with
 * `d = 0` is a plain knapsack pass on the running table.
 */

/** A fixable standard as the knapsack sees it. */
export interface KnapsackItem {
  readonly position: number;
  readonly units: number;
  readonly cost: number;
}

/** The decisions of one requirement's pass, enough to walk it backwards. */
interface GroupRecord {
  readonly items: readonly KnapsackItem[];
  readonly floor: number;
  /** Bit `(j·(d+1) + k)·(cap+1) + p`: item `j` last improved cell `(k, p)`. */
  readonly took: Uint32Array;
  /** Bit `j·(cap+1) + p`: the top-layer cell `p` was last improved by item `j` from the layer below. */
  readonly fromBelow: Uint32Array;
  /** Per item and layer: the cell an improvement of the capped cell came from. */
  readonly cappedFrom: Int32Array;
}

const setBit = (bits: Uint32Array, index: number) => {
  bits[index >>> 5]! |= 1 << (index & 31);
};
const hasBit = (bits: Uint32Array, index: number) => (bits[index >>> 5]! & (1 << (index & 31))) !== 0;

/**
 * Cells one requirement's pass visits: the work estimate the planner checks before it starts.
 *
 * @example
 * ```ts
 * groupWork(10, 2, 999); // 10 standards × 3 count layers × 1,000 cells = 30,000
 * ```
 */
export function groupWork(itemCount: number, floor: number, cap: number): number {
  return floor > itemCount ? 0 : itemCount * (floor + 1) * (cap + 1);
}

/**
 * @example
 * ```ts
 * const run = new KnapsackRun(300);
 * run.addRequirement([{ position: 0, units: 200, cost: 1 }, { position: 1, units: 300, cost: 5 }], 0);
 * const chosen: number[] = [];
 * run.reconstruct(300, chosen); // returns 0 (the start), chosen is [1]
 * ```
 */
export class KnapsackRun {
  readonly cap: number;
  table: Float64Array;
  private readonly groups: GroupRecord[] = [];

  /** Starts from `start` (copied), or from "nothing gained, at no cost". */
  constructor(cap: number, start?: Float64Array) {
    this.cap = cap;
    this.table = start ? start.slice() : new Float64Array(cap + 1).fill(Number.POSITIVE_INFINITY);
    if (!start) this.table[0] = 0;
  }

  /** Adds one requirement's fixable standards, of which at least `floor` must be chosen. */
  addRequirement(items: readonly KnapsackItem[], floor: number): void {
    const { cap } = this;
    const width = cap + 1;
    if (floor > items.length) {
      this.table = new Float64Array(width).fill(Number.POSITIVE_INFINITY);
      this.groups.push({
        items: [],
        floor: 0,
        took: new Uint32Array(0),
        fromBelow: new Uint32Array(0),
        cappedFrom: new Int32Array(0),
      });
      return;
    }
    const layers = [this.table];
    for (let k = 1; k <= floor; k++) layers.push(new Float64Array(width).fill(Number.POSITIVE_INFINITY));
    const took = new Uint32Array(Math.ceil((items.length * (floor + 1) * width) / 32));
    const fromBelow = new Uint32Array(floor > 0 ? Math.ceil((items.length * width) / 32) : 0);
    const cappedFrom = new Int32Array(items.length * (floor + 1)).fill(-1);
    items.forEach((item, j) => {
      const units = Math.min(item.units, cap);
      const { cost } = item;
      // Top layer first and high cells first: every cell is read before this item writes it, so each
      // standard is taken at most once (0/1), in place.
      for (let k = floor; k >= 0; k--) {
        const source = layers[k]!;
        const targetLayer = k < floor ? k + 1 : floor;
        const target = layers[targetLayer]!;
        const bitBase = (j * (floor + 1) + targetLayer) * width;
        for (let p = cap; p >= 0; p--) {
          const value = source[p]!;
          if (value === Number.POSITIVE_INFINITY) continue;
          const to = Math.min(p + units, cap);
          const candidate = value + cost;
          if (candidate < target[to]!) {
            target[to] = candidate;
            setBit(took, bitBase + to);
            if (k < targetLayer && targetLayer === floor) setBit(fromBelow, j * width + to);
            if (to === cap) cappedFrom[j * (floor + 1) + targetLayer] = p;
          }
        }
      }
    });
    this.table = layers[floor]!;
    this.groups.push({ items, floor, took, fromBelow, cappedFrom });
  }

  /**
   * Walks the decisions back from final cell `cell`: the items chosen (positions) are appended to
   * `chosen`, and the cell of the starting table the choice began from is returned.
   */
  reconstruct(cell: number, chosen: number[]): number {
    const { cap } = this;
    const width = cap + 1;
    let p = cell;
    for (let g = this.groups.length - 1; g >= 0; g--) {
      const { items, floor, took, fromBelow, cappedFrom } = this.groups[g]!;
      let k = floor;
      for (let j = items.length - 1; j >= 0; j--) {
        if (!hasBit(took, (j * (floor + 1) + k) * width + p)) continue;
        const item = items[j]!;
        chosen.push(item.position);
        const sourceLayer = k === floor && (floor === 0 || !hasBit(fromBelow, j * width + p)) ? k : k - 1;
        p = p === cap ? cappedFrom[j * (floor + 1) + k]! : p - Math.min(item.units, cap);
        k = sourceLayer;
      }
    }
    return p;
  }
}
