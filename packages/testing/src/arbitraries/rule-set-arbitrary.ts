import type { Condition, FactType, FactValue, OperatorDefinition, RuleSetInput } from '@sunshine-rubric/core';
import fc from 'fast-check';
import { type KitOptions, kitOperators } from '../options/kit-options.js';

// Small value pools make equalities and boundaries (0.85, 200, a date) come up often.
const pools: Record<FactType, readonly FactValue[]> = {
  boolean: [true, false],
  integer: [0, 1, 2, 5, 10, 199, 200],
  number: [0, 0.25, 0.5, 0.85, 0.9, 1],
  string: ['x', 'y', 'z'],
  date: ['2020-12-31', '2021-01-01', '2021-09-30'],
  enum: ['a', 'b', 'c'],
};
const operatorsFor: Record<FactType, readonly string[]> = {
  boolean: ['equal', 'notEqual', 'in', 'notIn'],
  integer: [
    'equal',
    'notEqual',
    'in',
    'notIn',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
  ],
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  date: ['equal', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'notIn'],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
};
const factTypes = Object.keys(pools) as FactType[];

/**
 * Shape limits of {@link ruleSetArbitrary}. With `operators` / `plugins`, leaves use the custom operators
 * too (on the fact types they accept, with literals of their value type); define the drawn rule sets with
 * the same operators.
 */
export interface RuleSetArbitraryOptions extends KitOptions {
  /** At most this many facts (default 6). */
  readonly maxFacts?: number;
  /** At most this many aspects, requirements per aspect, standards per requirement (defaults 3, 3, 4). */
  readonly maxAspects?: number;
  readonly maxRequirements?: number;
  readonly maxStandards?: number;
  /** Condition nesting depth (default 3). */
  readonly maxDepth?: number;
  /** Scoring modes to draw from (default both). */
  readonly modes?: readonly ('compliance-rate' | 'points')[];
  /**
   * Draw shared conditions (`conditions`, up to 3, each may refer to those drawn before it) and references
   * to them (`{ condition: name }`) among the conditions (default false: format version 2 documents only
   * when asked, so that a seed replays the same rule sets as before and a tool that reads version 1 only
   * can still use the kit).
   */
  readonly sharedConditions?: boolean;
  /**
   * Draw leaves that compare their fact with another fact (`value: { fact }`) where a built-in operator
   * takes one value and a fact of a fitting type exists (default false, for the same reasons).
   */
  readonly factComparisons?: boolean;
  /**
   * Draw required evidence: each standard requires some of {@link evidenceKinds} (or none), and
   * `scoring.unevidenced` is `'shown'`, `'unmet'` or absent (default false, for the same reasons).
   */
  readonly evidence?: boolean;
  /**
   * In points mode, draw a minimum for some aspects (`scoring.aspectMinimums`): a share of the aspect's
   * points, in halves (default false, for the same reasons).
   */
  readonly aspectMinimums?: boolean;
}

/**
 * The kinds of document a rule set drawn with `evidence: true` requires of its standards; an assessment
 * drawn with `evidence: true` also cites the last, which no standard requires (an extra kind).
 *
 * @example
 * ```ts
 * evidenceKinds[0]; // '建设用地批准文件'
 * ```
 */
export const evidenceKinds: readonly string[] = ['建设用地批准文件', '现场照片', '管理台账', '其他材料'];

/** What the leaves and trees of one drawn rule set may use. */
interface ConditionPieces {
  readonly custom: readonly OperatorDefinition[];
  /** Names of shared conditions a tree may refer to. */
  readonly references: readonly string[];
  readonly factComparisons: boolean;
}

/** The facts a leaf on a fact of type `type` may compare with: the same type, or an integer for a number. */
function comparable(type: FactType, other: FactType): boolean {
  return other === type || (type === 'number' && other === 'integer');
}

function definitionOf(type: FactType, index: number): RuleSetInput['facts'][string] {
  const title = { zh: `事实${index}` };
  if (type === 'enum') return { type, title, values: ['a', 'b', 'c'] };
  return { type, title };
}

function leafArbitrary(
  facts: readonly [string, FactType][],
  { custom, factComparisons }: ConditionPieces,
): fc.Arbitrary<Condition> {
  return fc.constantFrom(...facts).chain(([fact, type]) => {
    const others = factComparisons
      ? facts.filter(([other, otherType]) => other !== fact && comparable(type, otherType))
      : [];
    const builtIn = operatorsFor[type].map((name) => ({
      name,
      list: name === 'in' || name === 'notIn',
      valueType: type,
    }));
    const own = custom
      .filter((operator) => operator.factTypes.includes(type))
      .map((operator) => ({
        name: operator.name,
        list: operator.valueKind === 'list',
        valueType: operator.valueType ?? type,
      }));
    const builtInNames = new Set(builtIn.map((operator) => operator.name));
    return fc.constantFrom(...builtIn, ...own).chain(({ name, list, valueType }) => {
      const literal = list
        ? fc.uniqueArray(fc.constantFrom(...pools[valueType]), { minLength: 1, maxLength: 3 })
        : fc.constantFrom(...pools[valueType]);
      const value: fc.Arbitrary<Extract<Condition, { fact: string }>['value']> =
        !list && builtInNames.has(name) && others.length > 0
          ? fc.oneof(
              literal,
              fc.constantFrom(...others).map(([other]) => ({ fact: other })),
            )
          : literal;
      return value.map((expected): Condition => ({ fact, operator: name, value: expected }));
    });
  });
}

