import type { z } from 'zod';
import { type IssueOf, type Result, RubricError } from '../errors/rubric-error.js';
import { checkOptions } from '../reading/check-options.js';
import { findTooManyStandards, snapshotDocument } from '../reading/structure-depth.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { checkRuleSetSemantics } from './check-semantics.js';
import { builtInOperators, type OperatorDefinition, operatorTable } from './operators.js';
import type { RuleSetSchema } from './schema.js';
import { checkRuleSetShape } from './shape/rule-set-shape.js';
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
 * A rule set this function (or `extendRuleSet`, or a registry) returned is returned as it is, not
 * validated again, as long as the custom operators its conditions use are given again with the same
 * fact types and value kinds; so `compileRuleSet`, `evaluate`, `planRemediation` and `whatIf` validate a
 * plain document on every call but a defined rule set never.
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
export function safeDefineRuleSet(
  input: unknown,
  options?: DefineRuleSetOptions,
): Result<RuleSet, 'INVALID_RULE_SET' | 'INVALID_OPTIONS'> {
  let operators: ReturnType<typeof operatorTable>;
  try {
    operators = operatorTable(checkOptions(options).operators);
  } catch (error) {
    return { ok: false, error: error as RubricError<'INVALID_OPTIONS'> };
  }
  if (definedWithSameOperators(input, operators)) return { ok: true, value: input };
  const snapshot = snapshotDocument(input);
  if (!snapshot.ok) return invalid([snapshot.issue]);
  const tooMany = findTooManyStandards(snapshot.value);
  if (tooMany) return invalid([tooMany]);
  // The structure is checked by hand, not by zod, so that compiling and evaluating needs no schema
  // library; shape/rule-set-shape.test.ts holds the two to the same issues and the same parsed value.
  const parsed = checkRuleSetShape(snapshot.value);
  const issues: IssueOf<'INVALID_RULE_SET'>[] = parsed.issues;
  const semantics = checkRuleSetSemantics(snapshot.value, operators);
  issues.push(...semantics.issues);
  if (issues.length > 0) return invalid(issues);
  const { $schema: _schema, formatVersion, ...parts } = parsed.value as z.output<typeof RuleSetSchema>;
  // The semantic checks walked every condition already: they know whether it uses a version 2 feature.
  const ruleSet = { formatVersion: formatVersion ?? semantics.formatVersion, ...parts };
  // zod's output and RuleSet differ only in `readonly` and in `| undefined` on optional keys (zod's way of
  // writing them): rule-set/schema-types.test.ts pins that, field by field, so this cast cannot hide a drift.
  const defined = deepFreeze(ruleSet as RuleSet);
  definedRuleSets.set(defined, customOperatorsUsed(semantics.operatorsUsed));
  return { ok: true, value: defined };
}

/**
 * The rule sets this copy of the library validated and froze, each with the custom operators its
 * conditions use (name → what validation read of them): they never need validating again with those.
 */
const definedRuleSets = new WeakMap<object, ReadonlyMap<string, string>>();

/** What validation reads of an operator: the fact types it applies to and the value it takes. */
function operatorSignature(operator: OperatorDefinition): string {
  return JSON.stringify([operator.factTypes, operator.valueKind, operator.valueType ?? null]);
}

/** The custom operators among those the conditions use, by name, each with what validation read of it. */
function customOperatorsUsed(used: ReadonlySet<OperatorDefinition>): ReadonlyMap<string, string> {
  const custom = new Map<string, string>();
  for (const operator of used)
    if (!builtInOperators.includes(operator)) custom.set(operator.name, operatorSignature(operator));
  return custom;
}

/**
 * Whether `value` was defined already, and every custom operator it uses is in `operators` as validation
 * saw it: then validating it again would find nothing new.
 */
function definedWithSameOperators(
  value: unknown,
  operators: ReadonlyMap<string, OperatorDefinition>,
): value is RuleSet {
  const used = typeof value === 'object' && value !== null ? definedRuleSets.get(value) : undefined;
  if (used === undefined) return false;
  for (const [name, signature] of used) {
    const operator = operators.get(name);
    if (operator === undefined || operatorSignature(operator) !== signature) return false;
  }
  return true;
}

/**
 * Whether `value` is a rule set that {@link defineRuleSet} returned (validated with the operators it was
 * given, then frozen), so that functions which do not evaluate conditions — remediation, what-if — take it
 * as it is, custom operators included, instead of validating it again without them.
 */
export function isDefinedRuleSet(value: unknown): value is RuleSet {
  return typeof value === 'object' && value !== null && definedRuleSets.has(value);
}

function invalid(issues: IssueOf<'INVALID_RULE_SET'>[]): Result<RuleSet, 'INVALID_RULE_SET'> {
  return { ok: false, error: new RubricError('INVALID_RULE_SET', issues) };
}
