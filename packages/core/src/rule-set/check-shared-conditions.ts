import { addIssue } from '../errors/add-issue.js';
import { formatPath, type IssueOf } from '../errors/rubric-error.js';
import { MAX_DOCUMENT_NODES } from '../reading/structure-depth.js';
import { isPlainObject } from '../util/guards.js';
import { quote } from '../util/show-value.js';
import { MAX_CONDITION_DEPTH, reservedNames } from './conditions.js';
import type { FormatVersion } from './types.js';

type Path = readonly (string | number)[];

/** A reference met while walking a condition: who holds it (a shared condition, or a root), where, how deep. */
interface ReferenceSeen {
  readonly owner: string | undefined;
  readonly name: string;
  readonly path: Path;
  readonly depth: number;
}

/**
 * What the semantic checks learn about shared conditions while they walk every condition of a document
 * (the scope, the focus, each standard's, and each shared condition's own tree), and the checks that
 * need all of it: unknown names, cycles, unused names, depth and size once references are expanded, and
 * the format version the document needs.
 */
export class SharedConditionTracker {
  /** The shared conditions' trees as written, by name (own keys only). */
  readonly bodies = new Map<string, Record<string, unknown>>();
  readonly #references: ReferenceSeen[] = [];
  /** Condition nodes counted per owner (`''` for the roots), to bound the expanded size. */
  readonly #nodes = new Map<string, number>();
  #firstFactValue: Path | undefined;
  readonly #issues: IssueOf<'INVALID_RULE_SET'>[];

  constructor(conditions: unknown, issues: IssueOf<'INVALID_RULE_SET'>[]) {
    this.#issues = issues;
    if (!isPlainObject(conditions)) return;
    for (const [name, body] of Object.entries(conditions)) {
      const path = ['conditions', name];
      if (reservedNames.has(name)) {
        addIssue(
          issues,
          path,
          `${quote(name)} is a reserved name and cannot name a shared condition`,
          'reserved-name',
        );
        continue;
      }
      if (!isPlainObject(body)) continue;
      this.bodies.set(name, body);
      // json-rules-engine's setCondition refuses a bare comparison at the root, so both backends can run it.
      if ('fact' in body) {
        addIssue(
          issues,
          path,
          'a shared condition has all, any, not or a reference at its root (as json-rules-engine requires): wrap the comparison in { all: [ … ] }',
          'shared-condition-leaf',
        );
      }
    }
  }

