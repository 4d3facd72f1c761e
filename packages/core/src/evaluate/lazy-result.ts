import type {
  AspectResult,
  EvaluationResult,
  Reason,
  RequirementResult,
  StandardExplanation,
  StandardResult,
} from '../result/types.js';
import type { Mutable, ScopeVerdict } from './assemble-result.js';
import type { CompiledCondition, FactValues } from './compile-condition.js';
import type { RubricLayout } from './layout.js';
import { outcomeNames } from './outcome-codes.js';
import {
  aspectResults,
  countOutcomes,
  createOutcomeCounts,
  type OutcomeCounts,
  requirementResults,
} from './outcome-counts.js';
import { reasonsFor } from './reasons.js';

/** What a standard needs to be explained again, from the facts, when its explanation is first read. */
export interface ExplainableStandard {
  readonly id: string;
  readonly requirementId: string;
  readonly aspectId: string;
  readonly applicableWhen: CompiledCondition | undefined;
  readonly condition: CompiledCondition;
}

/** Everything a result's details are built from, kept by the result until they are first read. */
export interface ResultSource {
  readonly layout: RubricLayout;
  readonly standards: readonly ExplainableStandard[];
  readonly scope: ScopeVerdict;
  readonly outcomes: ArrayLike<number>;
  readonly missingFacts: readonly string[];
  readonly eligible: boolean;
  /** The facts by catalog position, as read: explanations are evaluated on them. */
  readonly values: FactValues;
  readonly explain: boolean;
  /** Explanations made while evaluating (a standard that calls a plugin), by position. */
  readonly explained: readonly (StandardExplanation | undefined)[] | undefined;
}

/** A result's source and the details built from it so far (or assigned by the user). */
interface PendingDetails {
  readonly source: ResultSource;
  counts: OutcomeCounts | undefined;
  standards: readonly StandardResult[] | undefined;
  requirements: readonly RequirementResult[] | undefined;
  aspects: readonly AspectResult[] | undefined;
  reasons: readonly Reason[] | undefined;
}

/**
 * The key of a result's pending details: a symbol no one else holds, so the property is unreachable by
 * name, and non-enumerable, so `Object.keys`, `JSON.stringify`, `structuredClone`, spreading and deep
 * equality never see it. It is an own property, not a private field, so that the accessors find it
 * through whatever `this` they are called with: the result, an object inheriting from it, or a Proxy that
 * passes itself as the receiver (Vue's `reactive`), which forwards the read to the result.
 */
const pendingKey: unique symbol = Symbol('sunshine-rubric.pendingDetails');

type Holder = { readonly [pendingKey]?: PendingDetails };

function pendingOf(holder: unknown): PendingDetails {
  const pending = typeof holder === 'object' && holder !== null ? (holder as Holder)[pendingKey] : undefined;
  if (pending === undefined)
    throw new TypeError('a result field of evaluate was read from something that is not that result');
  return pending;
}

type DetailKey = 'standards' | 'requirements' | 'aspects' | 'reasons';

/** One accessor pair per field for every result, so that V8 keeps results on one shape. */
function accessorFor<Key extends DetailKey>(
  key: Key,
  build: (pending: PendingDetails) => NonNullable<PendingDetails[Key]>,
): PropertyDescriptor {
  return Object.freeze({
    get(this: unknown) {
      const pending = pendingOf(this);
      const built = pending[key];
      if (built !== undefined) return built;
      const value = build(pending);
      pending[key] = value;
      return value;
    },
    set(this: unknown, value: PendingDetails[Key]) {
      // As assigning a data property would: refused on a frozen result, and on an object that merely
      // inherits from a result, a property of its own.
      if (Object.isFrozen(this)) throw new TypeError(`Cannot assign to read only property '${key}'`);
      if (typeof this === 'object' && this !== null && !Object.hasOwn(this, pendingKey)) {
        Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
        return;
      }
      pendingOf(this)[key] = value;
    },
    enumerable: true,
    configurable: true,
  });
}

