import { type IssueOf, RubricError } from '../errors/rubric-error.js';
import { evidenceRules } from '../evidence/evidence-rules.js';
import { unreadableIssue } from '../reading/structure-depth.js';
import type { FactDefinition, FactValue } from '../rule-set/types.js';
import { assessmentFields } from '../runtime/assessment-fields.js';
import type { FactChecks } from '../runtime/fact-checks.js';
import { type FactValuesReader, factValuesReader } from '../runtime/read-fact-values.js';
import { valueChecks as checks } from '../util/show-value.js';
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
  /** The `evidence` field as read once and checked (undefined when none is cited): the value to decide on. */
  readonly evidence: unknown;
}

/**
 * The evidence rules, made once: the envelope checks the shape of `evidence` with them, and the evaluator
 * reads evidence against a rule set with them.
 *
 * @example
 * ```ts
 * assessmentEvidence.shapeIssues(assessment.evidence); // [] when well formed
 * ```
 */
export const assessmentEvidence = evidenceRules();
const fields = assessmentFields(checks, checks, RubricError, assessmentEvidence.shapeIssues);

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
    readFacts: factValuesReader(catalog, checks, checks),
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
  const values: (FactValue | undefined)[] = new Array(index.ids.length).fill(undefined);
  const { fields: assessment, evidence } = fields.readFields(input, values, index.readFacts, unknownFacts);
  return { assessment: assessment as unknown as Assessment, values, evidence };
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
export const checkAssessmentEnvelope: (input: unknown) => IssueOf<'INVALID_ASSESSMENT'>[] =
  fields.checkEnvelope;
