import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { RubricError } from '../errors/rubric-error.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { builtInOperators, type OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import { compileRuleSet } from './compile-rule-set.js';
import { guardedEvaluate } from './plugin-operator.js';

function ruleSetCalling(operator: string): RuleSetInput {
  const ruleSet = sampleRuleSet() as RuleSetInput & {
    aspects: { requirements: { standards: object[] }[] }[];
  };
  const standard = ruleSet.aspects[0]!.requirements[0]!.standards[1] as { condition: object };
  standard.condition = {
    all: [
      { fact: 'securityStaff', operator: 'greaterThanInclusive', value: 4 },
      { fact: 'heating', operator, value: 'gas' },
    ],
  };
  return ruleSet;
}

const misbehaving: [string, () => unknown, RegExp][] = [
  [
    'throws a TypeError',
    () => {
      throw new TypeError('cannot read the register');
    },
    /^operator "startsWith" threw TypeError: cannot read the register$/,
  ],
  ['returns a Promise', () => Promise.resolve(true), /^operator "startsWith" returned a Promise/],
  ['returns "yes"', () => 'yes', /^operator "startsWith" returned "yes", not true or false$/],
  ['returns an object', () => ({}), /^operator "startsWith" returned an object, not true or false$/],
  ['returns nothing', () => undefined, /^operator "startsWith" returned nothing, not true or false$/],
];

function operator(evaluate: () => unknown): OperatorDefinition {
  return {
    name: 'startsWith',
    factTypes: ['enum'],
    valueKind: 'scalar',
    valueType: 'string',
    evaluate: evaluate as OperatorDefinition['evaluate'],
  };
}

async function failureOf(call: () => unknown): Promise<RubricError> {
  try {
    await call();
  } catch (error) {
    if (RubricError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RubricError');
}

describe('a plugin operator that misbehaves', () => {
  const assessment = assessmentOf(perfectFacts());
  const path = ['aspects', 0, 'requirements', 0, 'standards', 1, 'condition', 'all', 1];

  it.each(misbehaving)(
    'is PLUGIN_FAILED at its leaf when it %s, in both backends and modes',
    async (_how, evaluate, message) => {
      const operators = [operator(evaluate)];
      const ruleSet = ruleSetCalling('startsWith');
      const failures = [
        await failureOf(() =>
          compileRuleSet(defineRuleSet(ruleSet, { operators }), { operators }).evaluate(assessment),
        ),
        await failureOf(() =>
          compileRuleSet(defineRuleSet(ruleSet, { operators }), { operators }).evaluate(assessment, {
            explain: false,
          }),
        ),
        await failureOf(() =>
          createJsonRulesEngineEvaluator(defineRuleSet(ruleSet, { operators }), { operators }).evaluate(
            assessment,
          ),
        ),
      ];
      for (const failure of failures) {
        expect(failure.code).toBe('PLUGIN_FAILED');
        expect(failure.issues).toEqual([
          { path, message: expect.stringMatching(message), kind: 'operator-failed' },
        ]);
      }
      expect(failures[1]!.issues).toEqual(failures[0]!.issues);
      expect(failures[2]!.issues).toEqual(failures[0]!.issues);
    },
  );

  it('keeps the thrown error as the cause', async () => {
    const thrown = new TypeError('cannot read the register');
    const operators = [
      operator(() => {
        throw thrown;
      }),
    ];
    const failure = await failureOf(() =>
      compileRuleSet(defineRuleSet(ruleSetCalling('startsWith'), { operators }), { operators }).evaluate(
        assessment,
      ),
    );
    expect(failure.cause).toBe(thrown);
  });

  it('is called even where a sibling leaf already decides, so that both modes see the same calls', () => {
    const calls: unknown[] = [];
    const operators = [operator((...args: unknown[]) => calls.push(args) > 0)];
    const ruleSet = ruleSetCalling('startsWith');
    const facts = { ...perfectFacts(), securityStaff: 0 };
    compileRuleSet(defineRuleSet(ruleSet, { operators }), { operators }).evaluate(assessmentOf(facts), {
      explain: false,
    });
    expect(calls).toHaveLength(1);
  });

  it('answering true or false is a verdict as before', () => {
    const operators = [operator(() => true)];
    const result = compileRuleSet(defineRuleSet(ruleSetCalling('startsWith'), { operators }), {
      operators,
    }).evaluate(assessment);
    expect(result.standards[1]!.outcome).toBe('met');
  });
});

describe('guardedEvaluate', () => {
  it('leaves the built-in operators unwrapped: they pay nothing', () => {
    for (const builtIn of builtInOperators)
      expect(guardedEvaluate(builtIn, ['scope'])).toBe(builtIn.evaluate);
  });
});
