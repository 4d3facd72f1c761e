import { addIssue } from '../errors/add-issue.js';
import type { IssueOf } from '../errors/rubric-error.js';
import { decimalScale, toScaledInteger } from '../numbers/exact.js';
import { exactShare } from '../numbers/fraction.js';
import { isIsoDate, isPlainObject } from '../util/guards.js';
import { quote, valueChecks } from '../util/show-value.js';
import { checkDraftedValues } from './check-drafted.js';
import { checkFactValue } from './check-fact-value.js';
import { SharedConditionTracker } from './check-shared-conditions.js';
import { isFactReference, MAX_CONDITION_DEPTH, reservedNames } from './conditions.js';
import type { OperatorDefinition } from './operators.js';
import { allFactTypes, type FactType, type FormatVersion } from './types.js';

type Path = (string | number)[];
type Facts = Map<string, { type: FactType | undefined; values: unknown }>;

/** What every condition of one document is checked against. */
interface ConditionContext {
  readonly facts: Facts;
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
  readonly issues: IssueOf<'INVALID_RULE_SET'>[];
  readonly shared: SharedConditionTracker;
  readonly operatorsUsed: Set<OperatorDefinition>;
}

/** What the semantic checks find: their issues, and the format version the document needs. */
export interface SemanticsChecked {
  readonly issues: IssueOf<'INVALID_RULE_SET'>[];
  /**
   * The lowest format version that expresses the document, learnt on the same walk (what
   * `formatVersionNeeded` says of it once it has no issues).
   */
  readonly formatVersion: FormatVersion;
  /** Every operator of `operators` that a condition uses (a shared condition's once). */
  readonly operatorsUsed: ReadonlySet<OperatorDefinition>;
}

/**
 * The checks zod's structural schema cannot express: references between parts of the document. Written
 * against the raw input with guards, so that it reports alongside zod's issues even when parts are malformed.
 */
export function checkRuleSetSemantics(
  input: unknown,
  operators: ReadonlyMap<string, OperatorDefinition>,
): SemanticsChecked {
  const issues: IssueOf<'INVALID_RULE_SET'>[] = [];
  const operatorsUsed = new Set<OperatorDefinition>();
  if (!isPlainObject(input)) return { issues, formatVersion: 1, operatorsUsed };
  const facts = readFactCatalog(input.facts, issues);
  const shared = new SharedConditionTracker(input.conditions, issues);
  const context: ConditionContext = { facts, operators, issues, shared, operatorsUsed };
  const check = (condition: unknown, path: Path, owner?: string) =>
    checkCondition(condition, path, 0, owner, context);
  for (const [name, body] of shared.bodies) check(body, ['conditions', name], name);
  if (input.scope !== undefined) check(input.scope, ['scope']);
  if (input.focus !== undefined) check(input.focus, ['focus']);
  checkEffective(input.effective, issues);

  const seenIds = new Map<string, Path>();
  const claim = (id: unknown, path: Path) => {
    if (typeof id !== 'string') return;
    const first = seenIds.get(id);
    if (first)
      addIssue(issues, path, `duplicate id ${quote(id)} (first used at ${first.join('.')})`, 'duplicate-id');
    else seenIds.set(id, path);
  };

  const aspectIds = new Set<string>();
  let standardsWithoutPoints = 0;
  let items = 0;
  const pointsOfAspect = new Map<unknown, number[]>();
  forEachItem(input.aspects, ['aspects'], (aspect, aspectPath) => {
    claim(aspect.id, [...aspectPath, 'id']);
    items += 1;
    if (typeof aspect.id === 'string') aspectIds.add(aspect.id);
    // Two aspects with one id (a duplicate-id issue) share one list, so neither's points are lost.
    const aspectPoints = pointsOfAspect.get(aspect.id) ?? [];
    pointsOfAspect.set(aspect.id, aspectPoints);
    if (Array.isArray(aspect.requirements) && aspect.requirements.length === 0) {
      addIssue(issues, [...aspectPath, 'requirements'], 'an aspect needs at least one requirement', 'empty');
    }
    forEachItem(aspect.requirements, [...aspectPath, 'requirements'], (requirement, requirementPath) => {
      claim(requirement.id, [...requirementPath, 'id']);
      items += 1;
      if (Array.isArray(requirement.standards) && requirement.standards.length === 0) {
        addIssue(
          issues,
          [...requirementPath, 'standards'],
          'a requirement needs at least one standard',
          'empty',
        );
      }
      forEachItem(requirement.standards, [...requirementPath, 'standards'], (standard, standardPath) => {
        claim(standard.id, [...standardPath, 'id']);
        items += 1;
        if (standard.condition !== undefined) check(standard.condition, [...standardPath, 'condition']);
        if (standard.applicableWhen !== undefined)
          check(standard.applicableWhen, [...standardPath, 'applicableWhen']);
        checkDraftedValues(standard, standardPath, shared.bodies, issues);
        if (typeof standard.points === 'number') {
          aspectPoints.push(standard.points);
          checkPointsPrecision(standard.points, [...standardPath, 'points'], issues);
        } else standardsWithoutPoints += 1;
      });
    });
  });
  checkScoring(input.scoring, aspectIds, standardsWithoutPoints, pointsOfAspect, issues);
  shared.finish(input.formatVersion, items);
  return { issues, formatVersion: shared.formatVersionNeeded(), operatorsUsed };
}

