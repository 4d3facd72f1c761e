import type { Condition, FactValue, RuleSet } from '../rule-set/types.js';
import { type Assignment, both, factsOf, type Truth, truthOf } from './condition-truth.js';
import type { LintWitness } from './types.js';

/**
 * The most value combinations one question enumerates. Beyond it the answer is "undecided", never a guess:
 * 65,536 is 16 yes/no facts, or 8 facts of 4 regions each, far more than one standard reads.
 */
export const MAX_ASSIGNMENTS = 65_536;

/** The values to enumerate and the scope that every question is asked within. */
export interface ValueSpace {
  readonly ruleSet: RuleSet;
  readonly points: ReadonlyMap<string, readonly FactValue[]>;
  readonly scope: Condition | undefined;
  readonly scopeFacts: readonly string[];
}

/** A question's answer: no in-scope assessment makes it true; one does (shown); or it cannot be told. */
export type Decision =
  | { readonly kind: 'never' }
  | { readonly kind: 'can'; readonly values: Assignment }
  | { readonly kind: 'unknown'; readonly reason: 'custom-operator' | 'too-many' };

/**
 * The facts a question over `facts` must enumerate: those, and the scope's when the scope reads one of
 * them (otherwise the scope is independent of the question, and is checked once on its own).
 */
export function questionFacts(space: ValueSpace, facts: readonly string[]): string[] {
  if (space.scope === undefined || !space.scopeFacts.some((fact) => facts.includes(fact))) return [...facts];
  return [...new Set([...facts, ...space.scopeFacts])];
}

/**
 * Whether some complete, in-scope assessment makes `predicate` true: decided by enumerating the
 * representative values of the facts it reads. `never` is a proof; `can` comes with the values that show it.
 */
export function decide(
  space: ValueSpace,
  facts: readonly string[],
  predicate: (values: Assignment) => Truth,
): Decision {
  const enumerated = questionFacts(space, facts);
  const scoped = space.scope !== undefined && space.scopeFacts.some((fact) => enumerated.includes(fact));
  let unknown = false;
  let found: Assignment | undefined;
  const complete = forEachAssignment(space, enumerated, (values) => {
    const truth = scoped ? both(truthOf(space.scope!, values), predicate(values)) : predicate(values);
    if (truth === true) {
      found = { ...values };
      return false;
    }
    if (truth === undefined) unknown = true;
    return true;
  });
  if (!complete && found === undefined) return { kind: 'unknown', reason: 'too-many' };
  if (found !== undefined) return { kind: 'can', values: found };
  return unknown ? { kind: 'unknown', reason: 'custom-operator' } : { kind: 'never' };
}

/** How many combinations of representative values `facts` have. */
export function assignmentCount(space: ValueSpace, facts: readonly string[]): number {
  return facts.reduce((product, fact) => product * (space.points.get(fact)?.length ?? 0), 1);
}

/**
 * Calls `visit` with every combination of the facts' representative values (one object, reused: copy
 * what you keep) until it returns false. Returns false when there are more than {@link MAX_ASSIGNMENTS}
 * combinations (nothing visited) or `visit` stopped it.
 */
export function forEachAssignment(
  space: ValueSpace,
  facts: readonly string[],
  visit: (values: Record<string, FactValue>) => boolean,
): boolean {
  if (assignmentCount(space, facts) > MAX_ASSIGNMENTS) return false;
  const lists = facts.map((fact) => space.points.get(fact)!);
  if (lists.some((list) => list.length === 0)) return true;
  const positions = new Array<number>(facts.length).fill(0);
  const values: Record<string, FactValue> = Object.create(null);
  facts.forEach((fact, index) => {
    values[fact] = lists[index]![0]!;
  });
  for (;;) {
    if (!visit(values)) return false;
    let index = facts.length - 1;
    while (index >= 0 && positions[index] === lists[index]!.length - 1) {
      positions[index] = 0;
      values[facts[index]!] = lists[index]![0]!;
      index--;
    }
    if (index < 0) return true;
    positions[index]!++;
    values[facts[index]!] = lists[index]![positions[index]!]!;
  }
}

/** Values as an assessment document, facts in catalog order. */
export function witnessOf(ruleSet: RuleSet, values: Assignment): LintWitness {
  const facts: Record<string, FactValue> = {};
  for (const factId of Object.keys(ruleSet.facts)) {
    const value = values[factId];
    if (value !== undefined) facts[factId] = value;
  }
  return { id: 'lint-witness', community: { name: 'lint witness' }, facts };
}

/** The facts a condition or pair of conditions reads, in order of first use. */
export function factsOfAll(...conditions: (Condition | undefined)[]): string[] {
  return [...new Set(conditions.flatMap((condition) => factsOf(condition)))];
}