/**
 * Random conditions over the given facts: leaves with fitting operators and values, all/any/not trees.
 * With `operators` / `plugins` in `options`, leaves use those custom operators too.
 *
 * @example
 * ```ts
 * fc.sample(conditionArbitrary([['cctvCoverage', 'number'], ['hasPolicingRoom', 'boolean']], 2), 3);
 * ```
 */
export function conditionArbitrary(
  facts: readonly [string, FactType][],
  depth = 3,
  options: KitOptions = {},
): fc.Arbitrary<Condition> {
  return treeArbitrary(facts, depth, {
    custom: kitOperators(options),
    references: [],
    factComparisons: false,
  });
}

function treeArbitrary(
  facts: readonly [string, FactType][],
  depth: number,
  pieces: ConditionPieces,
): fc.Arbitrary<Condition> {
  const plainLeaf = leafArbitrary(facts, pieces);
  const leaf =
    pieces.references.length === 0
      ? plainLeaf
      : fc.oneof(
          { weight: 2, arbitrary: plainLeaf },
          {
            weight: 1,
            arbitrary: fc.constantFrom(...pieces.references).map((name): Condition => ({ condition: name })),
          },
        );
  if (depth === 0) return leaf;
  const child = treeArbitrary(facts, depth - 1, pieces);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc.array(child, { minLength: 1, maxLength: 3 }).map((all): Condition => ({ all })),
    },
    {
      weight: 1,
      arbitrary: fc.array(child, { minLength: 1, maxLength: 3 }).map((any): Condition => ({ any })),
    },
    { weight: 1, arbitrary: child.map((not): Condition => ({ not })) },
  );
}

/**
 * Valid rule-set documents of varied shape: every fact type, both scoring modes, scopes and focuses, `applicableWhen`,
 * nested all/any/not conditions. Feed them to `defineRuleSet` or straight to the evaluator.
 *
 * @example
 * ```ts
 * test.prop([ruleSetArbitrary()])('every rule set compiles', (ruleSet) => {
 *   expect(() => compileRuleSet(ruleSet)).not.toThrow();
 * });
 * ```
 */
export function ruleSetArbitrary(options: RuleSetArbitraryOptions = {}): fc.Arbitrary<RuleSetInput> {
  const documents = documentArbitrary(options);
  const withMinimums = options.aspectMinimums ? documents.chain(withAspectMinimums) : documents;
  return options.evidence ? withMinimums.chain(withRequiredEvidence) : withMinimums;
}

/**
 * A points-mode rule set with a minimum drawn for some of its aspects: none, half, or all of the aspect's
 * points, or a share of them in halves (so that the minimum is often reached exactly). Other rule sets as
 * they are.
 */
function withAspectMinimums(document: RuleSetInput): fc.Arbitrary<RuleSetInput> {
  const scoring = document.scoring;
  if (scoring.mode !== 'points') return fc.constant(document);
  const totals = document.aspects.map((aspect) =>
    aspect.requirements.reduce(
      (sum, requirement) =>
        sum + requirement.standards.reduce((inner, standard) => inner + (standard.points ?? 0), 0),
      0,
    ),
  );
  const share = fc.option(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), { freq: 3, nil: undefined });
  return fc.array(share, { minLength: totals.length, maxLength: totals.length }).map((shares) => {
    const minimums = Object.fromEntries(
      document.aspects.flatMap((aspect, index) => {
        const aspectShare = shares[index];
        return aspectShare === undefined
          ? []
          : [[aspect.id, Math.round(totals[index]! * aspectShare * 2) / 2]];
      }),
    );
    return Object.keys(minimums).length === 0
      ? document
      : { ...document, scoring: { ...scoring, aspectMinimums: minimums } };
  });
}

/** The rule set with evidence required of its standards (some, or none) and a drawn `unevidenced`. */
function withRequiredEvidence(document: RuleSetInput): fc.Arbitrary<RuleSetInput> {
  const count = document.aspects.reduce(
    (sum, aspect) =>
      sum + aspect.requirements.reduce((inner, requirement) => inner + requirement.standards.length, 0),
    0,
  );
  const required = fc.subarray(evidenceKinds.slice(0, -1) as string[]);
  return fc
    .tuple(
      fc.array(required, { minLength: count, maxLength: count }),
      fc.constantFrom(undefined, 'shown' as const, 'unmet' as const),
    )
    .map(([lists, unevidenced]) => {
      let position = 0;
      const aspects = document.aspects.map((aspect) => ({
        ...aspect,
        requirements: aspect.requirements.map((requirement) => ({
          ...requirement,
          standards: requirement.standards.map((standard) => {
            const evidence = lists[position++]!;
            return evidence.length > 0 ? { ...standard, evidence } : standard;
          }),
        })),
      }));
      const scoring = unevidenced === undefined ? document.scoring : { ...document.scoring, unevidenced };
      return { ...document, scoring, aspects };
    });
}