const factTypes = new Set<FactType>(allFactTypes);

function readFactCatalog(catalog: unknown, issues: IssueOf<'INVALID_RULE_SET'>[]): Facts {
  const facts: Facts = new Map();
  if (!isPlainObject(catalog)) return facts;
  for (const [factId, definition] of Object.entries(catalog)) {
    if (!isPlainObject(definition)) continue;
    // An unknown type is zod's to report; here it only means "do not judge this fact's values".
    const type = factTypes.has(definition.type as FactType) ? (definition.type as FactType) : undefined;
    facts.set(factId, { type, values: definition.values });
    const path: Path = ['facts', factId];
    if (reservedNames.has(factId)) {
      addIssue(issues, path, `${quote(factId)} is a reserved name and cannot be a fact id`, 'reserved-name');
    }
    if (type === 'enum' && !Array.isArray(definition.values)) {
      addIssue(issues, [...path, 'values'], 'an enum fact lists its allowed values', 'enum-without-values');
    }
    if (type !== undefined && type !== 'enum' && definition.values !== undefined) {
      addIssue(
        issues,
        [...path, 'values'],
        `only enum facts have values; this fact is ${type}`,
        'values-on-non-enum',
      );
    }
    const numeric = type === 'integer' || type === 'number';
    for (const bound of ['min', 'max'] as const) {
      if (definition[bound] !== undefined && !numeric) {
        addIssue(
          issues,
          [...path, bound],
          `only integer and number facts have ${bound}`,
          'bound-on-non-number',
        );
      }
    }
    if (
      typeof definition.min === 'number' &&
      typeof definition.max === 'number' &&
      definition.min > definition.max
    ) {
      addIssue(
        issues,
        [...path, 'min'],
        `min ${definition.min} is above max ${definition.max}`,
        'empty-range',
      );
    }
  }
  return facts;
}

/** `owner` names the shared condition being checked; undefined for the scope, focus and standards. */
function checkCondition(
  condition: unknown,
  path: Path,
  depth: number,
  owner: string | undefined,
  context: ConditionContext,
): void {
  if (!isPlainObject(condition)) return;
  if (depth >= MAX_CONDITION_DEPTH) {
    addIssue(context.issues, path, `condition nested deeper than ${MAX_CONDITION_DEPTH} levels`, 'too-deep');
    return;
  }
  for (const key of ['all', 'any'] as const) {
    const children = condition[key];
    if (Array.isArray(children)) {
      context.shared.count(owner, 2);
      for (const [index, child] of children.entries()) {
        checkCondition(child, [...path, key, index], depth + 1, owner, context);
      }
      return;
    }
  }
  context.shared.count(owner, 1);
  if (condition.not !== undefined) {
    checkCondition(condition.not, [...path, 'not'], depth + 1, owner, context);
    return;
  }
  if (condition.condition !== undefined) {
    context.shared.reference(owner, condition, path, depth);
    return;
  }
  if (typeof condition.fact !== 'string') return;
  if (Array.isArray(condition.value)) context.shared.count(owner, 1);
  if (isFactReference(condition.value)) context.shared.factValue(path);
  checkLeaf(condition, path, context);
}

