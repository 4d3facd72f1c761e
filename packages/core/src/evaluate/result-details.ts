import type {
  AspectResult,
  Reason,
  RequirementResult,
  StandardExplanation,
  StandardResult,
} from '../result/types.js';
import type { CompiledCondition } from './compile-condition.js';
import type { FactValues } from './fact-values.js';
import type { RubricLayout } from './layout.js';
import type { OutcomeCounts } from './outcome-counts.js';
import type { ResultEvidence } from './result-evidence.js';
import type { ScopeVerdict } from './scope-verdict.js';

/** What a standard needs to be explained again, from the facts, when its explanation is first read. */
export interface ExplainableStandard {
  readonly id: string;
  readonly requirementId: string;
  readonly aspectId: string;
  readonly applicableWhen: CompiledCondition | undefined;
  readonly condition: CompiledCondition;
}

/**
 * A detail not built yet: not `undefined`, which a sealed result's field may be assigned and must then
 * keep, as a data property would.
 *
 * @example
 * ```ts
 * if (details.standards === unbuilt) details.standards = buildStandards(details);
 * ```
 */
export const unbuilt: unique symbol = Symbol('sunshine-rubric.unbuilt');

/** The type of {@link unbuilt}. */
export type Unbuilt = typeof unbuilt;

/** The details of a result that are built when first read, by name. */
export interface DetailValues {
  readonly standards: readonly StandardResult[];
  readonly requirements: readonly RequirementResult[];
  readonly aspects: readonly AspectResult[];
  readonly reasons: readonly Reason[];
  readonly unevidenced: readonly string[];
}

/** The name of a detail. */
export type DetailKey = keyof DetailValues;

/**
 * Everything a result's details are built from, kept by the result until they are first read, and the
 * details built so far (or assigned to a sealed result). One object per result, made by one `new`.
 *
 * Every field is private, read through the prototype's accessors: the object has no own property, so a
 * walker of a result's own keys, symbols included (MDN's `deepFreeze`, which freezes what it reaches),
 * reaches nothing of the evaluator's through it — not the rule set's layout, its compiled conditions or
 * their typed arrays, which `Object.freeze` refuses — and a frozen `ResultDetails` still builds and keeps
 * details: freezing an object leaves its private fields writable.
 *
 * Its `Symbol.toStringTag` makes it no plain object to a reactive wrapper: Vue's `reactive` returns such a
 * value as is, which a Proxy's get trap must do for it (the property holding it is non-writable and
 * non-configurable, and the language enforces that a trap then returns this very object).
 *
 * @example
 * ```ts
 * const details = new ResultDetails(layout, standards, scope, outcomes, missingFacts, eligible, values, true, undefined);
 * placeLazyDetails(result, details);
 * ```
 */
export class ResultDetails {
  #counts: OutcomeCounts | undefined = undefined;
  #standards: DetailValues['standards'] | Unbuilt = unbuilt;
  #requirements: DetailValues['requirements'] | Unbuilt = unbuilt;
  #aspects: DetailValues['aspects'] | Unbuilt = unbuilt;
  #reasons: DetailValues['reasons'] | Unbuilt = unbuilt;
  #unevidenced: DetailValues['unevidenced'] | Unbuilt = unbuilt;
  readonly #layout: RubricLayout;
  readonly #compiledStandards: readonly ExplainableStandard[];
  readonly #scope: ScopeVerdict;
  readonly #outcomes: ArrayLike<number>;
  readonly #missingFacts: readonly string[];
  readonly #eligible: boolean;
  readonly #values: FactValues;
  readonly #explain: boolean;
  readonly #explained: readonly (StandardExplanation | undefined)[] | undefined;
  readonly #evidence: ResultEvidence | undefined;

  constructor(
    layout: RubricLayout,
    compiledStandards: readonly ExplainableStandard[],
    scope: ScopeVerdict,
    outcomes: ArrayLike<number>,
    missingFacts: readonly string[],
    eligible: boolean,
    values: FactValues,
    explain: boolean,
    explained: readonly (StandardExplanation | undefined)[] | undefined,
    evidence?: ResultEvidence,
  ) {
    this.#layout = layout;
    this.#compiledStandards = compiledStandards;
    this.#scope = scope;
    this.#outcomes = outcomes;
    this.#missingFacts = missingFacts;
    this.#eligible = eligible;
    this.#values = values;
    this.#explain = explain;
    this.#explained = explained;
    this.#evidence = evidence;
  }

  get layout(): RubricLayout {
    return this.#layout;
  }
  get compiledStandards(): readonly ExplainableStandard[] {
    return this.#compiledStandards;
  }
  get scope(): ScopeVerdict {
    return this.#scope;
  }
  get outcomes(): ArrayLike<number> {
    return this.#outcomes;
  }
  get missingFacts(): readonly string[] {
    return this.#missingFacts;
  }
  get eligible(): boolean {
    return this.#eligible;
  }
  /** The facts by catalog position, as read: explanations are evaluated on them. */
  get values(): FactValues {
    return this.#values;
  }
  get explain(): boolean {
    return this.#explain;
  }
  /** Explanations made while evaluating (a standard that calls a plugin), by position. */
  get explained(): readonly (StandardExplanation | undefined)[] | undefined {
    return this.#explained;
  }
  /** The evidence read and the unevidenced standards; `undefined` when there is none to show. */
  get evidence(): ResultEvidence | undefined {
    return this.#evidence;
  }

  get counts(): OutcomeCounts | undefined {
    return this.#counts;
  }
  set counts(counts: OutcomeCounts | undefined) {
    this.#counts = counts;
  }
  /** A detail as built (or assigned to a sealed result), {@link unbuilt} until then. */
  detail<Key extends DetailKey>(key: Key): DetailValues[Key] | Unbuilt {
    // A switch, not a keyed load: one call site reads every detail, and a keyed load of five names is
    // megamorphic.
    switch (key as DetailKey) {
      case 'standards':
        return this.#standards as DetailValues[Key];
      case 'requirements':
        return this.#requirements as DetailValues[Key];
      case 'aspects':
        return this.#aspects as DetailValues[Key];
      case 'reasons':
        return this.#reasons as DetailValues[Key];
      default:
        return this.#unevidenced as DetailValues[Key];
    }
  }

  /** Keeps a detail, built or assigned. */
  keep<Key extends DetailKey>(key: Key, value: DetailValues[Key]): void {
    switch (key as DetailKey) {
      case 'standards':
        this.#standards = value as DetailValues['standards'];
        break;
      case 'requirements':
        this.#requirements = value as DetailValues['requirements'];
        break;
      case 'aspects':
        this.#aspects = value as DetailValues['aspects'];
        break;
      case 'reasons':
        this.#reasons = value as DetailValues['reasons'];
        break;
      default:
        this.#unevidenced = value as DetailValues['unevidenced'];
    }
  }

  get [Symbol.toStringTag](): string {
    return 'ResultDetails';
  }
}
