import { type IssueOf, RubricError } from '../errors/rubric-error.js';
import { unreadableIssue } from '../reading/structure-depth.js';
import type { FactDefinition, FactValue } from '../rule-set/types.js';
import { type FactChecks, factChecks } from '../runtime/fact-checks.js';
import { type FactValuesReader, factValuesReader } from '../runtime/read-fact-values.js';
import { isAssessmentTimestamp, isPlainObject } from '../util/guards.js';
import { quote, showValue } from '../util/show-value.js';
import type { Assessment } from './schema.js';

/** What to do with an assessment fact that the rule set's catalog does not declare. */
export type UnknownFactPolicy = 'error' | 'ignore';

/** The fact catalog in the order the compiled evaluator indexes it. */
export interface FactIndex {
  readonly ids: readonly string[];
  readonly definitions: readonly FactDefinition[];
  readonly positionOf: ReadonlyMap<string, number>;
  /**
   * Reads an assessment's `facts` object into catalog slots, with an issue per unknown or wrong fact: the
   * runtime's reader (the standalone module's too), over this catalog.
   */
  readonly readFacts: FactValuesReader;
}

/** An assessment checked against a fact catalog: its facts by catalog position, `undefined` where absent. */
export interface ReadAssessment {
  readonly assessment: Assessment;
  readonly values: readonly (FactValue | undefined)[];
}

const checks = factChecks({ showValue });

/**
 * The fact catalog indexed for reading assessments: ids and definitions in catalog order, and the readers.
 *
 * @example
 * ```ts
 * const index = indexFacts(ruleSet.facts);
 * index.positionOf.get('occupied'); // 0
 * ```
 */
export function indexFacts(facts: Readonly<Record<string, FactDefinition>>): FactIndex {
  const ids = Object.keys(facts);
  const definitions = ids.map((id) => facts[id]!);
  const catalog = ids.map((id, position) => ({ ...definitions[position]!, id }));
  return {
    ids,
    definitions,
    positionOf: new Map(ids.map((id, position) => [id, position])),
    readFacts: factValuesReader(catalog, { quote }, checks),
  };
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
  if (isPlainObject(input.facts)) index.readFacts(input.facts, values, issues, unknownFacts);
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
export const describeFactValue: FactChecks['describeFactValue'] = checks.describeFactValue;

const envelopeKeys = new Set(['$schema', 'id', 'ruleSet', 'community', 'facts', 'assessedAt']);

/**
 * The assessment's own fields (id, ruleSet, community, facts as an object, assessedAt, no others), as
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
  for (const key of Object.keys(input)) {
    if (!envelopeKeys.has(key))
      fail([key], `unknown field ${quote(key)} (fields: ${[...envelopeKeys].join(', ')})`);
  }
  return issues;
}
