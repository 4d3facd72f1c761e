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
}

function definitionOf(type: FactType, index: number): RuleSetInput['facts'][string] {
  const title = { zh: `事实${index}` };
  if (type === 'enum') return { type, title, values: ['a', 'b', 'c'] };
  return { type, title };
}

function leafArbitrary(
  facts: readonly [string, FactType][],
  custom: readonly OperatorDefinition[],
): fc.Arbitrary<Condition> {
  return fc.constantFrom(...facts).chain(([fact, type]) => {
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
    return fc.constantFrom(...builtIn, ...own).chain(({ name, list, valueType }) => {
      const value = list
        ? fc.uniqueArray(fc.constantFrom(...pools[valueType]), { minLength: 1, maxLength: 3 })
        : fc.constantFrom(...pools[valueType]);
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
  const leaf = leafArbitrary(facts, kitOperators(options));
  if (depth === 0) return leaf;
  const child = conditionArbitrary(facts, depth - 1, options);
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
  const { maxFacts = 6, maxAspects = 3, maxRequirements = 3, maxStandards = 4, maxDepth = 3 } = options;
  const modes = options.modes ?? ['compliance-rate', 'points'];
  return fc.array(fc.constantFrom(...factTypes), { minLength: 1, maxLength: maxFacts }).chain((types) => {
    const facts = types.map((type, index): [string, FactType] => [`f${index}`, type]);
    const standard = fc.record({
      condition: conditionArbitrary(facts, maxDepth, options),
      applicableWhen: fc.option(conditionArbitrary(facts, 1, options), { freq: 4, nil: undefined }),
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
        scope: fc.option(conditionArbitrary(facts, 1, options), { freq: 3, nil: undefined }),
        focus: fc.option(conditionArbitrary(facts, 1, options), { freq: 3, nil: undefined }),
        mode: fc.constantFrom(...modes),
        threshold: fc.oneof(fc.constantFrom(0, 0.5, 0.85, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        minMetPerRequirement: fc.integer({ min: 0, max: 2 }),
        passMarkShare: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ shape: aspects, scope, focus, mode, threshold, minMetPerRequirement, passMarkShare }) => {
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
          ...(scope ? { scope } : {}),
          ...(focus ? { focus } : {}),
          scoring,
          aspects: built,
        };
      });
  });
}