const standardsAccessor = accessorFor('standards', (pending) => buildStandards(pending.source));
const requirementsAccessor = accessorFor('requirements', (pending) =>
  requirementResults(pending.source.layout, countsOf(pending)),
);
const aspectsAccessor = accessorFor('aspects', (pending) =>
  aspectResults(pending.source.layout, countsOf(pending)),
);
const reasonsAccessor = accessorFor('reasons', (pending) => {
  const { layout, scope, outcomes, missingFacts, eligible } = pending.source;
  if (eligible) return [];
  const counts = countsOf(pending);
  // Its own requirement results: the reasons follow the outcomes even if `requirements` was reassigned.
  const requirements = requirementResults(layout, counts);
  return reasonsFor(layout, scope, counts, requirements, counts.aspectPoints, outcomes, missingFacts);
});

/**
 * Sets a result's `standards`, `requirements`, `aspects` and `reasons` as enumerable accessors that
 * build each the first time it is read, then return that same value on every read. Every consumer that
 * reads properties (`JSON.stringify`, `structuredClone`, `Object.keys`, spreading, deep equality, a deep
 * freeze) sees what an eagerly built result holds; assigning a field replaces it, as it would a data
 * property. Nothing here can fail later: the outcomes are decided, and explanations only re-evaluate
 * built-in operators on values already checked (a plugin's explanation is made while evaluating).
 *
 * @example
 * ```ts
 * placeLazyDetails(result, { layout, standards, scope, outcomes, missingFacts, eligible, values, explain, explained });
 * ```
 */
export function placeLazyDetails(result: Mutable<EvaluationResult>, source: ResultSource): void {
  // Non-writable and non-configurable: a Proxy's get trap must then return this very object (the
  // language enforces it), and non-extensible, so that Vue's `reactive` returns it as is instead of a
  // reactive copy (which would break that rule and throw).
  const pending: PendingDetails = Object.preventExtensions({
    source,
    counts: undefined,
    standards: undefined,
    requirements: undefined,
    aspects: undefined,
    reasons: undefined,
  });
  Object.defineProperty(result, pendingKey, { value: pending });
  Object.defineProperty(result, 'standards', standardsAccessor);
  Object.defineProperty(result, 'requirements', requirementsAccessor);
  Object.defineProperty(result, 'aspects', aspectsAccessor);
  Object.defineProperty(result, 'reasons', reasonsAccessor);
}

/** The result's counts, recounted from its outcomes (the evaluator's own counters are reused). */
function countsOf(pending: PendingDetails): OutcomeCounts {
  if (pending.counts === undefined) {
    const { layout, outcomes } = pending.source;
    const counts = createOutcomeCounts(layout);
    countOutcomes(layout, outcomes, counts);
    pending.counts = counts;
  }
  return pending.counts;
}

function buildStandards(source: ResultSource): StandardResult[] {
  const { standards, outcomes, values, explain, explained } = source;
  const built: StandardResult[] = new Array(standards.length);
  for (let position = 0; position < standards.length; position++) {
    const standard = standards[position]!;
    const outcome = outcomeNames[outcomes[position]!]!;
    built[position] = explain
      ? {
          id: standard.id,
          requirementId: standard.requirementId,
          aspectId: standard.aspectId,
          outcome,
          explanation: explained?.[position] ?? explanationOf(standard, values),
        }
      : { id: standard.id, requirementId: standard.requirementId, aspectId: standard.aspectId, outcome };
  }
  return built;
}

/**
 * A standard's explanation: every leaf of its conditions, evaluated on the facts.
 *
 * @example
 * ```ts
 * explanationOf(compiledStandard, values).condition.result; // true, false, or null (a fact missing)
 * ```
 */
export function explanationOf(standard: ExplainableStandard, values: FactValues): StandardExplanation {
  const applicable = standard.applicableWhen?.explain(values);
  const condition = standard.condition.explain(values);
  return applicable ? { applicable, condition } : { condition };
}
