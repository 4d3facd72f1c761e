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
  /** The shape check of `evidence` (the evidence rules' `shapeIssues`). */
  evidenceIssues: (
    evidence: unknown,
  ) => readonly { path: (string | number)[]; message: string; kind: string }[] = () => [],
) {
  type Issue = { path: (string | number)[]; message: string; kind: string };
  const positionOf = new Map(facts.map((fact, position) => [fact.id, position]));
  const envelopeKeys = ['$schema', 'id', 'ruleSet', 'community', 'facts', 'assessedAt', 'evidence'];
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
    // The proleptic Gregorian calendar, as Date has it: no Date made per fact.
    const february = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    const length = month === 2 ? february : 30 + ((month + (month > 7 ? 1 : 0)) % 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= length;
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
    if (input.evidence !== undefined) issues.push(...evidenceIssues(input.evidence));
    for (const key of Object.keys(input))
      if (!envelopeKeys.includes(key))
        fail([key], `unknown field ${quote(key)} (fields: ${envelopeKeys.join(', ')})`);
  };
  const ids = facts.map((fact) => fact.id);
  // 0 boolean, 1 string, 2 number, 3 integer; -1: the full check (dates, enums, bounds on other types).
  const checks = facts.map(({ type, min, max }) =>
    min === undefined && max === undefined
      ? ['boolean', 'string', 'number', 'integer'].indexOf(type)
      : type === 'number'
        ? 2
        : type === 'integer'
          ? 3
          : -1,
  );
  const lows = facts.map((fact) => fact.min ?? Number.NEGATIVE_INFINITY);
  const highs = facts.map((fact) => fact.max ?? Number.POSITIVE_INFINITY);
  // Whether for-in sees only own keys: no prototype on the chain has an enumerable key.
  const ownKeysOnly = (object: object): boolean => {
    const prototype = Object.getPrototypeOf(object);
    if (prototype === null) return true;
    if (prototype !== Object.prototype) return false;
    for (const _key in prototype) return false;
    return true;
  };
  const readFields = (input: unknown) => {
    if (!isPlainObject(input))
      throw new RubricError('INVALID_ASSESSMENT', [
        { path: [], message: 'an assessment is a JSON object', kind: 'not-an-object' },
      ]);
    const issues: Issue[] = [];
    checkEnvelope(input, issues);
    const values: (FactValue | undefined)[] = new Array(facts.length);
    const answers = input.facts;
    if (isPlainObject(answers)) {
      // for-in rather than Object.keys: V8 then reads each value by its field index, where a keyed load
      // over Object.keys is megamorphic (several times slower). Filtered to own keys where a prototype
      // could add any, it lists Object.keys' keys in the same order.
      const ownOnly = ownKeysOnly(answers);
      // Assessments usually list facts in catalog order: the next slot is tried before the Map.
      let next = 0;
      for (const factId in answers) {
        if (!ownOnly && !Object.hasOwn(answers, factId)) continue;
        const value = answers[factId];
        const position = ids[next] === factId ? next : positionOf.get(factId);
        if (position === undefined) {
          if (unknownFacts === 'error')
            issues.push({
              path: ['facts', factId],
              message: `fact ${quote(factId)} is not in the rule set's fact catalog`,
              kind: 'unknown-fact',
            });
          continue;
        }
        next = position + 1;
        if (value === null || value === undefined) continue;
        const check = checks[position]!;
        // The common types checked inline; anything they do not accept is judged by describeFactValue.
        const accepted =
          check === 0
            ? typeof value === 'boolean'
            : check === 1
              ? typeof value === 'string'
              : check > 1 &&
                typeof value === 'number' &&
                value >= lows[position]! &&
                value <= highs[position]! &&
                (check === 3 ? Number.isInteger(value) : Number.isFinite(value));
        const problem = accepted ? undefined : describeFactValue(value, facts[position]!);
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
