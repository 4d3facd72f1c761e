import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { assessmentOf } from '../../test/fixtures.js';
import { formatPath } from '../errors/rubric-error.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import { EvaluationResultSchema } from '../result/schema.js';
import { factsReadBy } from '../rule-set/conditions.js';
import { defineRuleSet, safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { Condition } from '../rule-set/types.js';
import { explanationInWords } from '../words/explanation-words.js';
import { evaluate } from './compile-rule-set.js';

const greenEnough: Condition = {
  fact: 'greenArea',
  operator: 'greaterThanInclusive',
  value: { fact: 'requiredGreenArea' },
};

function greenRuleSet(condition: unknown = greenEnough): RuleSetInput {
  return {
    id: 'green-rubric',
    version: '1.0.0',
    title: { zh: '绿化' },
    provenance: { status: 'provisional', source: 'test' },
    facts: {
      greenArea: { type: 'number', title: { zh: '绿地面积', en: 'green area' }, unit: 'm²', min: 0 },
      requiredGreenArea: {
        type: 'integer',
        title: { zh: '应有绿地面积', en: 'required green area' },
        unit: 'm²',
      },
      builtUnits: { type: 'integer', title: { zh: '建成套数' } },
      hasGarden: { type: 'boolean', title: { zh: '是否有花园' } },
      heating: { type: 'enum', title: { zh: '供暖' }, values: ['none', 'gas', 'electric'] },
      plannedHeating: { type: 'enum', title: { zh: '计划供暖' }, values: ['gas', 'electric'] },
      anyHeating: { type: 'enum', title: { zh: '任意供暖' }, values: ['gas', 'solar'] },
    },
    scoring: { mode: 'compliance-rate', threshold: 1 },
    aspects: [
      {
        id: 'green',
        title: { zh: '绿化' },
        requirements: [
          {
            id: 'green-area',
            title: { zh: '绿地' },
            standards: [{ id: 's-green', title: { zh: '绿地达标' }, condition: condition as Condition }],
          },
        ],
      },
    ],
  } as RuleSetInput;
}

function issuesOf(condition: unknown) {
  const result = safeDefineRuleSet(greenRuleSet(condition));
  if (result.ok) throw new Error('expected the rule set to be rejected');
  return result.error.issues.map((issue) => ({ path: formatPath(issue.path), kind: issue.kind }));
}

const leafPath = '$.aspects[0].requirements[0].standards[0].condition';

describe('a condition comparing a fact with another fact', () => {
  it('is accepted, and the other fact counts among the facts the condition reads', () => {
    expect(safeDefineRuleSet(greenRuleSet()).ok).toBe(true);
    expect(factsReadBy(greenEnough)).toEqual(['greenArea', 'requiredGreenArea']);
    const enumLeaf = { fact: 'heating', operator: 'equal', value: { fact: 'plannedHeating' } };
    expect(safeDefineRuleSet(greenRuleSet(enumLeaf)).ok).toBe(true);
  });

  it('is refused when the other fact is undeclared, the fact itself, or holds values the operator does not take', () => {
    const leaf = (value: unknown, operator = 'greaterThanInclusive', fact = 'greenArea') => ({
      fact,
      operator,
      value,
    });
    expect(issuesOf(leaf({ fact: 'parkArea' }))).toEqual([
      { path: `${leafPath}.value.fact`, kind: 'undeclared-fact' },
    ]);
    expect(issuesOf(leaf({ fact: 'greenArea' }))).toEqual([
      { path: `${leafPath}.value.fact`, kind: 'self-comparison' },
    ]);
    expect(issuesOf(leaf({ fact: 'hasGarden' }))).toEqual([
      { path: `${leafPath}.value.fact`, kind: 'value-type-mismatch' },
    ]);
    // An integer fact takes integer literals only: a number fact is not one.
    expect(issuesOf(leaf({ fact: 'greenArea' }, 'lessThan', 'builtUnits'))).toEqual([
      { path: `${leafPath}.value.fact`, kind: 'value-type-mismatch' },
    ]);
    // `anyHeating` may be 'solar', which `heating` never is.
    expect(issuesOf(leaf({ fact: 'anyHeating' }, 'equal', 'heating'))).toEqual([
      { path: `${leafPath}.value.fact`, kind: 'value-type-mismatch' },
    ]);
  });

  it('is refused with a list operator, and with path or params on the value', () => {
    expect(issuesOf({ fact: 'heating', operator: 'in', value: { fact: 'plannedHeating' } })).toEqual([
      { path: `${leafPath}.value`, kind: 'value-type-mismatch' },
    ]);
    for (const key of ['path', 'params']) {
      const value = { fact: 'requiredGreenArea', [key]: 'x' };
      const result = safeDefineRuleSet(greenRuleSet({ ...greenEnough, value }));
      expect(result.ok ? [] : result.error.issues).toEqual([
        {
          path: ['aspects', 0, 'requirements', 0, 'standards', 0, 'condition', 'value'],
          message: `a fact value has only "fact": facts are scalar, so "${key}" cannot be used`,
          kind: 'unrecognized_keys',
        },
      ]);
    }
  });

  it('compares the two values and explains both', () => {
    const result = evaluate(
      defineRuleSet(greenRuleSet()),
      assessmentOf({ greenArea: 1200, requiredGreenArea: 1000 }),
    );
    expect(result.standards[0]!.outcome).toBe('met');
    expect(result.standards[0]!.explanation!.condition).toEqual({
      kind: 'leaf',
      fact: 'greenArea',
      operator: 'greaterThanInclusive',
      expected: { fact: 'requiredGreenArea' },
      actual: 1200,
      expectedActual: 1000,
      result: true,
    });
    expect(EvaluationResultSchema.safeParse(result).success).toBe(true);
    const unmet = evaluate(
      defineRuleSet(greenRuleSet()),
      assessmentOf({ greenArea: 999.5, requiredGreenArea: 1000 }),
    );
    expect(unmet.standards[0]!.outcome).toBe('unmet');
  });

  it('is missing-data when either fact is missing, naming each missing one', async () => {
    const cases = [
      [{ greenArea: 1200 }, ['requiredGreenArea']],
      [{ requiredGreenArea: 1000 }, ['greenArea']],
      [{}, ['greenArea', 'requiredGreenArea']],
    ] as const;
    const reference = createJsonRulesEngineEvaluator(defineRuleSet(greenRuleSet()));
    for (const [facts, missing] of cases) {
      const result = evaluate(defineRuleSet(greenRuleSet()), assessmentOf(facts));
      expect(result.standards[0]!.outcome).toBe('missing-data');
      expect(result.missingFacts).toEqual(missing);
      expect(result.standards[0]!.explanation!.condition.result).toBeNull();
      expect(await reference.evaluate(assessmentOf(facts))).toEqual(result);
    }
  });

  it('calls a plugin operator with both values, and never while either fact is missing, in both backends', async () => {
    const calls: unknown[][] = [];
    const atLeast: OperatorDefinition = {
      name: 'atLeast',
      factTypes: ['number'],
      valueKind: 'scalar',
      evaluate: (a, b) => {
        calls.push([a, b]);
        return (a as number) >= (b as number);
      },
    };
    const operators = [atLeast];
    const ruleSet = defineRuleSet(greenRuleSet({ ...greenEnough, operator: 'atLeast' }), { operators });
    const reference = createJsonRulesEngineEvaluator(ruleSet, { operators });
    for (const explain of [true, false]) {
      const missing = assessmentOf({ greenArea: 1200 });
      const compiled = evaluate(ruleSet, missing, { operators, explain });
      expect(compiled.standards[0]!.outcome).toBe('missing-data');
      expect(await createJsonRulesEngineEvaluator(ruleSet, { operators, explain }).evaluate(missing)).toEqual(
        compiled,
      );
    }
    expect(calls).toEqual([]);
    const met = await reference.evaluate(assessmentOf({ greenArea: 1200, requiredGreenArea: 1000 }));
    expect(met.standards[0]!.outcome).toBe('met');
    expect(calls).toEqual([[1200, 1000]]);
  });

  it('reads in words with both values', () => {
    const ruleSet = greenRuleSet();
    const result = evaluate(
      defineRuleSet(ruleSet),
      assessmentOf({ greenArea: 1200, requiredGreenArea: 1000 }),
    );
    expect(explanationInWords(result.standards[0]!.explanation, ruleSet as never)[0]!.text).toEqual({
      zh: '“绿地面积”应不低于“应有绿地面积”（1000m²），实际为1200m²',
      en: '“green area” should be at least “required green area” (1000 m²); it is 1200 m²',
    });
  });

  it('reads in words as not answered when the other fact is missing', () => {
    const ruleSet = greenRuleSet();
    const result = evaluate(defineRuleSet(ruleSet), assessmentOf({ greenArea: 1200 }));
    expect(explanationInWords(result.standards[0]!.explanation, ruleSet as never)[0]).toEqual({
      depth: 0,
      text: {
        zh: '“绿地面积”应不低于“应有绿地面积”（未填写），实际为1200m²',
        en: '“green area” should be at least “required green area” (not answered); it is 1200 m²',
      },
      result: null,
    });
  });
});

describe("json-rules-engine's example 08 (fact comparison) as a rule set", () => {
  // The example's rule, as json-rules-engine runs it: the customer account's balance against the gift
  // card's price, both read from lists with `path` and `params`.
  async function canAffordInJsonRulesEngine(balance: number): Promise<boolean> {
    const engine = new Engine();
    engine.addRule({
      conditions: {
        all: [
          {
            fact: 'account',
            path: '$.balance',
            params: { accountType: 'customer' },
            operator: 'greaterThanInclusive',
            value: { fact: 'product', path: '$.price', params: { productId: 'giftCard' } },
          },
        ],
      },
      event: { type: 'customer-can-afford-gift-card' },
    });
    engine.addFact('account', async (params, almanac) => {
      const accounts = await almanac.factValue<{ type: string; balance: number }[]>('accounts');
      return accounts.find((account) => account.type === params.accountType);
    });
    engine.addFact('product', async (params, almanac) => {
      const products = await almanac.factValue<{ productId: string; price: number }[]>('products');
      return products.find((product) => product.productId === params.productId);
    });
    const products = [
      { productId: 'giftCard', price: 50 },
      { productId: 'widget', price: 45 },
      { productId: 'widget-plus', price: 800 },
    ];
    const accounts = [
      { type: 'customer', balance },
      { type: 'partner', balance: 0 },
    ];
    const { events } = await engine.run({ accounts, products });
    return events.some((event) => event.type === 'customer-can-afford-gift-card');
  }

  // Facts are scalar here: the host reads the balance and the price into facts of their own.
  const giftCardRuleSet = {
    ...greenRuleSet({
      fact: 'customerBalance',
      operator: 'greaterThanInclusive',
      value: { fact: 'giftCardPrice' },
    }),
    facts: {
      customerBalance: { type: 'number', title: { zh: '客户账户余额', en: 'customer balance' } },
      giftCardPrice: { type: 'number', title: { zh: '礼品卡价格', en: 'gift card price' } },
    },
  } as RuleSetInput;

  it('gives the outcome json-rules-engine gives on the same facts (washington 500, jefferson 30, and the boundary)', async () => {
    for (const balance of [500, 30, 50, 49.99]) {
      const result = evaluate(
        defineRuleSet(giftCardRuleSet),
        assessmentOf({ customerBalance: balance, giftCardPrice: 50 }),
      );
      const met = result.standards[0]!.outcome === 'met';
      expect(met).toBe(await canAffordInJsonRulesEngine(balance));
    }
    expect(await canAffordInJsonRulesEngine(500)).toBe(true);
    expect(await canAffordInJsonRulesEngine(30)).toBe(false);
  });
});
