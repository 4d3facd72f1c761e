import { isPlainObject } from '../util/guards.js';
import { isFactReference } from './conditions.js';
import type { Condition, FormatVersion, SharedConditions } from './types.js';

/** The parts of a rule set (or a draft of one) that decide which format version it needs. */
interface VersionedParts {
  readonly conditions?: SharedConditions | undefined;
  readonly scope?: Condition | undefined;
  readonly focus?: Condition | undefined;
  readonly aspects: readonly {
    readonly requirements: readonly {
      readonly standards: readonly {
        readonly condition: Condition;
        readonly applicableWhen?: Condition | undefined;
      }[];
    }[];
  }[];
}

/**
 * The lowest format version that expresses a rule set: 2 when it has shared conditions or compares a fact
 * with another fact (`value: { fact }`), else 1. `defineRuleSet` gives a document without `formatVersion`
 * this one; `extendRuleSet` and `fromJsonRulesEngineRules` emit it.
 *
 * @example
 * ```ts
 * formatVersionNeeded({ conditions: { hasLifts: { all: [liftLeaf] } }, aspects }); // 2
 * ```
 */
export function formatVersionNeeded(parts: VersionedParts): FormatVersion {
  if (isPlainObject(parts.conditions) && Object.keys(parts.conditions).length > 0) return 2;
  const roots: (Condition | undefined)[] = [parts.scope, parts.focus];
  for (const aspect of listOf(parts.aspects))
    for (const requirement of listOf(aspect?.requirements))
      for (const standard of listOf(requirement?.standards))
        roots.push(standard?.applicableWhen, standard?.condition);
  return roots.some((root) => root !== undefined && comparesFacts(root)) ? 2 : 1;
}

/**
 * Without shared conditions there is no reference to follow: the tree as written is the whole tree. Read
 * with guards, so that a draft not yet valid (`fromJsonRulesEngineRules`) gets a version too.
 */
function comparesFacts(condition: Condition): boolean {
  const stack: unknown[] = [condition];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isPlainObject(node)) continue;
    if (typeof node.fact === 'string' && isFactReference(node.value)) return true;
    for (const key of ['all', 'any'] as const) if (Array.isArray(node[key])) stack.push(...node[key]);
    if (node.not !== undefined) stack.push(node.not);
  }
  return false;
}

function listOf<Item>(list: readonly Item[] | undefined): readonly (Item | undefined)[] {
  return Array.isArray(list) ? list : [];
}
