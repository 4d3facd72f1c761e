import type { RubricErrorCode } from './error-codes.js';

/**
 * zod's issue codes, which the library passes on as the `kind` of a document's shape problems (a missing or
 * wrongly typed field, an unknown key, a value out of range…).
 */
const shapeKinds = {
  invalid_type: 'a field is missing or has the wrong type',
  too_big: 'a number, string or list is above its maximum',
  too_small: 'a number, string or list is below its minimum (an empty list where one item is needed)',
  invalid_format: 'a string breaks its pattern (an id, a version, a date)',
  not_multiple_of: 'a number is not a multiple of its step',
  unrecognized_keys: 'an object has a key the format does not know',
  invalid_union: 'a value matches none of the forms allowed there',
  invalid_key: 'a key of a map breaks its pattern (a fact id)',
  invalid_element: 'an element of a map or set is invalid',
  invalid_value: 'a value is not one of the values allowed there',
  custom: 'a document-specific check of the shape failed',
} as const;

/** Problems found while reading a document into plain data, before its shape is checked. */
const readingKinds = {
  'too-deep': 'the document, or a condition, is nested deeper than the limit',
  'too-large': 'the document has more keys, items or characters than the limit',
  unreadable: 'a getter or Proxy trap threw while the document was read',
} as const;

/**
 * A kind of a document's shape problem: zod's issue code.
 *
 * @example
 * ```ts
 * const kind: ShapeKind = 'unrecognized_keys';
 * ```
 */
export type ShapeKind = keyof typeof shapeKinds;

/**
 * A kind of a problem found while reading a document into plain data.
 *
 * @example
 * ```ts
 * const kind: ReadingKind = 'too-deep';
 * ```
 */
export type ReadingKind = keyof typeof readingKinds;

const ruleSetKinds = {
  ...shapeKinds,
  ...readingKinds,
  'undeclared-fact': 'a condition reads a fact the catalog does not declare',
  'unknown-operator': 'an operator that is neither built in nor given as a custom operator',
  'operator-type-mismatch': "the operator does not apply to the fact's type",
  'value-type-mismatch': "a condition's value does not fit the operator or the fact",
  'self-comparison': 'a leaf compares a fact with itself',
  'path-unsupported': 'a leaf has `path`, which format version 1 does not support',
  'reserved-name': 'a fact id `__proto__`, `constructor` or `prototype`',
  'enum-without-values': 'an `enum` fact without `values`',
  'values-on-non-enum': '`values` on a fact that is not `enum`',
  'bound-on-non-number': '`min` or `max` on a fact that is not `integer` or `number`',
  'empty-range': "a fact's `min` above its `max`, or `effective.until` before `effective.from`",
  'duplicate-id': 'an aspect, requirement or standard id used twice',
  empty: 'an aspect without requirements, or a requirement without standards',
  'points-missing': '`points` mode with standards that have no `points`',
  'unreachable-pass-mark': "`passMark` above the sum of all standards' points",
  'unreachable-aspect-minimum': "an aspect minimum above the sum of that aspect's points",
  'points-precision': 'points, a pass mark or an aspect minimum with more than 6 decimal places',
  'points-too-large': 'points that add up to more than 1,000,000, beyond what the evaluator counts exactly',
  'unknown-aspect': 'an `aspectMinimums` key that is no aspect id',
  'drafted-value-not-in-condition':
    "a `drafted` entry names a value that no leaf of the standard's conditions compares",
  'unknown-condition': '`{ condition: name }` names no shared condition of the rule set',
  'condition-cycle': 'shared conditions that refer to each other in a cycle',
  'unused-condition': 'a shared condition that no condition of the rule set refers to',
  'shared-condition-leaf':
    'a shared condition whose root is a leaf (json-rules-engine needs all, any, not or a reference)',
  'format-version': '`formatVersion: 1` on a document that uses a format version 2 feature',
} as const;

const pluginKinds = {
  ...ruleSetKinds,
  'not-an-object': 'the plugin is not an object',
  'invalid-name': 'a plugin without a non-empty name',
  'unsupported-api-version': 'an `apiVersion` other than 1',
  'invalid-type': 'a field of the plugin has the wrong type',
  'unknown-field': 'a field the plugin format does not know',
  'invalid-operator': 'an operator that is not an OperatorDefinition',
  'shadows-built-in': "an operator takes a built-in operator's name",
  'duplicate-operator': 'an operator defined twice',
  'invalid-fact-resolver': 'a fact resolver that is not `{ fact, resolve }`',
  'duplicate-fact-resolver': 'two resolvers for the same fact',
  'duplicate-rule-set': 'a rule set listed twice',
  'unknown-department': "a city unit for a department id that the rule set's standards do not name",
} as const;

/**
 * Every `kind` an issue can have, by the code of the error that carries it, each with what it means. One
 * table for the whole library: `RubricIssue`'s `kind` is typed from it, per code, so a kind that is not
 * listed here does not compile.
 *
 * @example
 * ```ts
 * if (RubricError.isInstance(error) && error.code === 'INVALID_RULE_SET') {
 *   for (const issue of error.issues) console.log(issue.kind, issueKinds.INVALID_RULE_SET[issue.kind!]);
 * }
 * ```
 */
