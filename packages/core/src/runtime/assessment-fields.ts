import type { FactChecks } from './fact-checks.js';
import type { FactIssue, FactValuesReader } from './read-fact-values.js';
import type { ValueWords } from './value-words.js';

/** An issue of an assessment's own fields. */
export interface EnvelopeIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly kind: 'not-an-object' | 'invalid-assessment';
}

/** The error class a reader throws (core's `RubricError`, or the standalone module's), with its issues. */
export type AssessmentErrorClass<Issue> = new (code: 'INVALID_ASSESSMENT', issues: Issue[]) => Error;

/**
 * The checks of an assessment's own fields (id, ruleSet, community, facts as an object, assessedAt, the
 * shape of evidence by `evidenceIssues`, no others), as AssessmentSchema describes them, and the reading of a whole assessment: the one check of
 * them, for core's evaluator, both backends, the fact resolvers and the standalone module (self-contained,
 * see `value-words.ts`). By hand, not by zod: it runs on every evaluation, whose budget is a few
 * microseconds. Only top-level fields are read; `community` is never walked.
 *
 * `checkEnvelope` lists the envelope's issues. `readFields` checks the envelope and reads the facts into
 * `values` with `readFacts`, and throws `INVALID_ASSESSMENT` with every issue of both; it may throw what a
 * getter or Proxy trap throws. Each field is read once: `readFields` returns the `evidence` whose shape it
 * checked, the value to decide on (a getter answering otherwise on another read changes nothing).
 *
 * @example
 * ```ts
 * const checks = factChecks(valueWords(60));
 * const { checkEnvelope, readFields } = assessmentFields(checks, checks, RubricError, evidenceRules().shapeIssues);
 * checkEnvelope({ id: 'a1', facts: {} }); // [{ path: ['community'], … }]
 * readFields(input, new Array(facts.length), readFacts, 'error'); // { fields: the input, evidence }, checked
 * ```
 */
export function assessmentFields<
  EvidenceIssue extends {
    readonly path: (string | number)[];
    readonly message: string;
    readonly kind: string;
  },
>(
  { quote }: Pick<ValueWords, 'quote'>,
  { isAssessmentTimestamp }: Pick<FactChecks, 'isAssessmentTimestamp'>,
  RubricError: AssessmentErrorClass<EnvelopeIssue | EvidenceIssue | FactIssue>,
  evidenceIssues: (evidence: unknown) => readonly EvidenceIssue[],
) {
  type Issue = EnvelopeIssue | EvidenceIssue;
  const envelopeKeys = ['$schema', 'id', 'ruleSet', 'community', 'facts', 'assessedAt', 'evidence'];
  const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  /** The envelope's issues, and the `evidence` they were found in (read once). */
  const envelopeOf = (input: unknown): { issues: Issue[]; evidence: unknown } => {
    if (!isPlainObject(input))
      return {
        issues: [{ path: [], message: 'an assessment is a JSON object', kind: 'not-an-object' }],
        evidence: undefined,
      };
    const issues: Issue[] = [];
    const fail = (path: (string | number)[], message: string) =>
      issues.push({ path, message, kind: 'invalid-assessment' });
    if (typeof input.id !== 'string' || input.id === '')
      fail(['id'], 'an assessment has a non-empty string id');
    if (input.ruleSet !== undefined && typeof input.ruleSet !== 'string')
      fail(['ruleSet'], 'ruleSet is a rule-set id');
    if (input.$schema !== undefined && typeof input.$schema !== 'string')
      fail(['$schema'], '$schema is the path or URL of the JSON Schema, a string');
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
    const evidence = input.evidence;
    if (evidence !== undefined) issues.push(...evidenceIssues(evidence));
    for (const key of Object.keys(input))
      if (!envelopeKeys.includes(key))
        fail([key], `unknown field ${quote(key)} (fields: ${envelopeKeys.join(', ')})`);
    return { issues, evidence };
  };
  const checkEnvelope = (input: unknown): Issue[] => envelopeOf(input).issues;
  const readFields = (
    input: unknown,
    values: unknown[],
    readFacts: FactValuesReader,
    unknownFacts: 'error' | 'ignore' | undefined,
  ): { fields: Record<string, unknown>; evidence: unknown } => {
    const envelope = envelopeOf(input);
    const issues: (Issue | FactIssue)[] = envelope.issues;
    if (!isPlainObject(input)) throw new RubricError('INVALID_ASSESSMENT', issues);
    if (isPlainObject(input.facts)) readFacts(input.facts, values, issues, unknownFacts);
    if (issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', issues);
    return { fields: input, evidence: envelope.evidence };
  };
  return { checkEnvelope, readFields };
}

/** The functions {@link assessmentFields} makes. */
export type AssessmentFields = ReturnType<typeof assessmentFields>;
