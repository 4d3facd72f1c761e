import type { FactValue } from '../../rule-set/types.js';
import type { AssessmentFields } from '../../runtime/assessment-fields.js';
import type { FactValuesReader } from '../../runtime/read-fact-values.js';
import type { ValueWords } from '../../runtime/value-words.js';
import type { StandaloneErrorClass } from './rubric-error-runtime.js';
import type { StandaloneFact } from './types.js';

/**
 * The standalone module's assessment check: the envelope and every fact against the catalog, with the
 * codes, paths, kinds and messages of core's `readAssessment`. Self-contained: the generator embeds its
 * source text in the module.
 *
 * @example
 * ```ts
 * const words = valueWords(60);
 * const checks = factChecks(words);
 * const read = assessmentReader(facts, 'error', RubricError, words, assessmentFields(words, checks, RubricError), factValuesReader(facts, words, checks));
 * const { assessmentId, values } = read(JSON.parse(body));
 * ```
 */
export function assessmentReader(
  facts: readonly StandaloneFact[],
  unknownFacts: 'error' | 'ignore' | undefined,
  RubricError: StandaloneErrorClass,
  { describeThrown }: Pick<ValueWords, 'describeThrown'>,
  { readFields }: Pick<AssessmentFields, 'readFields'>,
  readFacts: FactValuesReader,
) {
  // Where reading the input throws (a getter, a Proxy trap), in the order core's document snapshot reads
  // it: depth first, keys in order, only plain objects and lists entered.
  const findUnreadable = (
    value: unknown,
    path: (string | number)[],
    seen: Set<object>,
  ): { path: (string | number)[]; error: unknown } | undefined => {
    if (typeof value !== 'object' || value === null || seen.has(value) || path.length > 1000)
      return undefined;
    seen.add(value);
    let children: [string | number, unknown][];
    try {
      const isList = Array.isArray(value);
      const prototype = isList ? Array.prototype : Object.getPrototypeOf(value);
      if (!isList && prototype !== Object.prototype && prototype !== null) return undefined;
      const keys: (string | number)[] = isList ? [...(value as unknown[]).keys()] : Object.keys(value);
      children = [];
      for (const key of keys) {
        try {
          children.push([key, (value as Record<string | number, unknown>)[key]]);
        } catch (error) {
          return { path: [...path, key], error };
        }
      }
    } catch (error) {
      return { path, error };
    }
    for (const [key, child] of children) {
      const found = findUnreadable(child, [...path, key], seen);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return (input: unknown) => {
    try {
      const values: (FactValue | undefined)[] = new Array(facts.length);
      return { assessmentId: readFields(input, values, readFacts, unknownFacts).id as string, values };
    } catch (error) {
      if (RubricError.isInstance(error)) throw error;
      let found: { path: (string | number)[]; error: unknown } | undefined;
      try {
        found = findUnreadable(input, [], new Set());
      } catch {}
      throw new RubricError('INVALID_ASSESSMENT', [
        {
          path: found?.path ?? [],
          message: `this value could not be read: reading it threw ${describeThrown(found?.error ?? error)}`,
          kind: 'unreadable',
        },
      ]);
    }
  };
}
