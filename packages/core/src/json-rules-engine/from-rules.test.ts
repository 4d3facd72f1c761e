import { Engine, type RuleProperties } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/compile-rule-set.js';
import type { FactDefinition, FactValue } from '../rule-set/types.js';
import { evaluateWithJsonRulesEngine } from './evaluate-with-json-rules-engine.js';
import { fromJsonRulesEngineRules } from './from-rules.js';

const identity = {
  id: 'imported-rules',
  version: '1.0.0',
  title: { zh: '导入的规则', en: 'Imported rules' },
};

/** json-rules-engine's examples/01-hello-world.js. */
const helloWorld = {
  rules: [
    {
      conditions: { all: [{ fact: 'displayMessage', operator: 'equal', value: true }] },
      event: { type: 'message', params: { data: 'hello-world!' } },
    },
  ],
  facts: { displayMessage: { type: 'boolean', title: { zh: '显示问候？', en: 'Display the message?' } } },
  cases: [{ displayMessage: true }, { displayMessage: false }],
} as const;

/** json-rules-engine's examples/02-nested-boolean-logic.js. */
const nestedBooleanLogic = {
  rules: [
    {
      conditions: {
        any: [
          {
            all: [
              { fact: 'gameDuration', operator: 'equal', value: 40 },
              { fact: 'personalFoulCount', operator: 'greaterThanInclusive', value: 5 },
            ],
            name: 'short foul limit',
          },
          {
            all: [
              { fact: 'gameDuration', operator: 'equal', value: 48 },
              { not: { fact: 'personalFoulCount', operator: 'lessThan', value: 6 } },
            ],
            name: 'long foul limit',
          },
        ],
      },
      event: { type: 'fouledOut', params: { message: 'Player has fouled out!' } },
    },
  ],
  facts: {
    personalFoulCount: { type: 'integer', title: { zh: '个人犯规次数', en: 'Personal fouls' }, min: 0 },
    gameDuration: { type: 'integer', title: { zh: '比赛时长', en: 'Game duration' }, unit: 'minutes' },
  },
  cases: [
    { personalFoulCount: 6, gameDuration: 40 },
    { personalFoulCount: 4, gameDuration: 40 },
    { personalFoulCount: 6, gameDuration: 48 },
    { personalFoulCount: 5, gameDuration: 48 },
  ],
} as const;

/**
 * json-rules-engine's examples/08-fact-comparison.js, with its object facts (`account` read at `$.balance`
 * with params, `product` at `$.price`) declared as the scalar facts they are read for.
 */
const factComparison = {
  rules: [
    {
      conditions: {
        all: [
          { fact: 'customerBalance', operator: 'greaterThanInclusive', value: { fact: 'giftCardPrice' } },
        ],
      },
      event: { type: 'customer-can-afford-gift-card' },
    },
  ],
  facts: {
    customerBalance: { type: 'number', title: { zh: '客户余额', en: 'Customer account balance' } },
    giftCardPrice: { type: 'number', title: { zh: '礼品卡价格', en: 'Gift card price' } },
  },
  cases: [
    { customerBalance: 75, giftCardPrice: 50 },
    { customerBalance: 50, giftCardPrice: 50 },
    { customerBalance: 10, giftCardPrice: 50 },
  ],
} as const;

/**
 * json-rules-engine's examples/10-condition-sharing.js: the shared condition `screwdriverAficionado`
 * (`engine.setCondition`), referenced by both rules, once under `not`. Its two runs are the first cases.
 */