  /** Records a `{ condition }` node; reports an unknown name at once. */
  reference(owner: string | undefined, condition: Record<string, unknown>, path: Path, depth: number): void {
    const name = condition.condition;
    if (typeof name !== 'string') return; // the schema reports it
    if (!this.bodies.has(name)) {
      const known = [...this.bodies.keys()];
      addIssue(
        this.#issues,
        [...path, 'condition'],
        `no shared condition is named ${quote(name)} (${known.length > 0 ? `defined: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}` : 'the rule set defines none under conditions'})`,
        'unknown-condition',
      );
      return;
    }
    this.#references.push({ owner, name, path, depth });
  }

  /** Counts condition nodes (objects and lists) of a root or of a shared condition. */
  count(owner: string | undefined, nodes: number): void {
    const key = owner ?? '';
    this.#nodes.set(key, (this.#nodes.get(key) ?? 0) + nodes);
  }

  /** Records a fact-valued comparison (`value: { fact }`), a format version 2 feature. */
  factValue(path: Path): void {
    this.#firstFactValue ??= path;
  }

  /**
   * The checks over the whole document. `items` is how many standards, requirements and aspects it has:
   * each adds a few objects to a result beside its explanations.
   */
  finish(formatVersion: unknown, items: number): void {
    const outgoing = new Map<string, ReferenceSeen[]>();
    for (const reference of this.#references) {
      if (reference.owner === undefined) continue;
      const list = outgoing.get(reference.owner) ?? [];
      outgoing.set(reference.owner, list);
      list.push(reference);
    }
    const graph = this.#walkNames(outgoing);
    this.#checkUnused(outgoing);
    this.#checkExpansion(graph, items);
    this.#checkFormatVersion(formatVersion);
  }

  /**
   * Every shared condition's expanded height and size, in one iterative depth-first walk over the
   * references between them (a chain of ten thousand names must not exhaust the stack); each cycle is
   * reported once, at the reference that closes it. `outgoing`: the references each shared condition holds.
   */
  #walkNames(outgoing: ReadonlyMap<string, readonly ReferenceSeen[]>): {
    height: Map<string, number>;
    size: Map<string, number>;
  } {
    const height = new Map<string, number>();
    const size = new Map<string, number>();
    const state = new Map<string, 'open' | 'done'>();
    for (const start of this.bodies.keys()) {
      if (state.has(start)) continue;
      const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
      state.set(start, 'open');
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const edges = outgoing.get(top.name) ?? [];
        if (top.next < edges.length) {
          const edge = edges[top.next++]!;
          const seen = state.get(edge.name);
          if (seen === undefined) {
            state.set(edge.name, 'open');
            stack.push({ name: edge.name, next: 0 });
          } else if (seen === 'open') {
            const cycle = [...stack.slice(stack.findIndex((entry) => entry.name === edge.name)), edge];
            addIssue(
              this.#issues,
              [...edge.path, 'condition'],
              `shared conditions refer to each other in a cycle (${cycle.map((entry) => quote(entry.name)).join(' → ')}): a condition cannot contain itself`,
              'condition-cycle',
            );
          }
          continue;
        }
        stack.pop();
        state.set(top.name, 'done');
        let ownHeight = localHeight(this.bodies.get(top.name));
        let ownSize = this.#nodes.get(top.name) ?? 0;
        for (const edge of edges) {
          // A reference is a level of its own (its explanation node holds the expansion).
          ownHeight = Math.max(ownHeight, edge.depth + 1 + (height.get(edge.name) ?? 0));
          ownSize = Math.min(ownSize + (size.get(edge.name) ?? 0), MAX_DOCUMENT_NODES + 1);
        }
        height.set(top.name, ownHeight);
        size.set(top.name, ownSize);
      }
    }
    return { height, size };
  }

  #checkUnused(outgoing: ReadonlyMap<string, readonly ReferenceSeen[]>): void {
    const used = new Set<string>();
    const queue = this.#references.filter((reference) => reference.owner === undefined);
    while (queue.length > 0) {
      const { name } = queue.pop()!;
      if (used.has(name)) continue;
      used.add(name);
      for (const reference of outgoing.get(name) ?? []) queue.push(reference);
    }
    for (const name of this.bodies.keys()) {
      if (used.has(name)) continue;
      addIssue(
        this.#issues,
        ['conditions', name],
        `shared condition ${quote(name)} is not used: no scope, focus or standard refers to it (directly or through another shared condition); remove it, or refer to it with { "condition": ${quote(name)} }`,
        'unused-condition',
      );
    }
  }

  #checkExpansion(graph: { height: Map<string, number>; size: Map<string, number> }, items: number) {
    let total = (this.#nodes.get('') ?? 0) + 4 * items;
    let anyReference = false;
    for (const reference of this.#references) {
      if (reference.owner !== undefined) continue;
      anyReference = true;
      total = Math.min(total + (graph.size.get(reference.name) ?? 0), MAX_DOCUMENT_NODES + 1);
      const levels = reference.depth + 1 + (graph.height.get(reference.name) ?? 0);
      if (levels > MAX_CONDITION_DEPTH) {
        addIssue(
          this.#issues,
          reference.path,
          `condition nested deeper than ${MAX_CONDITION_DEPTH} levels once shared condition ${quote(reference.name)} is expanded (${levels} levels; a reference counts as one)`,
          'too-deep',
        );
      }
    }
    // Each reference is evaluated and explained as its expansion: the expanded rule set must fit, so that
    // evaluation stays bounded and every result stays within the limits a result is read with.
    if (anyReference && total > MAX_DOCUMENT_NODES) {
      addIssue(
        this.#issues,
        ['conditions'],
        `with every reference to a shared condition expanded, the conditions have more than ${MAX_DOCUMENT_NODES.toLocaleString('en')} nodes; no valid rule set is this large once expanded`,
        'too-large',
      );
    }
  }

  /**
   * The lowest format version that expresses the document: 2 when it has shared conditions or compares a
   * fact with another fact, else 1 (what `formatVersionNeeded` says of it once it is valid).
   */
  formatVersionNeeded(): FormatVersion {
    return this.bodies.size > 0 || this.#firstFactValue ? 2 : 1;
  }

  #checkFormatVersion(formatVersion: unknown): void {
    if (formatVersion !== 1) return;
    const feature =
      this.bodies.size > 0
        ? { path: ['conditions'], what: 'shared conditions' }
        : this.#firstFactValue
          ? { path: [...this.#firstFactValue, 'value'], what: 'a fact value ({ "fact": … } as value)' }
          : undefined;
    if (!feature) return;
    addIssue(
      this.#issues,
      ['formatVersion'],
      `the document uses ${feature.what} at ${formatPath(feature.path)}, which format version 2 added: declare "formatVersion": 2, or leave formatVersion out`,
      'format-version',
    );
  }
}

/** Levels of a tree as written, a reference counted as one level (its expansion is added by the caller). */
function localHeight(node: unknown, depth = 0): number {
  if (!isPlainObject(node) || depth > MAX_CONDITION_DEPTH) return 0;
  for (const key of ['all', 'any'] as const) {
    const children = node[key];
    if (Array.isArray(children))
      return 1 + Math.max(0, ...children.map((child) => localHeight(child, depth + 1)));
  }
  if (node.not !== undefined) return 1 + localHeight(node.not, depth + 1);
  return 1;
}