function documentArbitrary(options: RuleSetArbitraryOptions): fc.Arbitrary<RuleSetInput> {
  const { maxFacts = 6, maxAspects = 3, maxRequirements = 3, maxStandards = 4, maxDepth = 3 } = options;
  const modes = options.modes ?? ['compliance-rate', 'points'];
  return fc.array(fc.constantFrom(...factTypes), { minLength: 1, maxLength: maxFacts }).chain((types) => {
    const facts = types.map((type, index): [string, FactType] => [`f${index}`, type]);
    const names = options.sharedConditions ? ['c0', 'c1', 'c2'] : [];
    const pieces: ConditionPieces = {
      custom: kitOperators(options),
      references: names,
      factComparisons: options.factComparisons === true,
    };
    const tree = (depth: number) => treeArbitrary(facts, depth, pieces);
    // Shared condition c<i> may refer only to c<j>, j < i: no cycles. A bare leaf at the root is wrapped,
    // as json-rules-engine's setCondition requires.
    const shared = fc.tuple(
      ...names.map((_, index) =>
        treeArbitrary(facts, 2, { ...pieces, references: names.slice(0, index) }).map(
          (condition): Condition => ('fact' in condition ? { all: [condition] } : condition),
        ),
      ),
    );
    const standard = fc.record({
      condition: tree(maxDepth),
      applicableWhen: fc.option(tree(1), { freq: 4, nil: undefined }),
      points: fc.integer({ min: 0, max: 5 }),
    });
    const shape = fc.array(
      fc.array(fc.array(standard, { minLength: 1, maxLength: maxStandards }), {
        minLength: 1,
        maxLength: maxRequirements,
      }),
      { minLength: 1, maxLength: maxAspects },
    );
    return fc
      .record({
        shape,
        scope: fc.option(tree(1), { freq: 3, nil: undefined }),
        focus: fc.option(tree(1), { freq: 3, nil: undefined }),
        sharedTrees: shared,
        mode: fc.constantFrom(...modes),
        threshold: fc.oneof(fc.constantFrom(0, 0.5, 0.85, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        minMetPerRequirement: fc.integer({ min: 0, max: 2 }),
        passMarkShare: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(
        ({
          shape: aspects,
          scope,
          focus,
          sharedTrees,
          mode,
          threshold,
          minMetPerRequirement,
          passMarkShare,
        }) => {
          let counter = 0;
          let totalPoints = 0;
          const built: RuleSetInput['aspects'] = aspects.map((requirements, a) => ({
            id: `a${a}`,
            title: { zh: `方面${a}` },
            requirements: requirements.map((standards, r) => ({
              id: `a${a}-r${r}`,
              title: { zh: `要求${a}-${r}` },
              standards: standards.map(({ condition, applicableWhen, points }) => {
                totalPoints += points;
                const id = `s${counter++}`;
                return {
                  id,
                  title: { zh: `标准${id}` },
                  condition,
                  points,
                  ...(applicableWhen ? { applicableWhen } : {}),
                };
              }),
            })),
          }));
          const scoring: RuleSetInput['scoring'] =
            mode === 'points'
              ? { mode, passMark: Math.floor(totalPoints * passMarkShare), minMetPerRequirement }
              : { mode, threshold, minMetPerRequirement };
          return {
            id: 'random-rubric',
            version: '1.0.0',
            title: { zh: '随机评分标准' },
            provenance: { status: 'provisional' as const, source: 'fast-check' },
            facts: Object.fromEntries(facts.map(([id, type], index) => [id, definitionOf(type, index)])),
            ...usedSharedConditions(names, sharedTrees, [scope, focus, built]),
            ...(scope ? { scope } : {}),
            ...(focus ? { focus } : {}),
            scoring,
            aspects: built,
          };
        },
      );
  });
}

/**
 * The drawn shared conditions that the rule set reaches (directly or through one another), as its
 * `conditions`; none, no `conditions`. A rule set refuses a shared condition nothing refers to.
 */
function usedSharedConditions(
  names: readonly string[],
  trees: readonly Condition[],
  roots: readonly unknown[],
): { conditions?: Record<string, Condition> } {
  const byName = new Map(names.map((name, index) => [name, trees[index]!]));
  const used = new Set<string>();
  const pending: unknown[] = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (typeof node === 'object' && node !== null) {
      const name = (node as { condition?: unknown }).condition;
      if (typeof name === 'string' && byName.has(name)) {
        if (!used.has(name)) pending.push(byName.get(name));
        used.add(name);
      } else pending.push(...Object.values(node));
    }
  }
  const kept = names.filter((name) => used.has(name));
  return kept.length === 0
    ? {}
    : { conditions: Object.fromEntries(kept.map((name) => [name, byName.get(name)!])) };
}