export const issueKinds = {
  INVALID_RULE_SET: ruleSetKinds,
  INVALID_ASSESSMENT: {
    ...shapeKinds,
    ...readingKinds,
    'not-an-object': 'the assessment is not a JSON object',
    'invalid-assessment': "the assessment's own fields (id, community, facts, assessedAt) are wrong",
    'unknown-fact': "a fact the rule set's catalog does not declare",
    'invalid-fact': 'a fact value of the wrong type, out of range, or not one of its values',
    'invalid-evidence':
      'evidence that is not an object of standard id to a list of { kind, name, hash?, date?, note? } (blank kind or name, malformed hash or date, unknown field)',
    'unknown-standard': 'evidence for a standard the rule set does not have',
  },
  INVALID_OPTIONS: {
    ...shapeKinds,
    ...readingKinds,
    'invalid-type': 'an option has the wrong type',
    'shadows-built-in': "a custom operator takes a built-in operator's name",
    'duplicate-operator': 'two custom operators have the same name',
    'result-does-not-add-up': "a result's counts, points or verdict differ from its standards' outcomes",
    'plan-too-large': 'an exact remediation plan would be above the planner’s work limit',
    'invalid-timeout': 'a resolver timeout that is not a positive number of milliseconds or false',
    'invalid-cost': 'a cost that is not a number from 0 to 2^53',
    'unknown-standard': 'a cost names a standard the rule set does not have',
    'invalid-limit': 'a size limit that is not a positive whole number',
    'invalid-environment': 'an environment variable with a value the option does not take',
    'unknown-level': 'a level the cost figures do not know',
    'unknown-department': 'a department the responsibility table does not know',
    'invalid-reference': 'a rule-set reference that is not `id` or `id@range`',
    'invalid-date': 'a date that is not YYYY-MM-DD',
    'missing-rule-set': 'no rule set named, neither in the options nor in the assessment',
    range: 'a calendar range whose end comes before its start',
    'no-meeting': 'a date on which no joint meeting falls',
    'missing-pass-mark': 'a points table imported without a pass mark',
    'self-check-mismatch': "a result that is not the application's latest self-check",
    'unknown-estate': 'an estate id that no estate of the portfolio has',
    'duplicate-estate': 'two estates of a portfolio with the same assessment id',
    'year-outside-plan': 'a year the target plan does not cover',
  },
  INVALID_PLAN: {
    ...shapeKinds,
    ...readingKinds,
    'too-large-to-count': 'a count too large to compute with exactly',
  },
  INVALID_PATCH: {
    ...shapeKinds,
    ...readingKinds,
    'not-an-object': 'the patch is not a JSON object',
    'same-as-base': 'the variant keeps the id and version of its base',
    'official-from-provisional': 'an official variant of a provisional base',
    'wrong-scoring-mode': "a scoring change of the other mode than the base's",
    'unknown-id': 'no aspect, requirement or standard has the id the patch names',
    'wrong-kind': 'the id names an item of another kind than the patch says',
    'wrong-parent': 'the item to add names a parent that cannot hold it',
    'duplicate-id': 'an added item takes an id already used',
    duplicate: 'a standard replaced twice, or an id removed twice',
    'invalid-addition': 'an addition that is not exactly one aspect, requirement or standard',
  },
  INVALID_WORKFLOW_STEP: {
    ...shapeKinds,
    'invalid-type': 'the events are not a list',
    'out-of-order': 'an event dated before the one before it',
    'after-certified': 'an event after the estate was certified',
    'illegal-step': 'an event that the application’s status does not allow',
    'not-eligible': 'an application from a self-check that is not eligible',
    'after-deadline': "an application after the year's deadline",
    'wrong-tier': 'a decision about a standard by a tier that is not at that step',
    'missing-reason': 'a disagreement or a revocation without its reason',
    'missing-field': 'a decision or re-inspection without a field its kind needs (outcome, what, by)',
    'field-of-another-kind': 'a field that belongs to another decision or re-inspection result',
    'unknown-standard': 'a decision about a standard the rule set does not have',
    'missing-rule-set': 'a decision about a standard, folded without the rule set to check it against',
    'wrong-rule-set': 'a decision checked against another rule set than the self-check under review scored',
    'by-before-date': 'a rectification due before the day it was required',
    'wrong-year': "the city's list for another year than the application's round",
    'revocation-not-allowed': "a revocation where the rule set's plugin does not allow revocation",
  },
  INVALID_WORKBOOK: {
    ...readingKinds,
    'not-xlsx': 'the file is not an .xlsx workbook',
    'missing-sheet': 'a sheet the workbook must have is missing',
    'missing-header': 'a sheet lacks a column heading it must have',
    'missing-row': 'a sheet lacks a row it must have',
    'missing-value': 'a cell that must be filled in is empty',
    'missing-fact-id': 'a row has an answer but no fact id',
    'unknown-field': 'a field name the sheet does not know',
    'unknown-fact': "a fact the rule set's catalog does not declare",
    'duplicate-field': 'a field appears twice',
    'duplicate-fact': 'a fact appears twice',
    'unlabelled-value': 'a value without a field name',
    'invalid-cell': 'a cell whose content cannot be read as the value expected there',
    'invalid-answer': "an answer that does not fit its fact's type",
    'wrong-cell-type': 'a cell of another type than its fact (text where a number is expected)',
    'formula-without-value': 'a formula cell without a cached value (the workbook was never recalculated)',
    'wrong-rule-set': 'the workbook was made for another rule set',
    'empty-table': 'the standard table has no rows',
    'missing-pass-mark': 'a points table without a pass mark',
    'missing-aspect': 'a row without its aspect',
    'missing-requirement': 'a row without its requirement',
    'missing-standard': 'a row without its standard',
    'merged-standard': 'a standard cell merged across rows',
    'empty-aspect': 'an aspect without standards',
    'missing-points': 'a standard without points in a points table',
    'invalid-points': 'points that are not a number of at least 0',
    'wrong-total': 'the points do not add up to the total the table states',
    'invalid-assessment': "the assessment's own fields are wrong",
    'invalid-fact': 'a fact value of the wrong type, out of range, or not one of its values',
  },
  INVALID_REGISTRY: {
    ...pluginKinds,
    ...readingKinds,
    'invalid-type': 'the plugins are not a list',
    'duplicate-plugin': 'two plugins have the same name',
    'duplicate-operator': 'two plugins define an operator of the same name',
    'duplicate-rule-set': 'two rule sets have the same id and version',
    'unknown-base': 'a rule set extends one the registry does not hold',
    'extends-cycle': 'rule sets that extend each other in a cycle',
    'duplicate-city-units': 'two plugins declare city units for the same target plan',
  },
  INVALID_PLUGIN: pluginKinds,
  RULE_SET_NOT_FOUND: {
    'not-found': 'no rule set has that id (and version range), or none is in force on that date',
  },
  PLUGIN_FAILED: {
    'operator-failed': 'a custom operator threw or answered other than true or false',
    'resolver-failed': 'a fact resolver threw',
    'resolver-timed-out': 'a fact resolver did not answer in time',
    'invalid-resolved-value': 'a fact resolver answered a value that does not fit the fact',
  },
} as const satisfies { readonly [Code in RubricErrorCode]: Readonly<Record<string, string>> };

