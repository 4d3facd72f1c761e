import type { RubricLayout } from '../evaluate/layout.js';
import { layoutFor } from '../evaluate/layout-cache.js';
import { childConditions, isConditionReference } from '../rule-set/conditions.js';
import type { Condition, RuleSet, SharedConditions } from '../rule-set/types.js';
import { deepEqual } from '../util/deep-equal.js';

/** One field that differs, with its value before and after (`undefined` where absent). */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Items present in only one rule set, and items in both whose fields differ. */
export interface ItemChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly { readonly id: string; readonly changes: readonly FieldChange[] }[];
}

/**
 * A shared condition whose tree differs (`changes`: its `condition`, before and after), and what it reaches
 * in the newer rule set: the standards whose `condition` or `applicableWhen` refer to it, directly or
 * through other shared conditions, and whether the scope or the focus does. A shared condition that refers
 * to a changed one is listed too (with no `changes` of its own): what it stands for changed.
 */
export interface SharedConditionChange {
  readonly id: string;
  readonly changes: readonly FieldChange[];
  readonly reaches: {
    readonly standards: readonly string[];
    readonly scope: boolean;
    readonly focus: boolean;
  };
}

/** Shared conditions added, removed, and changed (with what each change reaches). */
export interface SharedConditionChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly SharedConditionChange[];
}

export interface RuleSetDiff {
  readonly from: { readonly id: string; readonly version: string };
  readonly to: { readonly id: string; readonly version: string };
  /** True when nothing that affects evaluation or wording differs (id and version aside). */
  readonly identical: boolean;
  /** Top-level fields: title, provenance, effective, extends, scope, focus, and each scoring field (`scoring.threshold`…). */
  readonly ruleSet: readonly FieldChange[];
  readonly facts: ItemChanges;
  /** Shared conditions by name; a changed one lists every standard it reaches. */
  readonly conditions: SharedConditionChanges;
  readonly aspects: ItemChanges;
  readonly requirements: ItemChanges;
  /** Standards by id: title, condition, applicableWhen, points, responsible, evidence, basis, grounds, drafted, and moves (`requirementId`). */
  readonly standards: ItemChanges;
}

/**
 * What changed between two rule sets, standard by standard: for a pull-request comment, a changelog, or
 * deciding which estates to re-evaluate. A standard that refers to a shared condition is unchanged when
 * only the shared condition changed: `conditions.changed` lists that condition with every standard it
 * reaches.
 *
 * @example
 * ```ts
 * const diff = diffRuleSets(guangxi2021, cityVariant);
 * console.log(diff.standards.added, diff.standards.removed, diff.ruleSet);
 * ```
 */
export function diffRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const from = layoutFor(before);
  const to = layoutFor(after);
  const a = from.ruleSet;
  const b = to.ruleSet;
  const ruleSet = compareFields(a, b, ['title', 'provenance', 'effective', 'extends', 'scope', 'focus']);
  const scoringFields = new Set([...Object.keys(a.scoring), ...Object.keys(b.scoring)]);
  for (const field of scoringFields) {
    const change = compareField(a.scoring, b.scoring, field);
    if (change) ruleSet.push({ ...change, field: `scoring.${field}` });
  }
  const facts = compareItems(
    Object.entries(a.facts).map(([id, definition]) => ({ id, ...definition })),
    Object.entries(b.facts).map(([id, definition]) => ({ id, ...definition })),
    ['type', 'title', 'values', 'min', 'max', 'unit'],
  );
  const conditions = compareSharedConditions(a, b, to.standards);
  const aspects = compareItems(a.aspects, b.aspects, ['title']);
  const requirements = compareItems(from.requirements, to.requirements, ['title', 'aspectId']);
  const standards = compareItems(standardsOf(from), standardsOf(to), [
    'title',
    'condition',
    'applicableWhen',
    'points',
    'responsible',
    'evidence',
    'basis',
    'grounds',
    'drafted',
    'requirementId',
  ]);
  const identical =
    [facts, conditions, aspects, requirements, standards].every(isEmpty) && ruleSet.length === 0;
  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    identical,
    ruleSet,
    facts,
    conditions,
    aspects,
    requirements,
    standards,
  };
}

