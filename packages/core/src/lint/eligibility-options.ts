import { type Assignment, truthOf } from './condition-truth.js';
import { forEachAssignment, type ValueSpace } from './decide.js';
import type { StandardInfo } from './lint-context.js';
import { UnionFind } from './union-find.js';

/**
 * What one way of answering a group of facts does to the verdict: its standards met and applicable, per
 * requirement, points per aspect. Groups share no fact, so the choices of different groups are independent.
 */
export interface Option {
  readonly values: Assignment;
  readonly met: number;
  readonly applicable: number;
  /** Points of met standards, scaled to integers. */
  readonly points: number;
  /** Per requirement (global position) the group touches: [position, met, applicable]. */
  readonly requirements: readonly (readonly [number, number, number])[];
  /** Per aspect the group touches: [position, scaled points]. */
  readonly aspects: readonly (readonly [number, number])[];
}

/** How a standard counts: its requirement's global position and its scaled points. */
export interface Counting {
  readonly requirementPosition: (info: StandardInfo) => number;
  readonly scaledPoints: (info: StandardInfo) => number;
}

const noFacts = '\u0000no-facts';

/**
 * Splits the facts into groups connected by the standards that read them (and the scope), and enumerates
 * each group's answers, keeping one per distinct outcome of its standards. Out-of-scope answers are dropped,
 * so a group without options means no estate is in scope. `too-many` when a group has more than
 * `MAX_ASSIGNMENTS` combinations.
 */
export function optionGroups(
  space: ValueSpace,
  standards: readonly StandardInfo[],
  counting: Counting,
): Option[][] | 'too-many' {
  const union = new UnionFind();
  const joinAll = (facts: readonly string[]) => {
    for (const fact of facts) union.join(facts[0]!, fact);
  };
  standards.forEach((info) => {
    joinAll(info.facts);
  });
  joinAll(space.scopeFacts);
  const rootOf = (facts: readonly string[]) => (facts.length === 0 ? noFacts : union.find(facts[0]!));
  const scopeRoot = space.scope === undefined ? undefined : rootOf(space.scopeFacts);
  const members = new Map(union.groups());
  members.set(noFacts, []);
  const groups: Option[][] = [];
  const byRoot = new Map<string, StandardInfo[]>();
  for (const info of standards) {
    const root = rootOf(info.facts);
    const members = byRoot.get(root);
    if (members) members.push(info);
    else byRoot.set(root, [info]);
  }
  for (const [root, facts] of members) {
    const inGroup = byRoot.get(root) ?? [];
    const hasScope = scopeRoot === root;
    if (inGroup.length === 0 && !hasScope) continue;
    const options = new Map<string, Option>();
    const complete = forEachAssignment(space, facts, (values) => {
      if (hasScope && truthOf(space.scope!, values) !== true) return true;
      const outcomes = inGroup.map((info) =>
        info.applicable(values) !== true ? 'n' : info.met(values) === true ? 'm' : 'u',
      );
      const key = outcomes.join('');
      if (!options.has(key)) options.set(key, optionOf({ ...values }, inGroup, outcomes, counting));
      return true;
    });
    if (!complete) return 'too-many';
    groups.push([...options.values()]);
  }
  return groups;
}

function optionOf(
  values: Assignment,
  infos: readonly StandardInfo[],
  outcomes: readonly string[],
  counting: Counting,
): Option {
  let met = 0;
  let applicable = 0;
  let points = 0;
  const requirements = new Map<number, [number, number, number]>();
  const aspects = new Map<number, [number, number]>();
  infos.forEach((info, index) => {
    const outcome = outcomes[index];
    const position = counting.requirementPosition(info);
    const counts = requirements.get(position) ?? [position, 0, 0];
    requirements.set(position, counts);
    const aspect = aspects.get(info.aspectIndex) ?? [info.aspectIndex, 0];
    aspects.set(info.aspectIndex, aspect);
    if (outcome === 'n') return;
    applicable++;
    counts[2]++;
    if (outcome !== 'm') return;
    met++;
    counts[1]++;
    const earned = counting.scaledPoints(info);
    points += earned;
    aspect[1] += earned;
  });
  return {
    values,
    met,
    applicable,
    points,
    requirements: [...requirements.values()],
    aspects: [...aspects.values()],
  };
}
