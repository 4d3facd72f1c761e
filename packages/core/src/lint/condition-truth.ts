import { isConditionReference, isFactReference, isLeaf } from '../rule-set/conditions.js';
import { builtInOperators } from '../rule-set/operators.js';
import type { Condition, FactValue, LeafCondition, RuleSet } from '../rule-set/types.js';

type Path = readonly (string | number)[];

/** A condition's verdict on some fact values: `undefined` when a custom operator (opaque) decides it. */
export type Truth = boolean | undefined;

/** Fact values by fact id (a complete assignment of the facts a question reads). */
export type Assignment = Readonly<Record<string, FactValue>>;

const builtIns = new Map(builtInOperators.map((operator) => [operator.name, operator.evaluate]));

/**
 * A condition's children, each with the path segments that lead to it. Every walk of a condition in the
 * linter goes through here. A reference to a shared condition has no children here: the analysis reads the
 * rule set with its shared conditions inlined (`inlineSharedConditions`), and the walks over the document as
 * written (value ranges) visit each shared condition once, at its own path (`forEachCondition`).
 */
function childrenOf(
  condition: Condition,
):
  | { readonly kind: 'all' | 'any' | 'not' | 'reference'; readonly children: [Condition, Path][] }
  | undefined {
  if (isConditionReference(condition)) return { kind: 'reference', children: [] };
  if (isLeaf(condition)) return undefined;
  if ('not' in condition) return { kind: 'not', children: [[condition.not, ['not']]] };
  if ('all' in condition)
    return { kind: 'all', children: condition.all.map((child, index) => [child, ['all', index]]) };
  return { kind: 'any', children: condition.any.map((child, index) => [child, ['any', index]]) };
}

/**
 * Kleene's three-valued verdict: a leaf with a custom operator is unknown, and unknown only decides an
 * `all` or `any` when its known children do not (`all` with a false child is false whatever the rest).
 */
export function truthOf(condition: Condition, values: Assignment): Truth {
  const node = childrenOf(condition);
  if (node === undefined) return leafTruth(condition as LeafCondition, values);
  if (node.kind === 'reference')
    throw new Error('internal: the linter decides conditions only after inlining shared conditions');
  if (node.kind === 'not') {
    const inner = truthOf(node.children[0]![0], values);
    return inner === undefined ? undefined : !inner;
  }
  const decisive = node.kind === 'any';
  let unknown = false;
  for (const [child] of node.children) {
    const truth = truthOf(child, values);
    if (truth === decisive) return decisive;
    if (truth === undefined) unknown = true;
  }
  return unknown ? undefined : !decisive;
}

function leafTruth(leaf: LeafCondition, values: Assignment): Truth {
  const evaluate = builtIns.get(leaf.operator);
  if (evaluate === undefined) return undefined;
  const expected = isFactReference(leaf.value) ? values[leaf.value.fact]! : leaf.value;
  return evaluate(values[leaf.fact]!, expected);
}

/** One leaf as the linter reads it: its literal values (none for a fact reference), and the fact it refers to. */
export interface LeafParts {
  readonly fact: string;
  readonly operator: string;
  readonly literals: readonly FactValue[];
  readonly reference: string | undefined;
  readonly leaf: LeafCondition;
  readonly path: Path;
}

/** Every leaf of a condition, left to right, with its path (starting at `path`). */
export function leafParts(condition: Condition, visit: (leaf: LeafParts) => void, path: Path = []): void {
  const node = childrenOf(condition);
  if (node === undefined) {
    const leaf = condition as LeafCondition;
    const reference = isFactReference(leaf.value) ? leaf.value.fact : undefined;
    const literals =
      reference !== undefined ? [] : Array.isArray(leaf.value) ? leaf.value : [leaf.value as FactValue];
    visit({ fact: leaf.fact, operator: leaf.operator, literals, reference, leaf, path });
    return;
  }
  for (const [child, segments] of node.children) leafParts(child, visit, [...path, ...segments]);
}

/** The facts a condition reads (a leaf's fact and the fact its value refers to), in order of first use. */
export function factsOf(condition: Condition | undefined): string[] {
  const facts = new Set<string>();
  if (condition !== undefined)
    leafParts(condition, (leaf) => {
      facts.add(leaf.fact);
      if (leaf.reference !== undefined) facts.add(leaf.reference);
    });
  return [...facts];
}

/** Whether a condition has a leaf whose operator is not a built-in (its verdict can be unknown). */
export function usesCustomOperator(condition: Condition | undefined): boolean {
  let custom = false;
  if (condition !== undefined)
    leafParts(condition, (leaf) => {
      if (!builtIns.has(leaf.operator)) custom = true;
    });
  return custom;
}

/** Every condition of a rule set (scope, focus, each standard's applicability and condition) with its path. */
export function forEachCondition(ruleSet: RuleSet, visit: (condition: Condition, path: Path) => void): void {
  for (const [name, condition] of Object.entries(ruleSet.conditions ?? {}))
    visit(condition, ['conditions', name]);
  if (ruleSet.scope) visit(ruleSet.scope, ['scope']);
  if (ruleSet.focus) visit(ruleSet.focus, ['focus']);
  ruleSet.aspects.forEach((aspect, aspectIndex) => {
    aspect.requirements.forEach((requirement, requirementIndex) => {
      requirement.standards.forEach((standard, standardIndex) => {
        const path = ['aspects', aspectIndex, 'requirements', requirementIndex, 'standards', standardIndex];
        if (standard.applicableWhen) visit(standard.applicableWhen, [...path, 'applicableWhen']);
        visit(standard.condition, [...path, 'condition']);
      });
    });
  });
}

/** Kleene `and`. */
export function both(left: Truth, right: Truth): Truth {
  if (left === false || right === false) return false;
  return left === undefined || right === undefined ? undefined : true;
}

/** Kleene `not`. */
export function negation(truth: Truth): Truth {
  return truth === undefined ? undefined : !truth;
}
