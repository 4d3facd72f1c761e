import { type IssueOf, RubricError } from '../errors/rubric-error.js';
import { evidenceRules } from '../evidence/evidence-rules.js';
import { unreadableIssue } from '../reading/structure-depth.js';
import { describeMismatch } from '../rule-set/check-semantics.js';
import type { FactDefinition, FactValue } from '../rule-set/types.js';
import { isAssessmentTimestamp, isPlainObject } from '../util/guards.js';
import { quote } from '../util/show-value.js';
import type { Assessment } from './schema.js';

/** What to do with an assessment fact that the rule set's catalog does not declare. */
export type UnknownFactPolicy = 'error' | 'ignore';

/** The fact catalog in the order the compiled evaluator indexes it. */
export interface FactIndex {
  readonly ids: readonly string[];
  readonly definitions: readonly FactDefinition[];
  readonly positionOf: ReadonlyMap<string, number>;
  /** Per fact, a check compiled for its type: why a value is not a valid answer, or undefined. */
  readonly validators: readonly ((value: unknown) => string | undefined)[];
  /**
   * Per fact, the check the fast reader inlines (see `FactCheck`): a typed array, so that reading an
   * assessment branches on a small integer rather than calling a closure per fact.
   */
  readonly checks: Uint8Array;
  /** Per fact, its inclusive bounds (±Infinity when the catalog gives none); numbers and integers only. */
  readonly lows: Float64Array;
  readonly highs: Float64Array;
  /** Per fact, the values an enum fact allows (an empty list for every other fact). */
  readonly allowed: readonly (readonly unknown[])[];
}

/**
 * How the fast reader checks a fact's value; `other` (dates) calls the fact's validator.
 *
 * @example
 * ```ts
 * index.checks[index.positionOf.get('cctvCoverage')!] === FactCheck.number;
 * ```
 */
export const FactCheck = { boolean: 0, string: 1, number: 2, integer: 3, enum: 4, other: 5 } as const;

function factCheckOf(definition: FactDefinition): number {
  switch (definition.type) {
    case 'boolean':
      return FactCheck.boolean;
    case 'string':
      return FactCheck.string;
    case 'number':
      return FactCheck.number;
    case 'integer':
      return FactCheck.integer;
    case 'enum':
      return FactCheck.enum;
    default:
      return FactCheck.other;
  }
}

/** An assessment checked against a fact catalog: its facts by catalog position, `undefined` where absent. */
export interface ReadAssessment {
  readonly assessment: Assessment;
  readonly values: readonly (FactValue | undefined)[];
}

export function indexFacts(facts: Readonly<Record<string, FactDefinition>>): FactIndex {
  const ids = Object.keys(facts);
  const definitions = ids.map((id) => facts[id]!);
  return {
    ids,
    definitions,
    positionOf: new Map(ids.map((id, position) => [id, position])),
    validators: definitions.map(validatorFor),
    checks: Uint8Array.from(definitions, factCheckOf),
    lows: Float64Array.from(definitions, (definition) => definition.min ?? Number.NEGATIVE_INFINITY),
    highs: Float64Array.from(definitions, (definition) => definition.max ?? Number.POSITIVE_INFINITY),
    allowed: definitions.map((definition) =>
      definition.type === 'enum' && Array.isArray(definition.values) ? definition.values : [],
    ),
  };
}

/** The common case decided by one `typeof`; the full check (and its message) only when that fails. */
function validatorFor(definition: FactDefinition): (value: unknown) => string | undefined {
  const full = (value: unknown) => describeFactValue(value, definition);
  const { type, min, max } = definition;
  if (type === 'boolean') return (value) => (typeof value === 'boolean' ? undefined : full(value));
  if (type === 'string') return (value) => (typeof value === 'string' ? undefined : full(value));
  if (type === 'number' || type === 'integer') {
    const low = min ?? Number.NEGATIVE_INFINITY;
    const high = max ?? Number.POSITIVE_INFINITY;
    const isInteger = type === 'integer';
    return (value) =>
      typeof value === 'number' &&
      value >= low &&
      value <= high &&
      Number.isFinite(value) &&
      (!isInteger || Number.isInteger(value))
        ? undefined
        : full(value);
  }
  return full;
}

/**
 * Validates an assessment document and reads its facts into catalog order. Keys are only ever looked up
 * in a Map, so hostile keys such as `__proto__` never reach a prototype.
 *
 * @throws {RubricError} `INVALID_ASSESSMENT` with one issue per wrong, out-of-range or unknown fact.
 */
export function readAssessment(
  input: unknown,
  index: FactIndex,
  unknownFacts: UnknownFactPolicy,
): ReadAssessment {
  // The assessment is read in place, not copied first (the evaluator's budget is a few microseconds);
  // a getter or Proxy trap that throws is found afterwards, on this rare path.
  try {
    return readAssessmentFields(input, index, unknownFacts);
  } catch (error) {
    if (RubricError.isInstance(error)) throw error;
    throw new RubricError('INVALID_ASSESSMENT', [unreadableIssue(input, error)], undefined, { cause: error });
  }
}

