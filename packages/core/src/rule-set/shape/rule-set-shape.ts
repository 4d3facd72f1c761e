import type { ShapeKind } from '../../errors/issue-kinds.js';
import type { RubricIssue } from '../../errors/rubric-error.js';
import { unreadableIssue } from '../../reading/structure-depth.js';
import { clipText, describeThrown, MAX_MESSAGE_CHARACTERS, quote } from '../../util/show-value.js';
import { allFactTypes } from '../types.js';
import {
  boolean,
  isoDate,
  maxLength,
  minLength,
  number,
  oneOf,
  pattern,
  type Shape,
  type ShapeIssue,
  string,
} from './shape-checks.js';
import {
  array,
  discriminated,
  optional,
  record,
  strictObject,
  union,
  withDefault,
} from './shape-containers.js';

// The rule-set document's structure, field for field as `rule-set/schema.ts` declares it with zod (the
// source of the JSON Schema and the types), in the same order and with the same messages. defineRuleSet
// checks documents with this, so that compiling and evaluating a rule set needs no schema library;
// rule-set-shape.test.ts proves both accept and refuse the same documents with the same issues.

const text = () => string(minLength(1));
const itemId = string(minLength(1), maxLength(100), pattern(/^[^\s]+$/, 'an id has no spaces'));
const factId = string(
  pattern(/^[A-Za-z][A-Za-z0-9_]*$/, 'a fact id starts with a letter and has only letters, digits and _'),
  maxLength(100),
);
const words = strictObject({ zh: text(), en: optional(text()) });
const isoDateString = string(isoDate);
const factValue = union([boolean, number(), string()]);

const factDefinition = strictObject({
  type: oneOf(allFactTypes),
  title: words,
  values: optional(array(text(), 1)),
  min: optional(number()),
  max: optional(number()),
  unit: optional(string()),
});

const factReference = strictObject(
  { fact: text() },
  (keys) =>
    `a fact value has only "fact": facts are scalar, so ${keys.map((key) => quote(key)).join(', ')} cannot be used`,
);

const leafCondition = strictObject({
  fact: text(),
  operator: text(),
  value: union([factValue, array(factValue), factReference]),
  path: optional(string()),
});

const condition: Shape = (value, path, issues) => conditionForms(value, path, issues);
const conditionForms = union(
  [
    leafCondition,
    strictObject({ all: array(condition, 1) }),
    strictObject({ any: array(condition, 1) }),
    strictObject({ not: condition }),
    strictObject({ condition: itemId }),
  ],
  'expected a condition: { all: [...] }, { any: [...] }, { not: {...} }, { fact, operator, value } or { condition: name }',
);

const share = 'threshold is a share between 0 and 1';
const scoring = discriminated('mode', {
  'compliance-rate': strictObject({
    mode: oneOf(['compliance-rate']),
    threshold: number({ min: 0, max: 1, message: share }),
    minMetPerRequirement: withDefault(number({ integer: true, min: 0 }), 1),
    notApplicable: withDefault(oneOf(['exclude']), 'exclude'),
    unevidenced: optional(oneOf(['shown', 'unmet'])),
  }),
  points: strictObject({
    mode: oneOf(['points']),
    passMark: number({ min: 0 }),
    aspectMinimums: optional(record(string(), number({ min: 0 }))),
    minMetPerRequirement: withDefault(number({ integer: true, min: 0 }), 0),
    unevidenced: optional(oneOf(['shown', 'unmet'])),
  }),
});

const ground = discriminated('kind', {
  'plan-clause': strictObject({
    kind: oneOf(['plan-clause']),
    clause: text(),
    quote: optional(text()),
    encouraged: optional(boolean),
  }),
  'public-source': strictObject({
    kind: oneOf(['public-source']),
    source: text(),
    date: optional(string(pattern(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'))),
    url: optional(text()),
    encouraged: optional(boolean),
  }),
  'project-drafting': strictObject({ kind: oneOf(['project-drafting']), note: text() }),
});

const draftedValue = strictObject({
  fact: text(),
  value: union([factValue, array(factValue)]),
  note: text(),
});

const standard = strictObject({
  id: itemId,
  title: words,
  condition,
  applicableWhen: optional(condition),
  points: optional(number({ min: 0 })),
  responsible: optional(array(text())),
  evidence: optional(array(text())),
  basis: optional(text()),
  grounds: optional(array(ground, 1)),
  drafted: optional(array(draftedValue, 1)),
});

const requirement = strictObject({ id: itemId, title: words, standards: array(standard) });
const aspect = strictObject({ id: itemId, title: words, requirements: array(requirement) });

const policyDocument = strictObject({ number: text(), title: words, issuedBy: optional(words) });

const provenance = strictObject({
  status: oneOf(['official', 'provisional']),
  source: text(),
  notes: optional(string()),
  basis: optional(array(policyDocument)),
});

const ruleSet = strictObject({
  $schema: optional(string()),
  formatVersion: optional(oneOf([1, 2])),
  id: string(pattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule-set id is kebab-case, e.g. guangxi-2021')),
  version: string(
    pattern(
      /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
      'a version is semver, e.g. 1.0.0',
    ),
  ),
  title: words,
  provenance,
  effective: optional(strictObject({ from: isoDateString, until: optional(isoDateString) })),
  extends: optional(string()),
  facts: record(factId, factDefinition),
  conditions: optional(record(itemId, condition)),
  scope: optional(condition),
  focus: optional(condition),
  scoring,
  aspects: array(aspect, 1),
});

/**
 * Checks a rule-set document's structure (what `RuleSetSchema` declares) and returns it parsed, with the
 * scoring's defaults filled in and its keys in the schema's order, or its issues in zod's order.
 *
 * @example
 * ```ts
 * const { value, issues } = checkRuleSetShape(JSON.parse(text));
 * ```
 */
export function checkRuleSetShape(document: unknown): {
  readonly value: unknown;
  readonly issues: RubricIssue<ShapeKind>[];
} {
  const found: ShapeIssue[] = [];
  let value: unknown;
  try {
    value = ruleSet(document, [], found);
  } catch (error) {
    // An object whose `length` cannot be compared with a number (`{ "length": { "toString": null } }`
    // where a list or a string is expected) throws, as it does in zod: one issue where it threw.
    const unreadable = unreadableIssue(document, error);
    const message =
      unreadable.path.length > 0
        ? unreadable.message
        : `the document holds a value that is not JSON data (${describeThrown(error)})`;
    return { value: undefined, issues: [{ path: [...unreadable.path], message, kind: 'custom' }] };
  }
  // Messages can echo input (every unknown key, however long): clipped like the library's own.
  const issues = found.map(({ path, message, kind }) => ({
    path: [...path],
    message: clipText(message, MAX_MESSAGE_CHARACTERS),
    kind,
  }));
  return { value, issues };
}
