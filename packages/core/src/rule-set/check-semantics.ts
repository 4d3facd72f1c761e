import type { IssueOf } from '../errors/rubric-error.js';
import { decimalScale, toScaledInteger } from '../numbers/exact.js';
import { exactShare } from '../numbers/fraction.js';
import { factChecks } from '../runtime/fact-checks.js';
import { valueWords } from '../runtime/value-words.js';
import { isIsoDate, isPlainObject } from '../util/guards.js';
import { MAX_SHOWN_CHARACTERS, quote } from '../util/show-value.js';
import { checkDraftedValues } from './check-drafted.js';
import { checkFactValue } from './check-fact-value.js';
import { SharedConditionTracker } from './check-shared-conditions.js';
import { isFactReference, MAX_CONDITION_DEPTH } from './conditions.js';
import type { OperatorDefinition } from './operators.js';
import type { FactType } from './types.js';

type Path = (string | number)[];
type Facts = Map<string, { type: FactType | undefined; values: unknown }>;

/** What every condition of one document is checked against. */
interface ConditionContext {
  readonly facts: Facts;
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
  readonly issues: IssueOf<'INVALID_RULE_SET'>[];
  readonly shared: SharedConditionTracker;
}

/**
 * The checks zod's structural schema cannot express: references between parts of the document. Written
 * against the raw input with guards, so that it reports alongside zod's issues even when parts are malformed.
 */
