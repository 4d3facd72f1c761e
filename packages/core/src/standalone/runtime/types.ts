import type { FactReference, FactType, FactValue, Provenance, Text } from '../../rule-set/types.js';

/**
 * The operators by index, as conditions in a standalone module name them (json-rules-engine's built-ins,
 * the only ones a module can carry).
 */
export type StandaloneOperators = readonly string[];

/**
 * A condition as the standalone module holds it: compact tuples over catalog positions (the module is
 * shipped, so its size matters), which the runtime turns into closures when the module loads (no `eval`,
 * no `new Function`).
 * - `[position, operator, expected]`: a leaf comparing the fact at `position` with the value as written,
 *   `operator` an index into `StandaloneData.operators`;
 * - `[position, operator, expected, other]`: a leaf comparing it with the fact at `other` (`expected` is
 *   `{ fact }` as written);
 * - `['all' | 'any', ...children]`, `['not', child]`;
 * - `['reference', name, index]`: the shared condition `name`, at `index` in `StandaloneData.conditions`.
 */
export type StandaloneCondition =
  | readonly [number, number, FactValue | readonly FactValue[]]
  | readonly [number, number, FactReference, number]
  | readonly ['all' | 'any', ...StandaloneCondition[]]
  | readonly ['not', StandaloneCondition]
  | readonly ['reference', string, number];

/**
 * The fact types by index, as a {@link StandaloneFactTuple} names them.
 *
 * @example
 * ```ts
 * factTypes[0]; // 'boolean'
 * ```
 */
export const factTypes: readonly FactType[] = ['boolean', 'string', 'number', 'integer', 'date', 'enum'];

/**
 * A fact as the module holds it, compactly: `[id, type, zh, en, values, min, max]`, `type` an index into
 * {@link factTypes}, `null` for what the catalog leaves out, trailing nulls dropped. The runtime reads it
 * as a {@link StandaloneFact}.
 */
export type StandaloneFactTuple = readonly [
  string,
  number,
  string,
  (string | null)?,
  (readonly FactValue[] | null)?,
  (number | null)?,
  (number | null)?,
];

/** One fact of the catalog, in catalog order. */
export interface StandaloneFact {
  readonly id: string;
  readonly type: FactType;
  readonly title: Text;
  readonly values?: readonly FactValue[] | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/**
 * A standard: `[id, requirement, scaledPoints, condition, applicableWhen?]`, `requirement` its position in
 * `StandaloneData.requirements`, `scaledPoints` its points × `pointsScale` (0 without points).
 */
export type StandaloneStandard =
  | readonly [string, number, number, StandaloneCondition]
  | readonly [string, number, number, StandaloneCondition, StandaloneCondition];

/** Everything the runtime needs of one rule set, prepared by the generator. Plain JSON. */
export interface StandaloneData {
  readonly ruleSet: { readonly id: string; readonly version: string; readonly provenance: Provenance };
  readonly facts: readonly StandaloneFactTuple[];
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
  /** `[id, aspect, zh, en]`: the aspect's position, the title (`en` null when the rule set has none). */
  readonly requirements: readonly (readonly [string, number, string, string | null])[];
  readonly standards: readonly StandaloneStandard[];
  readonly operators: StandaloneOperators;
  readonly scoring: {
    readonly mode: 'compliance-rate' | 'points';
    readonly minMetPerRequirement: number;
    /** Compliance-rate mode: the threshold as written, and in words. */
    readonly threshold: number;
    /**
     * Compliance-rate mode: by the number of applicable standards, how many must be met to reach the
     * threshold, computed exactly (not in floating point) by the generator.
     */
    readonly required: readonly number[];
    readonly thresholdInWords: string;
    /** Points mode. */
    readonly passMark: number;
    readonly scaledPassMark: number;
    readonly pointsScale: number;
  };
  /**
   * Evidence: by standard, the kinds of document it requires (its `evidence`, empty when none); `counted`
   * when a standard self-assessed met without them counts as unmet (`scoring.unevidenced: 'unmet'`).
   */
  readonly evidence: { readonly counted: boolean; readonly required: readonly (readonly string[])[] };
}
