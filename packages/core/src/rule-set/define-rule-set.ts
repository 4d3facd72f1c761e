import { issuesFromZod } from '../errors/from-zod.js';
import { type Result, RubricError, type RubricIssue } from '../errors/rubric-error.js';
import { checkOptions } from '../util/check-options.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { safeParseDocument } from '../util/zod.js';
import { checkRuleSetSemantics } from './check-semantics.js';
import { formatVersionNeeded } from './format-version.js';
import { type OperatorDefinition, operatorTable } from './operators.js';
import { RuleSetSchema } from './schema.js';
import { findTooManyStandards, snapshotDocument } from './structure-depth.js';
import type { RuleSet } from './types.js';

/** Options of {@link defineRuleSet}. */
export interface DefineRuleSetOptions {
  /** Custom operators (from plugins) that conditions may use besides json-rules-engine's built-ins. */
  readonly operators?: readonly OperatorDefinition[];
}

/**
 * Validates a rule-set document and returns it normalised (defaults filled in) and deep-frozen.
 * Reports every problem at once: the document's shape (zod) and its references — unknown operators,
 * undeclared facts, values that do not fit their fact, duplicate ids, empty requirements, points mode
 * without points, absurd nesting; references to shared conditions that name none, cycles between shared
 * conditions, shared conditions nothing refers to (an error: defineRuleSet has no warnings), and format
 * version 2 features in a document that declares version 1. A document without `formatVersion` gets the
 * lowest version that expresses it.
 *
 * @throws {RubricError} code `INVALID_RULE_SET`, one issue per problem, each with its JSON path.
 * @example
 * ```ts
 * const ruleSet = defineRuleSet(JSON.parse(await readFile('rule-set.json', 'utf8')));
 * ```
 */
export function defineRuleSet(input: unknown, options?: DefineRuleSetOptions): RuleSet {
  const result = safeDefineRuleSet(input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * {@link defineRuleSet} for untrusted input: returns `{ ok: true, value }` or `{ ok: false, error }`
 * instead of throwing.
 *
 * @example
 * ```ts
 * const result = safeDefineRuleSet(untrusted);
 * if (!result.ok) return response.status(400).json(result.error.issues);
 * ```
 */
export function safeDefineRuleSet(input: unknown, options?: DefineRuleSetOptions): Result<RuleSet> {
  let operators: ReturnType<typeof operatorTable>;
  try {
    operators = operatorTable(checkOptions(options).operators);
  } catch (error) {
    return { ok: false, error: error as RubricError };
  }
  const snapshot = snapshotDocument(input);
  if (!snapshot.ok) return invalid([snapshot.issue]);
  const tooMany = findTooManyStandards(snapshot.value);
  if (tooMany) return invalid([tooMany]);
  const parsed = safeParseDocument(RuleSetSchema, snapshot.value);
  const issues: RubricIssue[] = parsed.success ? [] : issuesFromZod(parsed.error);
  issues.push(...checkRuleSetSemantics(snapshot.value, operators));
  if (!parsed.success || issues.length > 0) return invalid(issues);
  const { $schema: _schema, formatVersion, ...parts } = parsed.data;
  const ruleSet = { formatVersion: formatVersion ?? formatVersionNeeded(parts), ...parts };
  const defined = deepFreeze(ruleSet as RuleSet);
  definedRuleSets.add(defined);
  return { ok: true, value: defined };
}

/** The rule sets this copy of the library validated and froze: they never need validating again. */
const definedRuleSets = new WeakSet<object>();

/**
 * Whether `value` is a rule set that {@link defineRuleSet} returned (validated with the operators it was
 * given, then frozen), so that functions which do not evaluate conditions — remediation, what-if — take it
 * as it is, custom operators included, instead of validating it again without them.
 */
export function isDefinedRuleSet(value: unknown): value is RuleSet {
  return typeof value === 'object' && value !== null && definedRuleSets.has(value);
}

function invalid(issues: RubricIssue[]): Result<RuleSet> {
  return { ok: false, error: new RubricError('INVALID_RULE_SET', issues) };
}
