import type { IssueKind } from '../errors/issue-kinds.js';
import type { IssueOf } from '../errors/rubric-error.js';
import type { Aspect, RuleSet } from '../rule-set/types.js';
import { quote } from '../util/show-value.js';
import type { ParsedPatch } from './patch-schema.js';

type Path = (string | number)[];
type ItemKind = 'aspect' | 'requirement' | 'standard';

interface WorkingItem {
  id: string;
  [field: string]: unknown;
}
interface WorkingRequirement extends WorkingItem {
  standards: WorkingItem[];
}
interface WorkingAspect extends WorkingItem {
  requirements: WorkingRequirement[];
}

interface Located {
  readonly kind: ItemKind;
  readonly aspect: WorkingAspect;
  readonly requirement?: WorkingRequirement;
  readonly index: number;
}

/** The aspects after a patch's removals, replacements and additions, with what the patch did where. */
export interface EditedItems {
  readonly aspects: readonly Aspect[];
  /** Problems with the patch itself, with paths into the patch. */
  readonly issues: readonly IssueOf<'INVALID_PATCH'>[];
  /** For each item the patch placed (added or replaced), where in the patch it came from. */
  readonly origins: ReadonlyMap<string, Path>;
  /** Ids of the requirements and aspects whose last child the patch removed. */
  readonly emptied: ReadonlySet<string>;
}

/**
 * Applies `remove`, then `replace`, then `add` to a copy of the base's aspects. Ids in `remove` are looked
 * up in the base (so removing a standard and its requirement works in either order); `replace` and `add`
 * see the result of the steps before them.
 */
export function editItems(base: RuleSet, patch: ParsedPatch): EditedItems {
  const baseAspects = base.aspects as unknown as readonly WorkingAspect[];
  const aspects = cloneData(base.aspects) as unknown as WorkingAspect[];
  const issues: IssueOf<'INVALID_PATCH'>[] = [];
  const origins = new Map<string, Path>();
  const removed = removeItems(aspects, patch.remove ?? [], issues);
  const emptied = findEmptied(aspects, removed);
  const absent = (id: string) =>
    locate(baseAspects, id) ? `${quote(id)} is removed by this patch` : `no item has id ${quote(id)}`;

  const replaced = new Set<string>();
  for (const [index, standard] of (patch.replace ?? []).entries()) {
    const path: Path = ['replace', index, 'id'];
    const found = locate(aspects, standard.id);
    if (replaced.has(standard.id)) {
      issues.push(problem(path, `standard ${quote(standard.id)} is replaced twice`, 'duplicate'));
    } else if (!found) {
      issues.push(problem(path, `${absent(standard.id)}, so there is nothing to replace`, 'unknown-id'));
    } else if (found.kind !== 'standard') {
      const hint = 'replace takes standards; remove the item and add a new one instead';
      issues.push(problem(path, `${describe(found, standard.id)}: ${hint}`, 'wrong-kind'));
    } else {
      found.requirement!.standards[found.index] = cloneData(standard) as WorkingItem;
      origins.set(standard.id, ['replace', index]);
    }
    replaced.add(standard.id);
  }

  for (const [index, addition] of (patch.add ?? []).entries()) {
    const path: Path = ['add', index];
    const kind: ItemKind =
      'aspect' in addition ? 'aspect' : 'requirement' in addition ? 'requirement' : 'standard';
    const item =
      'aspect' in addition
        ? addition.aspect
        : 'requirement' in addition
          ? addition.requirement
          : addition.standard;
    const to = addition.to;
    const parent = to === undefined ? undefined : locate(aspects, to);
    const parentKind = { aspect: undefined, requirement: 'aspect', standard: 'requirement' }[kind];
    const intoRuleSet = to === undefined || to === base.id || to === patch.id;
    if (kind === 'aspect' ? !intoRuleSet : parent?.kind !== parentKind) {
      const expected = {
        aspect: 'the rule set (leave `to` out)',
        requirement: 'an aspect',
        standard: 'a requirement',
      }[kind];
      const what = parent ? describe(parent, to!) : absent(to!);
      issues.push(
        problem(
          [...path, 'to'],
          `a new ${kind} goes into ${expected}; ${what}`,
          parent ? 'wrong-parent' : 'unknown-id',
        ),
      );
      continue;
    }
    if (!claimIds(aspects, item, [...path, kind], kind, issues, origins)) continue;
    const copy = cloneData(item) as unknown;
    if (kind === 'aspect') aspects.push(copy as WorkingAspect);
    else if (kind === 'requirement') parent!.aspect.requirements.push(copy as WorkingRequirement);
    else parent!.aspect.requirements[parent!.index]!.standards.push(copy as WorkingItem);
    emptied.delete(to!);
  }
  return { aspects: aspects as unknown as Aspect[], issues, origins, emptied };
}