export function checkRuleSetSemantics(
  input: unknown,
  operators: ReadonlyMap<string, OperatorDefinition>,
): IssueOf<'INVALID_RULE_SET'>[] {
  const issues: IssueOf<'INVALID_RULE_SET'>[] = [];
  if (!isPlainObject(input)) return issues;
  const facts = readFactCatalog(input.facts, issues);
  const shared = new SharedConditionTracker(input.conditions, issues);
  const context: ConditionContext = { facts, operators, issues, shared };
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
      issues.push({
        path,
        message: `duplicate id ${quote(id)} (first used at ${first.join('.')})`,
        kind: 'duplicate-id',
      });
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
      issues.push({
        path: [...aspectPath, 'requirements'],
        message: 'an aspect needs at least one requirement',
        kind: 'empty',
      });
    }
    forEachItem(aspect.requirements, [...aspectPath, 'requirements'], (requirement, requirementPath) => {
      claim(requirement.id, [...requirementPath, 'id']);
      items += 1;
      if (Array.isArray(requirement.standards) && requirement.standards.length === 0) {
        issues.push({
          path: [...requirementPath, 'standards'],
          message: 'a requirement needs at least one standard',
          kind: 'empty',
        });
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
  return issues;
}

const factTypes = new Set<FactType>(['boolean', 'integer', 'number', 'string', 'date', 'enum']);
const reservedNames = new Set(['__proto__', 'constructor', 'prototype']);

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
      issues.push({
        path,
        message: `${quote(factId)} is a reserved name and cannot be a fact id`,
        kind: 'reserved-name',
      });
    }
    if (type === 'enum' && !Array.isArray(definition.values)) {
      issues.push({
        path: [...path, 'values'],
        message: 'an enum fact lists its allowed values',
        kind: 'enum-without-values',
      });
    }
    if (type !== undefined && type !== 'enum' && definition.values !== undefined) {
      issues.push({
        path: [...path, 'values'],
        message: `only enum facts have values; this fact is ${type}`,
        kind: 'values-on-non-enum',
      });
    }
    const numeric = type === 'integer' || type === 'number';
    for (const bound of ['min', 'max'] as const) {
      if (definition[bound] !== undefined && !numeric) {
        issues.push({
          path: [...path, bound],
          message: `only integer and number facts have ${bound}`,
          kind: 'bound-on-non-number',
        });
      }
    }
    if (
      typeof definition.min === 'number' &&
      typeof definition.max === 'number' &&
      definition.min > definition.max
    ) {
      issues.push({
        path: [...path, 'min'],
        message: `min ${definition.min} is above max ${definition.max}`,
        kind: 'empty-range',
      });
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
    context.issues.push({
      path,
      message: `condition nested deeper than ${MAX_CONDITION_DEPTH} levels`,
      kind: 'too-deep',
    });
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
  checkLeaf(condition, path, context.facts, context.operators, context.issues);
}

function checkLeaf(
  leaf: Record<string, unknown>,
  path: Path,
  facts: Facts,
  operators: ReadonlyMap<string, OperatorDefinition>,
  issues: IssueOf<'INVALID_RULE_SET'>[],
): void {
  const factId = leaf.fact as string;
  const fact = facts.get(factId);
  if (!fact) {
    issues.push({
      path: [...path, 'fact'],
      message: `fact ${quote(factId)} is not declared in the fact catalog`,
      kind: 'undeclared-fact',
    });
  }
  if (leaf.path !== undefined) {
    issues.push({
      path: [...path, 'path'],
      message: 'facts are scalar in format version 1, so a condition cannot have a path',
      kind: 'path-unsupported',
    });
  }
  const reference = isFactReference(leaf.value) ? { fact: factId, value: leaf.value } : undefined;
  if (typeof leaf.operator !== 'string') {
    if (reference) checkFactValue(reference, fact, undefined, path, facts, issues);
    return;
  }
  const operator = operators.get(leaf.operator);
  if (reference) checkFactValue(reference, fact, operator, path, facts, issues);
  if (!operator) {
    const known = [...operators.keys()].join(', ');
    issues.push({
      path: [...path, 'operator'],
      message: `unknown operator ${quote(leaf.operator)} (known: ${known})`,
      kind: 'unknown-operator',
    });
    return;
  }
  if (!fact?.type) return;
  if (!operator.factTypes.includes(fact.type)) {
    const fits =
      operator.factTypes.length > 0 ? operator.factTypes.join(', ') : 'no fact type of format version 1';
    issues.push({
      path: [...path, 'operator'],
      message: `operator ${quote(operator.name)} does not apply to ${fact.type} fact ${quote(factId)} (it fits ${fits})`,
      kind: 'operator-type-mismatch',
    });
    return;
  }
  if (reference) return;
  const values = operator.valueKind === 'list' ? leaf.value : [leaf.value];
  if (operator.valueKind === 'list' && !Array.isArray(leaf.value)) {
    issues.push({
      path: [...path, 'value'],
      message: `operator ${quote(operator.name)} compares with a list of values`,
      kind: 'value-type-mismatch',
    });
    return;
  }
  if (operator.valueKind === 'scalar' && Array.isArray(leaf.value)) {
    issues.push({
      path: [...path, 'value'],
      message: `operator ${quote(operator.name)} compares with one value, not a list`,
      kind: 'value-type-mismatch',
    });
    return;
  }
  (values as unknown[]).forEach((value, index) => {
    const problem = operator.valueType
      ? describeMismatch(value, operator.valueType)
      : describeMismatch(value, fact.type!, fact.values);
    if (problem) {
      const valuePath: Path = operator.valueKind === 'list' ? [...path, 'value', index] : [...path, 'value'];
      issues.push({
        path: valuePath,
        message: `${problem} for ${fact.type} fact ${quote(factId)}`,
        kind: 'value-type-mismatch',
      });
    }
  });
}

// Why a value cannot be a value of a fact of a type: the runtime's check, which reading facts applies too.
const { describeMismatch } = factChecks(valueWords(MAX_SHOWN_CHARACTERS));

function checkEffective(effective: unknown, issues: IssueOf<'INVALID_RULE_SET'>[]): void {
  if (!isPlainObject(effective) || !isIsoDate(effective.from) || !isIsoDate(effective.until)) return;
  if (effective.until < effective.from) {
    issues.push({
      path: ['effective', 'until'],
      message: `until ${effective.until} is before from ${effective.from}`,
      kind: 'empty-range',
    });
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
    issues.push({
      path: ['scoring', 'mode'],
      message: `points mode needs points on every standard; ${standardsWithoutPoints} standard(s) have none`,
      kind: 'points-missing',
    });
  } else if (allPoints.reduce((total, points) => total + points, 0) > 1e6) {
    // Points are counted as integers scaled by up to 10^6 (6 decimal places): a larger total would lose
    // exactness, and near Number.MAX_VALUE it becomes Infinity.
    issues.push({
      path: ['scoring', 'mode'],
      message: 'points add up to more than 1,000,000, past exact counting',
      kind: 'points-too-large',
    });
  } else if (typeof scoring.passMark === 'number' && exceedsTotal(scoring.passMark, allPoints)) {
    issues.push({
      path: ['scoring', 'passMark'],
      message: `pass mark ${scoring.passMark} is above the ${exactTotal(allPoints)} points all standards give together`,
      kind: 'unreachable-pass-mark',
    });
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
        issues.push({
          path,
          message: `aspect minimum ${minimum} is above the ${exactTotal(aspectPoints)} points the aspect's standards give together`,
          kind: 'unreachable-aspect-minimum',
        });
      }
      if (!aspectIds.has(aspectId)) {
        issues.push({
          path: ['scoring', 'aspectMinimums', aspectId],
          message: `no aspect has id ${quote(aspectId)}`,
          kind: 'unknown-aspect',
        });
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
    issues.push({
      path,
      message: `${value} has more than 6 decimal places; points are written to at most 6`,
      kind: 'points-precision',
    });
  }
}
