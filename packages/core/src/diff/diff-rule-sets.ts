import type { RubricLayout } from '../evaluate/layout.js';
import { layoutFor } from '../evaluate/layout-cache.js';
import type { RuleSet } from '../rule-set/types.js';
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

export interface RuleSetDiff {
  readonly from: { readonly id: string; readonly version: string };
  readonly to: { readonly id: string; readonly version: string };
  /** True when nothing that affects evaluation or wording differs (id and version aside). */
  readonly identical: boolean;
  /** Top-level fields: title, provenance, effective, extends, scope, focus, and each scoring field (`scoring.threshold`…). */
  readonly ruleSet: readonly FieldChange[];
  readonly facts: ItemChanges;
  readonly aspects: ItemChanges;
  readonly requirements: ItemChanges;
  /** Standards by id: title, condition, applicableWhen, points, responsible, evidence, basis, grounds, drafted, and moves (`requirementId`). */
  readonly standards: ItemChanges;
}

/**
 * What changed between two rule sets, standard by standard: for a pull-request comment, a changelog, or
 * deciding which estates to re-evaluate.
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
  const identical = [facts, aspects, requirements, standards].every(isEmpty) && ruleSet.length === 0;
  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    identical,
    ruleSet,
    facts,
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

function isEmpty(changes: ItemChanges): boolean {
  return changes.added.length === 0 && changes.removed.length === 0 && changes.changed.length === 0;
}
