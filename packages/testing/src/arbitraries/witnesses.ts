import type { Condition, FactDefinition, FactValue, RuleSet } from '@sunshine-rubric/core';
import { leavesOf } from '@sunshine-rubric/core/internal';

/**
 * For each fact, the values where its conditions change their mind: every literal a condition compares it
 * with, and for numbers and dates the values just either side, kept within the catalog's range. A custom
 * operator's literal may be of another type than its fact (or mean something else entirely): only values
 * the fact itself could take are kept, so a witness never makes an assessment the catalog rejects. Leaves of
 * shared conditions count where they are referenced.
 */
export function witnessValues(ruleSet: RuleSet): Map<string, FactValue[]> {
  const conditions: Condition[] = [];
  if (ruleSet.scope) conditions.push(ruleSet.scope);
  if (ruleSet.focus) conditions.push(ruleSet.focus);
  for (const aspect of ruleSet.aspects)
    for (const requirement of aspect.requirements)
      for (const standard of requirement.standards) {
        conditions.push(standard.condition);
        if (standard.applicableWhen) conditions.push(standard.applicableWhen);
      }
  const found = new Map<string, Set<FactValue>>();
  for (const leaf of conditions.flatMap((condition) => leavesOf(condition, ruleSet.conditions))) {
    const definition = ruleSet.facts[leaf.fact];
    if (!definition) continue;
    const values = found.get(leaf.fact) ?? new Set<FactValue>();
    for (const literal of Array.isArray(leaf.value) ? leaf.value : [leaf.value as FactValue]) {
      for (const value of neighbours(literal, definition)) if (fitsFact(value, definition)) values.add(value);
    }
    found.set(leaf.fact, values);
  }
  return new Map([...found].map(([factId, values]) => [factId, [...values]]));
}

function neighbours(value: FactValue, definition: FactDefinition): FactValue[] {
  const within = (candidate: number) =>
    (definition.min === undefined || candidate >= definition.min) &&
    (definition.max === undefined || candidate <= definition.max);
  if (typeof value === 'number' && (definition.type === 'integer' || definition.type === 'number')) {
    const step = definition.type === 'integer' ? 1 : 0.01;
    return [value - step, value, value + step]
      .map((candidate) => (definition.type === 'number' ? Math.round(candidate * 1e6) / 1e6 : candidate))
      .filter(within);
  }
  if (typeof value === 'string' && definition.type === 'date' && realDay(value))
    return [shiftDay(value, -1), value, shiftDay(value, 1)];
  return [value];
}

function realDay(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
}

function shiftDay(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Whether the fact could hold this value: its type, `min`/`max`, enum values, a real ISO date. */
function fitsFact(value: FactValue, definition: FactDefinition): boolean {
  const inRange = (number: number) =>
    Number.isFinite(number) &&
    (definition.min === undefined || number >= definition.min) &&
    (definition.max === undefined || number <= definition.max);
  switch (definition.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && inRange(value);
    case 'number':
      return typeof value === 'number' && inRange(value);
    case 'string':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && realDay(value);
    case 'enum':
      return typeof value === 'string' && (definition.values ?? []).includes(value);
  }
}