function standardsOf(layout: RubricLayout) {
  return layout.standards.map(
    ({ scaledPoints: _s, requirementPosition: _r, aspectPosition: _a, ...standard }) => standard,
  );
}

function compareItems<Item extends { readonly id: string }>(
  before: readonly Item[],
  after: readonly Item[],
  fields: readonly string[],
): ItemChanges {
  const afterById = new Map(after.map((item) => [item.id, item]));
  const beforeIds = new Set(before.map((item) => item.id));
  const changed: { id: string; changes: FieldChange[] }[] = [];
  for (const item of before) {
    const counterpart = afterById.get(item.id);
    if (!counterpart) continue;
    const changes = compareFields(item, counterpart, fields);
    if (changes.length > 0) changed.push({ id: item.id, changes });
  }
  return {
    added: after.filter((item) => !beforeIds.has(item.id)).map((item) => item.id),
    removed: before.filter((item) => !afterById.has(item.id)).map((item) => item.id),
    changed,
  };
}

function compareFields(before: object, after: object, fields: readonly string[]): FieldChange[] {
  return fields.flatMap((field) => compareField(before, after, field) ?? []);
}

function compareField(before: object, after: object, field: string): FieldChange | undefined {
  const left = (before as Record<string, unknown>)[field];
  const right = (after as Record<string, unknown>)[field];
  return deepEqual(left, right) ? undefined : { field, before: left, after: right };
}

function compareSharedConditions(
  before: RuleSet,
  after: RuleSet,
  standards: readonly {
    readonly id: string;
    readonly condition: Condition;
    readonly applicableWhen?: Condition;
  }[],
): SharedConditionChanges {
  const named = (conditions: SharedConditions | undefined) =>
    Object.entries(conditions ?? {}).map(([id, condition]) => ({ id, condition }));
  const items = compareItems(named(before.conditions), named(after.conditions), ['condition']);
  const direct = new Map(items.changed.map((change) => [change.id, change.changes]));
  if (direct.size === 0) return { ...items, changed: [] };
  // Names whose expansion changed: the changed ones, and every name that refers to one of them.
  const reached = (condition: Condition | undefined) => namesReachedBy(condition, after.conditions);
  const affected = Object.keys(after.conditions ?? {}).filter((name) =>
    [name, ...reached({ condition: name })].some((reachedName) => direct.has(reachedName)),
  );
  const readBy = (condition: Condition | undefined) => new Set(reached(condition));
  const standardsReach = standards.map((standard) => ({
    id: standard.id,
    names: new Set([...reached(standard.condition), ...reached(standard.applicableWhen)]),
  }));
  const scope = readBy(after.scope);
  const focus = readBy(after.focus);
  const changed = affected.map((name) => ({
    id: name,
    changes: direct.get(name) ?? [],
    reaches: {
      standards: standardsReach.filter((standard) => standard.names.has(name)).map(({ id }) => id),
      scope: scope.has(name),
      focus: focus.has(name),
    },
  }));
  return { ...items, changed };
}

/** The shared conditions a condition refers to, directly or through others; each name once. */
function namesReachedBy(
  condition: Condition | undefined,
  conditions: SharedConditions | undefined,
): string[] {
  const names = new Set<string>();
  const stack = condition === undefined ? [] : [condition];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isConditionReference(node)) {
      if (names.has(node.condition)) continue;
      names.add(node.condition);
    }
    stack.push(...childConditions(node, conditions));
  }
  return [...names];
}

function isEmpty(changes: ItemChanges | SharedConditionChanges): boolean {
  return changes.added.length === 0 && changes.removed.length === 0 && changes.changed.length === 0;
}
