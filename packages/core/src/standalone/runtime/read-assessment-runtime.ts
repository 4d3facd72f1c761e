import type { FactValue } from '../../rule-set/types.js';
import type { FactChecks } from '../../runtime/fact-checks.js';
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
 * const read = assessmentReader(facts, 'error', standaloneErrorClass(), words, checks, factValuesReader(facts, words, checks));
 * const { assessmentId, values } = read(JSON.parse(body));
 * ```
 */
export function assessmentReader(
  facts: readonly StandaloneFact[],
  unknownFacts: 'error' | 'ignore',
  RubricError: StandaloneErrorClass,
  { quote, describeThrown }: Pick<ValueWords, 'quote' | 'describeThrown'>,
  { isAssessmentTimestamp }: Pick<FactChecks, 'isAssessmentTimestamp'>,
  readFacts: FactValuesReader,
) {
  type Issue = { path: (string | number)[]; message: string; kind: string };
  const envelopeKeys = ['$schema', 'id', 'ruleSet', 'community', 'facts', 'assessedAt'];
  const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const checkEnvelope = (input: Record<string, unknown>, issues: Issue[]): void => {
    const fail = (path: (string | number)[], message: string) =>
      issues.push({ path, message, kind: 'invalid-assessment' });
    if (typeof input.id !== 'string' || input.id === '')
      fail(['id'], 'an assessment has a non-empty string id');
    if (input.ruleSet !== undefined && typeof input.ruleSet !== 'string')
      fail(['ruleSet'], 'ruleSet is a rule-set id');
    const community = input.community;
    if (!isPlainObject(community)) fail(['community'], 'community is an object with at least a name');
    else {
      if (typeof community.name !== 'string' || community.name.trim() === '')
        fail(['community', 'name'], 'the community has a name (not blank)');
      if (community.district !== undefined && typeof community.district !== 'string')
        fail(['community', 'district'], 'district is a string');
    }
    if (!isPlainObject(input.facts)) fail(['facts'], 'facts is an object of fact id to value');
    if (input.assessedAt !== undefined && !isAssessmentTimestamp(input.assessedAt))
      fail(
        ['assessedAt'],
        'assessedAt is a date (YYYY-MM-DD) or an ISO date-time with seconds and an offset, e.g. 2021-06-15T09:30:00+08:00',
      );
    for (const key of Object.keys(input))
      if (!envelopeKeys.includes(key))
        fail([key], `unknown field ${quote(key)} (fields: ${envelopeKeys.join(', ')})`);
  };
  const readFields = (input: unknown) => {
    if (!isPlainObject(input))
      throw new RubricError('INVALID_ASSESSMENT', [
        { path: [], message: 'an assessment is a JSON object', kind: 'not-an-object' },
      ]);
    const issues: Issue[] = [];
    checkEnvelope(input, issues);
    const values: (FactValue | undefined)[] = new Array(facts.length);
    if (isPlainObject(input.facts)) readFacts(input.facts, values, issues, unknownFacts);
    if (issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', issues);
    return { assessmentId: input.id as string, values };
  };
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
      return readFields(input);
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
