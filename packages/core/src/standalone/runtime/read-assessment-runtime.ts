import type { FactValue } from '../../rule-set/types.js';
import type { StandaloneErrorClass } from './rubric-error-runtime.js';
import type { StandaloneFact } from './types.js';

/**
 * The standalone module's assessment check: the envelope and every fact against the catalog, with the
 * codes, paths, kinds and messages of core's `readAssessment`. Self-contained: the generator embeds its
 * source text in the module.
 *
 * @example
 * ```ts
 * const read = assessmentReader(facts, 'error', standaloneErrorClass());
 * const { assessmentId, values } = read(JSON.parse(body));
 * ```
 */
export function assessmentReader(
  facts: readonly StandaloneFact[],
  unknownFacts: 'error' | 'ignore',
  RubricError: StandaloneErrorClass,
) {
  type Issue = { path: (string | number)[]; message: string; kind: string };
  const positionOf = new Map(facts.map((fact, position) => [fact.id, position]));
  const envelopeKeys = ['$schema', 'id', 'ruleSet', 'community', 'facts', 'assessedAt'];
  const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const quote = (text: string): string => {
    if (text.length <= 60) return JSON.stringify(text);
    const code = text.charCodeAt(59);
    const end = code >= 0xd800 && code <= 0xdbff ? 59 : 60;
    return `${JSON.stringify(`${text.slice(0, end)}…`)} (${text.length} characters)`;
  };
  const showValue = (value: unknown): string => {
    switch (typeof value) {
      case 'number':
      case 'boolean':
        return String(value);
      case 'string':
        return quote(value);
      case 'undefined':
        return 'nothing';
      case 'bigint':
        return 'a BigInt';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
    }
    if (value === null) return 'null';
    if (!Array.isArray(value)) return 'an object';
    const scalars =
      value.length <= 5 &&
      value.every(
        (item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean',
      );
    return scalars ? `[${value.map(showValue).join(', ')}]` : `a list of ${value.length}`;
  };
  const isIsoDate = (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  };
  const isTimestamp = (value: unknown): boolean => {
    if (isIsoDate(value)) return true;
    if (typeof value !== 'string') return false;
    const match =
      /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(
        value,
      );
    return match !== null && isIsoDate(match[1]);
  };
  const mismatch = (value: unknown, fact: StandaloneFact): string | undefined => {
    switch (fact.type) {
      case 'boolean':
        return typeof value === 'boolean' ? undefined : `expected true or false, got ${showValue(value)}`;
      case 'integer':
        return Number.isInteger(value) ? undefined : `expected an integer, got ${showValue(value)}`;
      case 'number':
        return typeof value === 'number' && Number.isFinite(value)
          ? undefined
          : `expected a finite number, got ${showValue(value)}`;
      case 'string':
        return typeof value === 'string' ? undefined : `expected a string, got ${showValue(value)}`;
      case 'date':
        return isIsoDate(value) ? undefined : `expected a date as YYYY-MM-DD, got ${showValue(value)}`;
      case 'enum': {
        const allowed = fact.values;
        return Array.isArray(allowed) && allowed.includes(value as FactValue)
          ? undefined
          : `expected one of ${Array.isArray(allowed) ? allowed.map(showValue).join(', ') : '(no values)'}, got ${showValue(value)}`;
      }
    }
  };
  const describeFactValue = (value: unknown, fact: StandaloneFact): string | undefined => {
    const problem = mismatch(value, fact);
    if (problem) return problem;
    const number = value as number;
    if (fact.min !== undefined && number < fact.min) return `${number} is below the minimum ${fact.min}`;
    if (fact.max !== undefined && number > fact.max) return `${number} is above the maximum ${fact.max}`;
    return undefined;
  };
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
    if (input.assessedAt !== undefined && !isTimestamp(input.assessedAt))
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
    const values: (FactValue | undefined)[] = new Array(facts.length).fill(undefined);
    const answers = input.facts;
    if (isPlainObject(answers)) {
      for (const factId of Object.keys(answers)) {
        const value = answers[factId];
        const position = positionOf.get(factId);
        if (position === undefined) {
          if (unknownFacts === 'error')
            issues.push({
              path: ['facts', factId],
              message: `fact ${quote(factId)} is not in the rule set's fact catalog`,
              kind: 'unknown-fact',
            });
          continue;
        }
        if (value === null || value === undefined) continue;
        const problem = describeFactValue(value, facts[position]!);
        if (problem) issues.push({ path: ['facts', factId], message: problem, kind: 'invalid-fact' });
        else values[position] = value as FactValue;
      }
    }
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
  const describeThrown = (error: unknown): string => {
    try {
      const clip = (text: string) => {
        if (text.length <= 120) return text;
        const code = text.charCodeAt(119);
        const end = code >= 0xd800 && code <= 0xdbff ? 119 : 120;
        return `${text.slice(0, end)}… (${text.length} characters)`;
      };
      if (error instanceof Error) return clip(`${String(error.name)}: ${String(error.message)}`);
      if (typeof error === 'string') return clip(error);
      return showValue(error);
    } catch {
      return 'an exception that cannot be described';
    }
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