function checkLeaf(leaf: Record<string, unknown>, path: Path, context: ConditionContext): void {
  const { facts, operators, issues } = context;
  const factId = leaf.fact as string;
  const fact = facts.get(factId);
  if (!fact) {
    addIssue(
      issues,
      [...path, 'fact'],
      `fact ${quote(factId)} is not declared in the fact catalog`,
      'undeclared-fact',
    );
  }
  if (leaf.path !== undefined) {
    addIssue(
      issues,
      [...path, 'path'],
      'facts are scalar in format version 1, so a condition cannot have a path',
      'path-unsupported',
    );
  }
  const reference = isFactReference(leaf.value) ? { fact: factId, value: leaf.value } : undefined;
  if (typeof leaf.operator !== 'string') {
    if (reference) checkFactValue(reference, fact, undefined, path, facts, issues);
    return;
  }
  const operator = operators.get(leaf.operator);
  if (operator) context.operatorsUsed.add(operator);
  if (reference) checkFactValue(reference, fact, operator, path, facts, issues);
  if (!operator) {
    const known = [...operators.keys()].join(', ');
    addIssue(
      issues,
      [...path, 'operator'],
      `unknown operator ${quote(leaf.operator)} (known: ${known})`,
      'unknown-operator',
    );
    return;
  }
  if (!fact?.type) return;
  if (!operator.factTypes.includes(fact.type)) {
    const fits =
      operator.factTypes.length > 0 ? operator.factTypes.join(', ') : 'no fact type of format version 1';
    addIssue(
      issues,
      [...path, 'operator'],
      `operator ${quote(operator.name)} does not apply to ${fact.type} fact ${quote(factId)} (it fits ${fits})`,
      'operator-type-mismatch',
    );
    return;
  }
  if (reference) return;
  const values = operator.valueKind === 'list' ? leaf.value : [leaf.value];
  if (operator.valueKind === 'list' && !Array.isArray(leaf.value)) {
    addIssue(
      issues,
      [...path, 'value'],
      `operator ${quote(operator.name)} compares with a list of values`,
      'value-type-mismatch',
    );
    return;
  }
  if (operator.valueKind === 'scalar' && Array.isArray(leaf.value)) {
    addIssue(
      issues,
      [...path, 'value'],
      `operator ${quote(operator.name)} compares with one value, not a list`,
      'value-type-mismatch',
    );
    return;
  }
  (values as unknown[]).forEach((value, index) => {
    const problem = operator.valueType
      ? describeMismatch(value, operator.valueType)
      : describeMismatch(value, fact.type!, fact.values);
    if (problem) {
      const valuePath: Path = operator.valueKind === 'list' ? [...path, 'value', index] : [...path, 'value'];
      addIssue(issues, valuePath, `${problem} for ${fact.type} fact ${quote(factId)}`, 'value-type-mismatch');
    }
  });
}

// Why a value cannot be a value of a fact of a type: the runtime's check, which reading facts applies too.
const { describeMismatch } = valueChecks;

function checkEffective(effective: unknown, issues: IssueOf<'INVALID_RULE_SET'>[]): void {
  if (!isPlainObject(effective) || !isIsoDate(effective.from) || !isIsoDate(effective.until)) return;
  if (effective.until < effective.from) {
    addIssue(
      issues,
      ['effective', 'until'],
      `until ${effective.until} is before from ${effective.from}`,
      'empty-range',
    );
  }
}