/**
 * The kinds an issue of an error with code `Code` can have (of any code, by default).
 *
 * @example
 * ```ts
 * const kind: IssueKind<'INVALID_ASSESSMENT'> = 'unknown-fact';
 * ```
 */
export type IssueKind<Code extends RubricErrorCode = RubricErrorCode> = KindsByCode[Code];

/**
 * Each error code's issue kinds, as a type: what {@link IssueKind} reads. (A mapped type, indexed: covariant
 * in the code, so that a `RubricError<'A'>` is a `RubricError`.)
 *
 * @example
 * ```ts
 * const kind: KindsByCode['INVALID_RULE_SET'] = 'unknown-condition';
 * ```
 */
export type KindsByCode = { readonly [Code in RubricErrorCode]: keyof (typeof issueKinds)[Code] & string };

/**
 * The kinds of what `fromJsonRulesEngineRules` finds in json-rules-engine rules: problems that block the
 * import, and notes on what it dropped. A problem can also be any `INVALID_RULE_SET` or `INVALID_OPTIONS`
 * kind (the draft and the options are checked by `defineRuleSet`).
 *
 * @example
 * ```ts
 * const dropped = imported.notes.filter((note) => note.kind === 'event-dropped');
 * ```
 */
export const importFindingKinds = {
  'missing-catalog': 'no fact catalog given: the rules do not say what type each fact is',
  'not-a-list': 'the rules are not a list',
  'not-a-rule': 'an item of the list is not a rule object',
  'no-rules': 'there is no rule to bring in',
  'undeclared-fact': 'a condition reads a fact the catalog does not declare',
  'unknown-operator': 'an operator that is neither built in nor given as a custom operator',
  'condition-reference': 'a reference to a shared condition (engine.setCondition)',
  'fact-params': 'a fact read with params, which a rule set cannot pass',
  path: 'a path into an object fact; the facts of a rule set are scalar',
  'operator-decorator': 'an operator decorator (`everyFact:…`), which a rule set has not',
  'priority-dropped': 'a priority, dropped: it orders evaluation, not the outcome',
  'event-dropped': "a rule's event, dropped: the standard's outcome takes its place",
  'callback-dropped': "a rule's onSuccess or onFailure, dropped",
  'condition-name-dropped': "a condition's name, dropped",
  'unknown-condition': 'a reference to a shared condition that the conditions option does not give',
  'condition-unused-dropped': 'a shared condition that no rule reaches, left out',
} as const;

/**
 * A kind of {@link importFindingKinds}.
 *
 * @example
 * ```ts
 * const kind: ImportFindingKind = 'event-dropped';
 * ```
 */
export type ImportFindingKind = keyof typeof importFindingKinds;
