import type { FactReference, FactType, FactValue, Provenance, Text } from '../../rule-set/types.js';

/**
 * A condition as the standalone module holds it: a tree of plain data over catalog positions, which the
 * runtime turns into closures when the module loads (no `eval`, no `new Function`).
 */
export type StandaloneCondition =
  | {
      readonly kind: 'leaf';
      /** The fact's catalog position. */
      readonly position: number;
      readonly operator: string;
      /** The condition's value as written (a literal, a list, or `{ fact }`). */
      readonly expected: FactValue | readonly FactValue[] | FactReference;
      /** The catalog position of the fact that `expected` names, when it names one. */
      readonly other?: number;
    }
  | { readonly kind: 'all' | 'any'; readonly children: readonly StandaloneCondition[] }
  | { readonly kind: 'not'; readonly child: StandaloneCondition }
  /** A shared condition, by its name and its position in `StandaloneData.conditions`. */
  | { readonly kind: 'reference'; readonly condition: string; readonly shared: number };

/** One fact of the catalog, in catalog order. */
export interface StandaloneFact {
  readonly id: string;
  readonly type: FactType;
  readonly title: Text;
  readonly values?: readonly FactValue[];
  readonly min?: number;
  readonly max?: number;
}

/** Everything the runtime needs of one rule set, prepared by the generator. Plain JSON. */
export interface StandaloneData {
  readonly ruleSet: { readonly id: string; readonly version: string; readonly provenance: Provenance };
  readonly facts: readonly StandaloneFact[];
  readonly unknownFacts: 'error' | 'ignore';
  readonly conditions: readonly StandaloneCondition[];
  readonly scope: StandaloneCondition | null;
  readonly focus: StandaloneCondition | null;
  readonly aspects: readonly {
    readonly id: string;
    readonly title: Text;
    /** Its minimum as written, or null; points mode. */
    readonly minimum: number | null;
    readonly scaledMinimum: number;
  }[];
  readonly requirements: readonly { readonly id: string; readonly aspectId: string; readonly title: Text }[];
  readonly standards: readonly {
    readonly id: string;
    readonly requirementId: string;
    readonly aspectId: string;
    readonly requirement: number;
    readonly aspect: number;
    readonly scaledPoints: number;
    readonly applicableWhen: StandaloneCondition | null;
    readonly condition: StandaloneCondition;
  }[];
  readonly scoring: {
    readonly mode: 'compliance-rate' | 'points';
    readonly minMetPerRequirement: number;
    /** Compliance-rate mode: the threshold as written, as an exact fraction (decimal strings), and in words. */
    readonly threshold: number;
    readonly numerator: string;
    readonly denominator: string;
    readonly thresholdInWords: string;
    /** Points mode. */
    readonly passMark: number;
    readonly scaledPassMark: number;
    readonly pointsScale: number;
  };
}