function readAssessmentFields(
  input: unknown,
  index: FactIndex,
  unknownFacts: UnknownFactPolicy,
): ReadAssessment {
  const issues = checkAssessmentEnvelope(input);
  if (!isPlainObject(input)) throw new RubricError('INVALID_ASSESSMENT', issues);
  const values: (FactValue | undefined)[] = new Array(index.ids.length).fill(undefined);
  const facts = input.facts;
  if (isPlainObject(facts)) {
    for (const factId of Object.keys(facts)) {
      const value = facts[factId];
      const position = index.positionOf.get(factId);
      if (position === undefined) {
        if (unknownFacts === 'error') {
          issues.push({
            path: ['facts', factId],
            message: `fact ${quote(factId)} is not in the rule set's fact catalog`,
            kind: 'unknown-fact',
          });
        }
        continue;
      }
      if (value === null || value === undefined) continue;
      const problem = index.validators[position]!(value);
      if (problem) issues.push({ path: ['facts', factId], message: problem, kind: 'invalid-fact' });
      else values[position] = value as FactValue;
    }
  }
  if (issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', issues);
  return { assessment: input as Assessment, values };
}

/**
 * Why `value` is not a valid answer to a fact of the catalog (wrong type, out of range, not one of the
 * enum's values, not a real date), or undefined when it is: the check `evaluate` applies to every fact.
 *
 * @example
 * ```ts
 * describeFactValue(1.5, { type: 'number', title: { zh: '监控覆盖率' }, min: 0, max: 1 }); // '1.5 is above the maximum 1'
 * ```
 */
export function describeFactValue(value: unknown, definition: FactDefinition): string | undefined {
  const mismatch = describeMismatch(value, definition.type, definition.values);
  if (mismatch) return mismatch;
  const number = value as number;
  if (definition.min !== undefined && number < definition.min)
    return `${number} is below the minimum ${definition.min}`;
  if (definition.max !== undefined && number > definition.max)
    return `${number} is above the maximum ${definition.max}`;
  return undefined;
}

const envelopeKeys = new Set(['$schema', 'id', 'ruleSet', 'community', 'facts', 'assessedAt', 'evidence']);

/** The evidence rules, made once: the envelope checks the shape of `evidence` with them. */
const evidence = evidenceRules();

/**
 * The assessment's own fields (id, ruleSet, community, facts as an object, assessedAt, the shape of
 * evidence, no others), as
 * AssessmentSchema describes them: the one check of them, for `evaluate`, both backends and the fact
 * resolvers. By hand, not by zod: it runs on every evaluation, whose budget is a few microseconds (see
 * bench/); a test holds it to AssessmentSchema. The facts' values are checked against a catalog apart.
 * No depth check: only top-level fields are read; `community` is never walked.
 *
 * @example
 * ```ts
 * checkAssessmentEnvelope({ id: 'a1', facts: {} }); // [{ path: ['community'], … }]
 * ```
 */
export function checkAssessmentEnvelope(input: unknown): IssueOf<'INVALID_ASSESSMENT'>[] {
  if (!isPlainObject(input))
    return [{ path: [], message: 'an assessment is a JSON object', kind: 'not-an-object' }];
  const issues: IssueOf<'INVALID_ASSESSMENT'>[] = [];
  const fail = (path: (string | number)[], message: string) =>
    issues.push({ path, message, kind: 'invalid-assessment' });
  if (typeof input.id !== 'string' || input.id === '')
    fail(['id'], 'an assessment has a non-empty string id');
  if (input.ruleSet !== undefined && typeof input.ruleSet !== 'string')
    fail(['ruleSet'], 'ruleSet is a rule-set id');
  if (input.$schema !== undefined && typeof input.$schema !== 'string')
    fail(['$schema'], '$schema is the path or URL of the JSON Schema, a string');
  if (!isPlainObject(input.community)) fail(['community'], 'community is an object with at least a name');
  else {
    if (typeof input.community.name !== 'string' || input.community.name.trim() === '')
      fail(['community', 'name'], 'the community has a name (not blank)');
    if (input.community.district !== undefined && typeof input.community.district !== 'string') {
      fail(['community', 'district'], 'district is a string');
    }
  }
  if (!isPlainObject(input.facts)) fail(['facts'], 'facts is an object of fact id to value');
  if (input.assessedAt !== undefined && !isAssessmentTimestamp(input.assessedAt)) {
    fail(
      ['assessedAt'],
      'assessedAt is a date (YYYY-MM-DD) or an ISO date-time with seconds and an offset, e.g. 2021-06-15T09:30:00+08:00',
    );
  }
  if (input.evidence !== undefined) issues.push(...evidence.shapeIssues(input.evidence));
  for (const key of Object.keys(input)) {
    if (!envelopeKeys.has(key))
      fail([key], `unknown field ${quote(key)} (fields: ${[...envelopeKeys].join(', ')})`);
  }
  return issues;
}
