import type { FactValue } from '../../rule-set/types.js';
import type { AssessmentFields } from '../../runtime/assessment-fields.js';
import type { FactValuesReader } from '../../runtime/read-fact-values.js';
import type { ValueWords } from '../../runtime/value-words.js';
import type { StandaloneErrorClass } from './rubric-error-runtime.js';
import type { StandaloneFact } from './types.js';

/** Where reading a document threw. */
export interface UnreadableIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly kind: 'unreadable';
}

/**
 * A list or object met while reading (or the document itself): its value, its key, and its parent's entry
 * (none for the document itself).
 */
type Entry = readonly [unknown, (string | number)?, Entry?];

/**
 * The standalone module's assessment check: the envelope and every fact against the catalog, with the
 * codes, paths, kinds and messages of core's `readAssessment`. `read` reads an assessment, its `evidence`
 * once (the value to decide on, its shape checked, as core's evaluator reads it); an assessment whose
 * reading throws (a getter, a Proxy trap) is unreadable where core says it is, found by `unreadableAt`,
 * else at the root.
 *
 * `unreadableAt` finds what core's document snapshot finds: the first getter or Proxy trap that throws,
 * depth first, keys in order, only plain objects and lists entered, each once; and it gives up where core's
 * does, at a list or object of more than `maxEntries` entries or past `maxNodes` objects, so that its work
 * is bounded: a list of 2³² − 1 empty slots is given up on by its length, never walked. (Core also refuses
 * options deeper or larger than a document is; the module reads them.) Self-contained: the generator
 * embeds its source text in the module.
 *
 * @example
 * ```ts
 * const checks = factChecks(valueWords(60));
 * const { read } = assessmentReader(facts, 'error', RubricError, checks, assessmentFields(checks, checks, RubricError, evidenceRules.shapeIssues), factValuesReader(facts, checks, checks), 10_000, 200_000);
 * const { assessmentId, values, evidence } = read(JSON.parse(body));
 * ```
 */
export function assessmentReader(
  facts: readonly StandaloneFact[],
  unknownFacts: 'error' | 'ignore' | undefined,
  RubricError: StandaloneErrorClass,
  { describeThrown }: Pick<ValueWords, 'describeThrown'>,
  { readFields }: Pick<AssessmentFields, 'readFields'>,
  readFacts: FactValuesReader,
  maxEntries: number,
  maxNodes: number,
) {
  const unreadable = (entry: Entry, error: unknown): UnreadableIssue => {
    const path: (string | number)[] = [];
    for (let at = entry; at[2]; at = at[2]) path.push(at[1]!);
    return {
      path: path.reverse(),
      message: `this value could not be read: reading it threw ${describeThrown(error)}`,
      kind: 'unreadable',
    };
  };
  const unreadableAt = (document: unknown): UnreadableIssue | undefined => {
    // Objects met, as core's snapshot counts them: the lists and plain objects read and the others passed by.
    const seen = new Set<unknown>();
    const pending: Entry[] = [[document]];
    while (pending.length > 0) {
      const entry = pending.pop()!;
      const [value] = entry;
      if (seen.has(value)) continue;
      // The key being read, once the entries are: where a throw is, below this entry.
      let key: string | number | undefined;
      try {
        const isList = Array.isArray(value);
        const prototype = isList ? Array.prototype : Object.getPrototypeOf(value);
        if (!isList && prototype !== Object.prototype && prototype !== null) {
          seen.add(value);
          continue;
        }
        if (seen.size >= maxNodes) return;
        const keys = isList ? [] : Object.keys(value as object);
        const size = isList ? (value as unknown[]).length : keys.length;
        if (size > maxEntries) return;
        seen.add(value);
        const children: Entry[] = [];
        for (let index = 0; index < size; index++) {
          key = isList ? index : keys[index]!;
          const child = (value as Record<string | number, unknown>)[key];
          if (typeof child === 'object' && child !== null) children.push([child, key, entry]);
        }
        pending.push(...children.reverse());
      } catch (error) {
        return unreadable(key === undefined ? entry : [undefined, key, entry], error);
      }
    }
  };
  const read = (input: unknown) => {
    try {
      const values: (FactValue | undefined)[] = new Array(facts.length);
      // `evidence` as the envelope's check read it once and checked it: the value to decide on.
      const { fields: assessment, evidence } = readFields(input, values, readFacts, unknownFacts);
      return { assessmentId: assessment.id as string, values, evidence };
    } catch (error) {
      if (RubricError.isInstance(error)) throw error;
      throw new RubricError('INVALID_ASSESSMENT', [unreadableAt(input) ?? unreadable([input], error)]);
    }
  };
  return { read, unreadableAt };
}
