import type { FactReference, FactType, FactValue, Provenance } from '../../rule-set/types.js';

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
 * A fact as the module holds it, compactly: `[id, type, zh, en, values or min, max]`, `type` an index into
 * {@link factTypes}, an enum's values where a number's minimum would be (no fact has both), `null` for
 * what the catalog leaves out, trailing nulls dropped. The runtime reads it as a {@link StandaloneFact}.
 */
export type StandaloneFactTuple = readonly [
  string,
  number,
  string,
  (string | null)?,
  (readonly FactValue[] | number | null)?,
  (number | null)?,
];

/** One fact of the catalog, in catalog order. */
export interface StandaloneFact {
  readonly id: string;
  readonly type: FactType;
  /** `en` null or absent where the rule set has none. */
  readonly title: { readonly zh: string; readonly en?: string | null | undefined };
  readonly values?: readonly FactValue[] | null | undefined;
  readonly min?: number | null | undefined;
  readonly max?: number | null | undefined;
}

/**
 * A standard: `[id, condition, applicableWhen, scaledPoints]`, `applicableWhen` 0 where it has none,
 * `scaledPoints` its points × `pointsScale`; trailing zeros dropped (most standards have neither).
 */
export type StandaloneStandard =
  | readonly [string, StandaloneCondition]
  | readonly [string, StandaloneCondition, StandaloneCondition | 0]
  | readonly [string, StandaloneCondition, StandaloneCondition | 0, number];

/**
 * An aspect: `[id, zh, en, minimum, scaledMinimum]`, trailing nulls and zeros dropped; `[id]` for an
 * aspect without a minimum of points, which no reason names.
 */
export type StandaloneAspectTuple = readonly [string, string?, (string | null)?, (number | null)?, number?];

/** Everything the runtime needs of one rule set, prepared by the generator. Plain JSON. */
export interface StandaloneData {
  readonly ruleSet: { readonly id: string; readonly version: string; readonly provenance: Provenance };
  readonly facts: readonly StandaloneFactTuple[];
  /** Absent for `'error'`, the default. */
  readonly unknownFacts?: 'ignore';
  /** The shared conditions; absent when there are none. */
  readonly conditions?: readonly StandaloneCondition[];
  readonly scope: StandaloneCondition | null;
  readonly focus: StandaloneCondition | null;
  /**
   * `[id, zh, en, minimum, scaledMinimum]`: the title (`en` null when the rule set has none), the minimum
   * as written, and it × `pointsScale`; trailing nulls and zeros dropped. `[id]` for an aspect without
   * a minimum (every aspect in compliance-rate mode): no reason names it.
   */
  readonly aspects: readonly StandaloneAspectTuple[];
  /**
   * `[id, aspect, standards, zh, en]`: the aspect's position, the requirement's standards (in rule-set
   * order, so that a standard needs no requirement of its own), the title (`en` null or absent when the
   * rule set has none).
   */
  readonly requirements: readonly (readonly [
    string,
    number,
    readonly StandaloneStandard[],
    string,
    (string | null)?,
  ])[];
  readonly operators: StandaloneOperators;
  readonly scoring: {
    /** Absent: compliance-rate. */
    readonly mode?: 'points';
    readonly minMetPerRequirement: number;
    /** Compliance-rate mode: the threshold as written, and in words. */
    readonly threshold: number;
    /**
     * Compliance-rate mode: the threshold as an exact fraction `[numerator, denominator]` where the
     * denominator is at most a million (then `ceil(numerator × applicable ÷ denominator)` is exact, as
     * core computes it), else null and `required` lists, by the number of applicable standards, how many
     * must be met, computed exactly by the generator.
     */
    readonly fraction: readonly [number, number] | null;
    readonly required?: readonly number[];
    readonly thresholdInWords: string;
    /** Points mode only. */
    readonly passMark?: number;
    readonly scaledPassMark?: number;
    readonly pointsScale?: number;
  };
  /**
   * Evidence: by standard, the kinds of document it requires (its `evidence`, empty when none); `counted`
   * when a standard self-assessed met without them counts as unmet (`scoring.unevidenced: 'unmet'`),
   * absent otherwise.
   */
  readonly evidence: { readonly counted?: true; readonly required: readonly (readonly string[])[] };
}
