import { builtInOperators } from '../rule-set/operators.js';
import type { Condition, FactDefinition, FactValue, RuleSet } from '../rule-set/types.js';
import { isIsoDate } from '../util/guards.js';
import { forEachCondition, leafParts } from './condition-truth.js';
import { UnionFind } from './union-find.js';
import { addDays, nextDown, nextUp } from './value-steps.js';

const builtInNames = new Set(builtInOperators.map((operator) => operator.name));

/**
 * Per fact, finitely many values that stand for all of its values: every value the catalog allows
 * compares with every constant of every condition (and, within a group of facts compared with each other,
 * with every fact of the group) exactly as one of these does. So enumerating them decides a condition for
 * every complete assessment.
 *
 * The partition: each constant the fact is compared with (and the catalog's bounds) is a point of its own;
 * each open interval between two of them holds as many representatives as the fact's comparison group has
 * facts, so that every order of the group's values inside one interval occurs. Strings are compared only
 * for equality: the constants, plus that many fresh strings that equal none of them.
 */
export function representativeValues(ruleSet: RuleSet): ReadonlyMap<string, readonly FactValue[]> {
  const constants = new Map<string, FactValue[]>();
  const group = new UnionFind();
  for (const factId of Object.keys(ruleSet.facts)) {
    constants.set(factId, []);
    group.add(factId);
  }
  forEachCondition(ruleSet, (condition: Condition) => {
    leafParts(condition, (leaf) => {
      if (!builtInNames.has(leaf.operator)) return;
      if (leaf.reference !== undefined) group.join(leaf.fact, leaf.reference);
      else constants.get(leaf.fact)?.push(...leaf.literals);
    });
  });
  const members = group.groups();
  const points = new Map<string, readonly FactValue[]>();
  for (const [factId, definition] of Object.entries(ruleSet.facts)) {
    const peers = members.get(group.find(factId))!;
    const shared = peers.flatMap((peer) => constants.get(peer)!);
    const hasIntegerPeer = peers.some((peer) => ruleSet.facts[peer]?.type === 'integer');
    points.set(factId, valuesOf(definition, shared, peers.length, hasIntegerPeer));
  }
  return points;
}

function valuesOf(
  definition: FactDefinition,
  constants: readonly FactValue[],
  groupSize: number,
  hasIntegerPeer: boolean,
): FactValue[] {
  switch (definition.type) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return [...(definition.values ?? [])];
    case 'string':
      return stringValues(constants, groupSize);
    case 'date':
      return dateValues(constants, groupSize);
    case 'integer':
    case 'number':
      return numberValues(definition, constants, groupSize, hasIntegerPeer);
  }
}

function stringValues(constants: readonly FactValue[], groupSize: number): string[] {
  const known = [...new Set(constants.filter((value): value is string => typeof value === 'string'))];
  const fresh: string[] = [];
  for (let index = 1; fresh.length < groupSize; index++) {
    const candidate = `other-${index}`;
    if (!known.includes(candidate)) fresh.push(candidate);
  }
  return [...known, ...fresh];
}

function dateValues(constants: readonly FactValue[], groupSize: number): string[] {
  const known = [...new Set(constants.filter(isIsoDate))].sort();
  const values: string[] = [...known];
  const run = (from: string | undefined, step: 1 | -1, below: string | undefined) => {
    let current = from;
    for (let count = 0; count < groupSize; count++) {
      current = current === undefined ? '2000-01-01' : addDays(current, step);
      if (current === undefined || (below !== undefined && current >= below)) return;
      values.push(current);
    }
  };
  if (known.length === 0) run(undefined, 1, undefined);
  else run(known[0], -1, undefined);
  known.forEach((date, index) => {
    run(date, 1, known[index + 1]);
  });
  return [...new Set(values)].sort();
}

function numberValues(
  definition: FactDefinition,
  constants: readonly FactValue[],
  groupSize: number,
  hasIntegerPeer: boolean,
): number[] {
  const low = definition.min ?? Number.NEGATIVE_INFINITY;
  const high = definition.max ?? Number.POSITIVE_INFINITY;
  const isInteger = definition.type === 'integer';
  const cuts = [
    ...new Set(
      [low, high, ...constants].filter(
        (value): value is number => typeof value === 'number' && value >= low && value <= high,
      ),
    ),
  ]
    .filter(Number.isFinite)
    .sort((left, right) => left - right);
  const values: number[] = cuts.filter((cut) => !isInteger || Number.isInteger(cut));
  const bounds = [Number.NEGATIVE_INFINITY, ...cuts, Number.POSITIVE_INFINITY];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index]!;
    const to = bounds[index + 1]!;
    if (to <= low || from >= high) continue;
    const integers = isInteger || hasIntegerPeer ? integersBetween(from, to, groupSize) : [];
    if (isInteger) values.push(...integers);
    else {
      const stops = [from, ...integers, to];
      values.push(...integers);
      for (let stop = 0; stop + 1 < stops.length; stop++)
        values.push(...numbersBetween(stops[stop]!, stops[stop + 1]!, groupSize));
    }
  }
  return [...new Set(values)].sort((left, right) => left - right);
}

/** Up to `count` integers strictly between `from` and `to`, nearest the finite end. */
function integersBetween(from: number, to: number, count: number): number[] {
  const found: number[] = [];
  if (Number.isFinite(from)) {
    let current = nextIntegerUp(from);
    while (found.length < count && current !== undefined && current < to) {
      found.push(current);
      current = nextIntegerUp(current);
    }
    return found;
  }
  let current = Number.isFinite(to) ? nextIntegerDown(to) : 0;
  while (found.length < count && current !== undefined && current > from) {
    found.push(current);
    current = nextIntegerDown(current);
  }
  return found;
}

function nextIntegerUp(value: number): number | undefined {
  const next = Math.abs(value) < 2 ** 53 ? Math.floor(value) + 1 : nextUp(value);
  return Number.isFinite(next) ? next : undefined;
}

function nextIntegerDown(value: number): number | undefined {
  const next = Math.abs(value) < 2 ** 53 ? Math.ceil(value) - 1 : nextDown(value);
  return Number.isFinite(next) ? next : undefined;
}

/** Up to `count` distinct finite numbers strictly between `from` and `to` (either may be infinite). */
function numbersBetween(from: number, to: number, count: number): number[] {
  const found: number[] = [];
  const accept = (value: number) => {
    if (Number.isFinite(value) && value > from && value < to && !found.includes(value)) found.push(value);
  };
  if (Number.isFinite(from) && Number.isFinite(to)) {
    const width = to / (count + 1) - from / (count + 1);
    for (let step = 1; step <= count; step++) accept(from + width * step);
  } else if (Number.isFinite(to)) {
    for (let step = 1; step <= count; step++) accept(to - Math.max(1, Math.abs(to)) * step);
  } else if (Number.isFinite(from)) {
    for (let step = 1; step <= count; step++) accept(from + Math.max(1, Math.abs(from)) * step);
  } else {
    for (let step = 0; step < count; step++) accept(step);
  }
  // Where arithmetic cannot split the interval (neighbouring floating-point values), step through it.
  let current = Number.isFinite(from) ? from : to;
  const step = Number.isFinite(from) ? nextUp : nextDown;
  while (found.length < count && Number.isFinite(current)) {
    current = step(current);
    if (!(current > from && current < to)) break;
    accept(current);
  }
  return found;
}