function checkScoring(
  scoring: unknown,
  aspectIds: ReadonlySet<string>,
  standardsWithoutPoints: number,
  pointsOfAspect: ReadonlyMap<unknown, readonly number[]>,
  issues: IssueOf<'INVALID_RULE_SET'>[],
): void {
  if (!isPlainObject(scoring) || scoring.mode !== 'points') return;
  const allPoints = [...pointsOfAspect.values()].flat();
  if (standardsWithoutPoints > 0) {
    addIssue(
      issues,
      ['scoring', 'mode'],
      `points mode needs points on every standard; ${standardsWithoutPoints} standard(s) have none`,
      'points-missing',
    );
  } else if (allPoints.reduce((total, points) => total + points, 0) > 1e6) {
    // Points are counted as integers scaled by up to 10^6 (6 decimal places): a larger total would lose
    // exactness, and near Number.MAX_VALUE it becomes Infinity.
    addIssue(
      issues,
      ['scoring', 'mode'],
      'points add up to more than 1,000,000, past exact counting',
      'points-too-large',
    );
  } else if (typeof scoring.passMark === 'number' && exceedsTotal(scoring.passMark, allPoints)) {
    addIssue(
      issues,
      ['scoring', 'passMark'],
      `pass mark ${scoring.passMark} is above the ${exactTotal(allPoints)} points all standards give together`,
      'unreachable-pass-mark',
    );
  }
  checkPointsPrecision(scoring.passMark, ['scoring', 'passMark'], issues);
  if (isPlainObject(scoring.aspectMinimums)) {
    for (const aspectId of Object.keys(scoring.aspectMinimums)) {
      const minimum = scoring.aspectMinimums[aspectId];
      const path = ['scoring', 'aspectMinimums', aspectId];
      checkPointsPrecision(minimum, path, issues);
      const aspectPoints = pointsOfAspect.get(aspectId);
      if (
        standardsWithoutPoints === 0 &&
        aspectPoints &&
        typeof minimum === 'number' &&
        exceedsTotal(minimum, aspectPoints)
      ) {
        addIssue(
          issues,
          path,
          `aspect minimum ${minimum} is above the ${exactTotal(aspectPoints)} points the aspect's standards give together`,
          'unreachable-aspect-minimum',
        );
      }
      if (!aspectIds.has(aspectId)) {
        addIssue(
          issues,
          ['scoring', 'aspectMinimums', aspectId],
          `no aspect has id ${quote(aspectId)}`,
          'unknown-aspect',
        );
      }
    }
  }
}

function forEachItem(
  list: unknown,
  path: Path,
  visit: (item: Record<string, unknown>, itemPath: Path) => void,
): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, index) => {
    if (isPlainObject(item)) visit(item, [...path, index]);
  });
}

/**
 * Whether `mark` is above what `points` add up to, added exactly in units of their smallest decimal place
 * (as the evaluator adds them: 0.1 + 0.7 reaches 0.8). False when a value is not a valid score: its own
 * issue reports it.
 */
function exceedsTotal(mark: number, points: readonly number[]): boolean {
  const values = [...points, mark];
  if (!values.every(isValidScore)) return false;
  const scale = decimalScale(values);
  const total = points.reduce((sum, value) => sum + toScaledInteger(value, scale), 0);
  return toScaledInteger(mark, scale) > total;
}

/** What `points` add up to, exactly (for messages). */
function exactTotal(points: readonly number[]): number {
  const scale = decimalScale(points);
  return points.reduce((sum, value) => sum + toScaledInteger(value, scale), 0) / scale;
}

const isValidScore = (value: number): boolean =>
  Number.isFinite(value) && value >= 0 && exactShare(value).denominator <= 1_000_000n;

/** Points are added exactly in units of their smallest decimal place; more than 6 places is not a score. */
function checkPointsPrecision(value: unknown, path: Path, issues: IssueOf<'INVALID_RULE_SET'>[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return;
  if (exactShare(value).denominator > 1_000_000n) {
    addIssue(
      issues,
      path,
      `${value} has more than 6 decimal places; points are written to at most 6`,
      'points-precision',
    );
  }
}
