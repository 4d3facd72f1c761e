import type { EvaluationResult, StandardExplanation, StandardResult } from '../result/types.js';
import type { Mutable } from './assemble-result.js';
import type { FactValues } from './fact-values.js';
import { outcomeNames } from './outcome-codes.js';
import { aspectResults, countOutcomes, type OutcomeCounts, requirementResults } from './outcome-counts.js';
import { reasonsFor } from './reasons.js';
import {
  type DetailKey,
  type DetailValues,
  type ExplainableStandard,
  type ResultDetails,
  unbuilt,
} from './result-details.js';
import { evidenceReasons, standardEvidenceOf, unevidencedIds } from './result-evidence.js';

/**
 * The key of a result's details: a symbol no one else holds, so the property is unreachable by name, and
 * non-enumerable, so `Object.keys`, `JSON.stringify`, `structuredClone`, spreading and deep equality never
 * see it. It is an own property, not a private field, so that the accessors find it through whatever
 * `this` they are called with: the result, an object inheriting from it, or a Proxy that passes itself as
 * the receiver (Vue's `reactive`), which forwards the read to the result.
 */
const detailsKey: unique symbol = Symbol('sunshine-rubric.resultDetails');

type Holder = { readonly [detailsKey]?: ResultDetails };

function detailsOf(holder: unknown): ResultDetails {
  const details = typeof holder === 'object' && holder !== null ? (holder as Holder)[detailsKey] : undefined;
  if (details === undefined)
    throw new TypeError('a result field of evaluate was read from something that is not that result');
  return details;
}

/** One accessor pair per field for every result, so that V8 keeps results on one shape. */
function accessorFor<Key extends DetailKey>(
  key: Key,
  build: (details: ResultDetails) => DetailValues[Key],
): PropertyDescriptor {
  return Object.freeze({
    get(this: unknown) {
      const details = detailsOf(this);
      const built = details.detail(key);
      if (built !== unbuilt) return built;
      const value = build(details);
      details.keep(key, value);
      return value;
    },
    set(this: unknown, value: DetailValues[Key]) {
      // As assigning a data property would: refused on a frozen result.
      if (Object.isFrozen(this)) throw new TypeError(`Cannot assign to read only property '${key}'`);
      // The value becomes a data property of the object assigned to, not a detail: a copy made from the
      // result's property descriptors (which copies these accessors and the hidden details with them)
      // then never changes the result it was copied from; an object that merely inherits from a result
      // gets a property of its own. Only a sealed result, whose accessor cannot be replaced, keeps it
      // among its details.
      const own = Object.getOwnPropertyDescriptor(this, key);
      if (own === undefined || own.configurable === true) {
        const enumerable = own === undefined || own.enumerable === true;
        Object.defineProperty(this, key, { value, writable: true, enumerable, configurable: true });
        return;
      }
      detailsOf(this).keep(key, value);
    },
    enumerable: true,
    configurable: true,
  });
}

const standardsAccessor = accessorFor('standards', buildStandards);
const requirementsAccessor = accessorFor('requirements', (details) =>
  requirementResults(details.layout, countsOf(details)),
);
const aspectsAccessor = accessorFor('aspects', (details) => aspectResults(details.layout, countsOf(details)));
const reasonsAccessor = accessorFor('reasons', (details) => {
  const { layout, scope, outcomes, missingFacts, eligible } = details;
  if (eligible) return [];
  const counts = countsOf(details);
  // Its own requirement results: the reasons follow the outcomes even if `requirements` was reassigned.
  const requirements = requirementResults(layout, counts);
  const reasons = reasonsFor(
    layout,
    scope,
    counts,
    requirements,
    counts.aspectPoints,
    outcomes,
    missingFacts,
  );
  const { evidence } = details;
  if (evidence !== undefined)
    reasons.push(
      ...evidenceReasons(evidence, (position) => evidence.rules.missingAt(position, evidence.entries)),
    );
  return reasons;
});

const unevidencedAccessor = accessorFor('unevidenced', (details) =>
  unevidencedIds(details.compiledStandards, details.evidence, details.outcomes),
);

/** The hidden property holding a result's details: neither writable, nor enumerable, nor configurable. */
const detailsDescriptor: PropertyDescriptor = { value: undefined };

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
 * placeLazyDetails(result, new ResultDetails(layout, standards, scope, outcomes, missingFacts, eligible, values, true, undefined));
 * ```
 */
export function placeLazyDetails(result: Mutable<EvaluationResult>, details: ResultDetails): void {
  detailsDescriptor.value = details;
  Object.defineProperty(result, detailsKey, detailsDescriptor);
  detailsDescriptor.value = undefined;
  Object.defineProperty(result, 'standards', standardsAccessor);
  Object.defineProperty(result, 'requirements', requirementsAccessor);
  Object.defineProperty(result, 'aspects', aspectsAccessor);
  Object.defineProperty(result, 'reasons', reasonsAccessor);
}

/**
 * Sets a result's `unevidenced` as an enumerable accessor that finds the unevidenced standards the first
 * time it is read, as {@link placeLazyDetails} does for the other details (it must be called after it):
 * for `resultOf`, when the rule set requires evidence.
 *
 * @example
 * ```ts
 * resultOf(layout, id, scope, count, tally, eligible, missingFacts, placeLazyUnevidenced, placeLazyDetails, details);
 * ```
 */
export function placeLazyUnevidenced(result: Mutable<EvaluationResult>): void {
  Object.defineProperty(result, 'unevidenced', unevidencedAccessor);
}

/** The result's counts, counted from its outcomes when a detail is first read. */
function countsOf(details: ResultDetails): OutcomeCounts {
  if (details.counts === undefined) {
    const { layout, outcomes } = details;
    details.counts = countOutcomes(layout, outcomes);
  }
  return details.counts;
}

function buildStandards(details: ResultDetails): StandardResult[] {
  const { compiledStandards: standards, outcomes, values, explain, explained, evidence } = details;
  const built: StandardResult[] = new Array(standards.length);
  for (let position = 0; position < standards.length; position++) {
    const standard = standards[position]!;
    const outcome = outcomeNames[outcomes[position]!]!;
    const result: Mutable<StandardResult> = explain
      ? {
          id: standard.id,
          requirementId: standard.requirementId,
          aspectId: standard.aspectId,
          outcome,
          explanation: explained?.[position] ?? explanationOf(standard, values),
        }
      : { id: standard.id, requirementId: standard.requirementId, aspectId: standard.aspectId, outcome };
    const shown = standardEvidenceOf(evidence, position);
    if (shown !== undefined) result.evidence = shown;
    built[position] = result;
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