function describe(found: Located, id: string): string {
  return `${quote(id)} is a${found.kind === 'aspect' ? 'n' : ''} ${found.kind}`;
}

function removeItems(
  aspects: WorkingAspect[],
  ids: readonly string[],
  issues: IssueOf<'INVALID_PATCH'>[],
): Set<string> {
  const removed = new Set<string>();
  ids.forEach((id, index) => {
    if (removed.has(id)) issues.push(problem(['remove', index], `${quote(id)} is listed twice`, 'duplicate'));
    else if (!locate(aspects, id))
      issues.push(
        problem(['remove', index], `no aspect, requirement or standard has id ${quote(id)}`, 'unknown-id'),
      );
    else removed.add(id);
  });
  const keep = (item: WorkingItem) => !removed.has(item.id);
  const kept = aspects.filter(keep);
  aspects.splice(0, aspects.length, ...kept);
  for (const aspect of aspects) {
    aspect.requirements = aspect.requirements.filter(keep);
    for (const requirement of aspect.requirements) requirement.standards = requirement.standards.filter(keep);
  }
  return removed;
}

function findEmptied(aspects: readonly WorkingAspect[], removed: ReadonlySet<string>): Set<string> {
  const emptied = new Set<string>();
  if (removed.size === 0) return emptied;
  for (const aspect of aspects) {
    if (aspect.requirements.length === 0) emptied.add(aspect.id);
    for (const requirement of aspect.requirements)
      if (requirement.standards.length === 0) emptied.add(requirement.id);
  }
  return emptied;
}

function locate(aspects: readonly WorkingAspect[], id: string): Located | undefined {
  for (const [aspectIndex, aspect] of aspects.entries()) {
    if (aspect.id === id) return { kind: 'aspect', aspect, index: aspectIndex };
    for (const [requirementIndex, requirement] of aspect.requirements.entries()) {
      if (requirement.id === id) return { kind: 'requirement', aspect, index: requirementIndex };
      const standardIndex = requirement.standards.findIndex((standard) => standard.id === id);
      if (standardIndex >= 0) return { kind: 'standard', aspect, requirement, index: standardIndex };
    }
  }
  return undefined;
}

/** Checks that no id in a new item is taken already; records where each came from in the patch. */
function claimIds(
  aspects: readonly WorkingAspect[],
  item: { readonly id: string; readonly requirements?: unknown; readonly standards?: unknown },
  path: Path,
  kind: ItemKind,
  issues: IssueOf<'INVALID_PATCH'>[],
  origins: Map<string, Path>,
): boolean {
  const before = issues.length;
  const visit = (node: WorkingItem, nodePath: Path, nodeKind: ItemKind) => {
    const existing = locate(aspects, node.id);
    if (existing) {
      const hint = existing.kind === 'standard' ? '; to change a standard, use replace' : '';
      const message = `${describe(existing, node.id)} already (ids are unique across the rule set)${hint}`;
      issues.push(problem([...nodePath, 'id'], message, 'duplicate-id'));
    }
    origins.set(node.id, nodePath);
    if (nodeKind === 'aspect') {
      for (const [index, child] of (node as WorkingAspect).requirements.entries())
        visit(child, [...nodePath, 'requirements', index], 'requirement');
    }
    if (nodeKind === 'requirement') {
      for (const [index, child] of (node as WorkingRequirement).standards.entries())
        visit(child, [...nodePath, 'standards', index], 'standard');
    }
  };
  visit(item as WorkingItem, path, kind);
  return issues.length === before;
}

/** A deep copy of plain JSON data (the base is validated, so it is plain data of bounded depth). */
function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, cloneData(child)])) as T;
}

function problem(path: Path, message: string, kind: IssueKind<'INVALID_PATCH'>): IssueOf<'INVALID_PATCH'> {
  return { path, message, kind };
}
