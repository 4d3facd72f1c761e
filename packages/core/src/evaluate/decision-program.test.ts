import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { indexFacts } from '../assessment/read-facts.js';
import { operatorTable } from '../rule-set/operators.js';
import type { Condition, FactDefinition, FactValue } from '../rule-set/types.js';
import { compileCondition } from './compile-condition.js';
import {
  fails,
  holds,
  joinStandards,
  notApplicable,
  Operation,
  runDecision,
  standardOutcome,
} from './decision-program.js';
import type { FactValues } from './fact-values.js';
import { OutcomeCode } from './outcome-codes.js';

// A flat decision program must decide every condition as its explanation does (which evaluates every
// node, without short circuits): the same verdict on the same facts, whatever the nesting.
const catalog: Record<string, FactDefinition> = {
  households: { type: 'integer', title: { zh: '户数' } },
  share: { type: 'number', title: { zh: '比例' } },
  hasLifts: { type: 'boolean', title: { zh: '电梯' } },
  heating: { type: 'enum', title: { zh: '供暖' }, values: ['none', 'gas', 'electric'] },
  inspected: { type: 'date', title: { zh: '检查日期' } },
};
const facts = indexFacts(catalog);
const operators = operatorTable([]);
const comparisons = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    fact: fc.constantFrom('households', 'share'),
    operator: fc.constantFrom(...comparisons),
    value: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom(0.5, 1.5)),
  }),
  fc.record({
    fact: fc.constant('hasLifts'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.boolean(),
  }),
  fc.record({
    fact: fc.constant('heating'),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.subarray(['none', 'gas', 'electric']),
  }),
  fc.record({
    fact: fc.constant('inspected'),
    operator: fc.constantFrom(...comparisons),
    value: fc.constantFrom('2021-01-01', '2021-06-30'),
  }),
  fc.record({
    fact: fc.constant('households'),
    operator: fc.constantFrom(...comparisons),
    value: fc.constant({ fact: 'share' }),
  }),
) as fc.Arbitrary<Condition>;

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 4 }) }),
    fc.record({ not: tie('condition') }),
  ) as fc.Arbitrary<Condition>,
}));

const values: fc.Arbitrary<FactValues> = fc.tuple(
  fc.integer({ min: -2, max: 4 }),
  fc.constantFrom(0, 0.5, 1, 1.5, 3),
  fc.boolean(),
  fc.constantFrom('none', 'gas', 'electric'),
  fc.constantFrom('2020-12-31', '2021-01-01', '2021-06-30', '2022-01-01'),
) as fc.Arbitrary<FactValue[]>;

describe('a decision program', () => {
  test.prop([condition, values], { numRuns: 3000 })(
    'decides every condition as its explanation does',
    (tree, factValues) => {
      const compiled = compileCondition(tree, facts, operators);
      expect(runDecision(compiled.program, factValues)).toBe(compiled.explain(factValues).result);
      expect(compiled.test(factValues)).toBe(compiled.explain(factValues).result);
    },
  );

  it('writes a leaf per comparison, and `all: []` and `any: []` as verdicts alone', () => {
    const program = compileCondition(
      { all: [{ fact: 'hasLifts', operator: 'equal', value: true }, { not: { any: [] } }] },
      facts,
      operators,
    ).program;
    expect(program.code).toHaveLength(5);
    expect([...program.code]).toEqual([Operation.equal, facts.positionOf.get('hasLifts'), 0, holds, fails]);
    expect(compileCondition({ all: [] }, facts, operators).program.start).toBe(holds);
    expect(compileCondition({ any: [] }, facts, operators).program.start).toBe(fails);
  });

  test.prop(
    [
      fc.array(fc.record({ applicableWhen: fc.option(condition, { nil: undefined }), condition }), {
        maxLength: 6,
      }),
      values,
    ],
    { numRuns: 500 },
  )(
    'joined, decides each standard as its own programs do: not applicable, met or unmet',
    (standards, factValues) => {
      const compiled = standards.map((standard) => ({
        applicableWhen:
          standard.applicableWhen === undefined
            ? undefined
            : compileCondition(standard.applicableWhen, facts, operators).program,
        condition: compileCondition(standard.condition, facts, operators).program,
      }));
      const programs = joinStandards(compiled);
      compiled.forEach(({ applicableWhen, condition: program }, position) => {
        const expected =
          applicableWhen !== undefined && !runDecision(applicableWhen, factValues)
            ? OutcomeCode.notApplicable
            : runDecision(program, factValues)
              ? OutcomeCode.met
              : OutcomeCode.unmet;
        expect(standardOutcome(programs, position, factValues)).toBe(expected);
      });
    },
  );

  it('names outcomes by its verdicts: -1 - the outcome code', () => {
    expect([-1 - holds, -1 - fails, -1 - notApplicable]).toEqual([
      OutcomeCode.met,
      OutcomeCode.unmet,
      OutcomeCode.notApplicable,
    ]);
  });
});