const conditionSharing = {
  rules: [
    {
      conditions: {
        all: [{ condition: 'screwdriverAficionado' }, { fact: 'isSociable', operator: 'equal', value: true }],
      },
      event: { type: 'invite-to-screwdriver-social' },
    },
    {
      conditions: {
        all: [
          { not: { condition: 'screwdriverAficionado' } },
          { fact: 'isSociable', operator: 'equal', value: true },
        ],
      },
      event: { type: 'invite-to-other-social' },
    },
  ],
  conditions: {
    screwdriverAficionado: {
      all: [
        { fact: 'drinksOrangeJuice', operator: 'equal', value: true },
        { fact: 'enjoysVodka', operator: 'equal', value: true },
      ],
    },
  },
  facts: {
    drinksOrangeJuice: { type: 'boolean', title: { zh: '喝橙汁？', en: 'Drinks orange juice?' } },
    enjoysVodka: { type: 'boolean', title: { zh: '喜欢伏特加？', en: 'Enjoys vodka?' } },
    isSociable: { type: 'boolean', title: { zh: '善于交际？', en: 'Sociable?' } },
  },
  cases: [
    { drinksOrangeJuice: true, enjoysVodka: true, isSociable: true },
    { drinksOrangeJuice: true, enjoysVodka: false, isSociable: true },
    { drinksOrangeJuice: false, enjoysVodka: false, isSociable: false },
  ],
} as const;

/** Whether json-rules-engine fires each rule on these facts (each rule in an engine of its own). */
async function jsonRulesEngineFires(
  rules: readonly unknown[],
  facts: Record<string, FactValue>,
  conditions: Readonly<Record<string, unknown>> = {},
) {
  return Promise.all(
    rules.map(async (rule) => {
      const engine = new Engine([structuredClone(rule) as RuleProperties]);
      for (const [name, condition] of Object.entries(conditions))
        engine.setCondition(name, structuredClone(condition) as Parameters<Engine['setCondition']>[1]);
      const { events } = await engine.run(facts);
      return events.length === 1;
    }),
  );
}

describe('fromJsonRulesEngineRules on json-rules-engine examples', () => {
  it('10 condition sharing: the shared condition is kept as one, and the draft is format version 2', () => {
    const imported = fromJsonRulesEngineRules(conditionSharing.rules, {
      ...identity,
      facts: conditionSharing.facts,
      conditions: conditionSharing.conditions,
    });
    expect(imported.draft.formatVersion).toBe(2);
    expect(imported.draft.conditions).toEqual(conditionSharing.conditions);
    expect(imported.ok && imported.ruleSet.aspects[0]!.requirements[1]!.standards[0]!.condition).toEqual(
      conditionSharing.rules[1]!.conditions,
    );
  });

  it.each([
    ['01 hello world', helloWorld],
    ['02 nested boolean logic', nestedBooleanLogic],
    ['08 fact comparison', factComparison],
    ['10 condition sharing', conditionSharing],
  ])('%s: both backends decide each rule as json-rules-engine does', async (_name, example) => {
    const conditions = 'conditions' in example ? example.conditions : undefined;
    const imported = fromJsonRulesEngineRules(example.rules, {
      ...identity,
      facts: example.facts as Record<string, FactDefinition>,
      ...(conditions ? { conditions } : {}),
    });
    expect(imported.problems).toEqual([]);
    if (!imported.ok) return;
    expect(imported.ruleSet.provenance.status).toBe('provisional');
    for (const facts of example.cases) {
      const expected = await jsonRulesEngineFires(example.rules, facts, conditions);
      const assessment = { id: 'case', community: { name: '示例小区' }, facts };
      const compiled = evaluate(imported.ruleSet, assessment);
      const reference = await evaluateWithJsonRulesEngine(imported.ruleSet, assessment);
      expect(compiled.standards.map((standard) => standard.outcome === 'met')).toEqual(expected);
      expect(reference).toEqual(compiled);
    }
  });

  it('the examples fire both ways: the cases are not all alike', async () => {
    const outcomes = await Promise.all(
      [helloWorld, nestedBooleanLogic, factComparison, conditionSharing].flatMap((example) =>
        example.cases.map((facts) =>
          jsonRulesEngineFires(example.rules, facts, 'conditions' in example ? example.conditions : {}),
        ),
      ),
    );
    expect(outcomes.flat()).toContain(true);
    expect(outcomes.flat()).toContain(false);
  });
});
