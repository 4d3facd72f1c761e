import { Rule } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { OperatorDefinition } from '../rule-set/operators.js';
import { fromJsonRulesEngineRules } from './from-rules.js';

const options = {
  id: 'imported-rules',
  version: '1.0.0',
  title: { zh: '导入的规则' },
  facts: {
    occupied: { type: 'boolean', title: { zh: '已入住？' } },
    households: { type: 'integer', title: { zh: '户数' }, min: 0 },
    quota: { type: 'integer', title: { zh: '指标' }, min: 0 },
  },
} as const;

const leaf = { fact: 'households', operator: 'greaterThan', value: 10 };
const ruleWith = (condition: unknown) => ({ name: 'big', conditions: { all: [leaf, condition] } });
const problemsOf = (rules: readonly unknown[], extra: object = {}) => {
  const imported = fromJsonRulesEngineRules(rules, { ...options, ...extra });
  return imported.problems.map(({ path, kind }) => ({ path, kind }));
};

describe('fromJsonRulesEngineRules reports each problem at its path in the input', () => {
  it('a path on a leaf (facts are scalar)', () => {
    expect(problemsOf([ruleWith({ ...leaf, path: '$.count' })])).toEqual([
      { path: [0, 'conditions', 'all', 1, 'path'], kind: 'path' },
    ]);
  });

  it('an operator decorator', () => {
    expect(problemsOf([ruleWith({ ...leaf, operator: 'everyFact:greaterThan' })])).toEqual([
      { path: [0, 'conditions', 'all', 1, 'operator'], kind: 'operator-decorator' },
    ]);
    expect(problemsOf([ruleWith({ ...leaf, operator: 'not:equal' })])[0]?.kind).toBe('operator-decorator');
  });

  it('an unknown operator, unless a custom operator of that name is given', () => {
    const rules = [ruleWith({ ...leaf, operator: 'divisibleBy' })];
    expect(problemsOf(rules)).toEqual([
      { path: [0, 'conditions', 'all', 1, 'operator'], kind: 'unknown-operator' },
    ]);
    const divisibleBy: OperatorDefinition = {
      name: 'divisibleBy',
      factTypes: ['integer'],
      valueKind: 'scalar',
      evaluate: (factValue, value) => Number(factValue) % Number(value) === 0,
    };
    const imported = fromJsonRulesEngineRules(rules, { ...options, operators: [divisibleBy] });
    expect(imported.problems).toEqual([]);
    expect(imported.ok).toBe(true);
  });

  it('a fact absent from the catalog, read by a leaf or compared with', () => {
    expect(problemsOf([ruleWith({ fact: 'elevators', operator: 'equal', value: 1 })])).toEqual([
      { path: [0, 'conditions', 'all', 1, 'fact'], kind: 'undeclared-fact' },
    ]);
    expect(problemsOf([ruleWith({ ...leaf, value: { fact: 'target' } })])).toEqual([
      { path: [0, 'conditions', 'all', 1, 'value', 'fact'], kind: 'undeclared-fact' },
    ]);
  });

  it('params on a leaf or on a fact value', () => {
    expect(problemsOf([ruleWith({ ...leaf, params: { accountType: 'customer' } })])).toEqual([
      { path: [0, 'conditions', 'all', 1, 'params'], kind: 'fact-params' },
    ]);
    expect(problemsOf([ruleWith({ ...leaf, value: { fact: 'quota', params: { year: 2021 } } })])).toEqual([
      { path: [0, 'conditions', 'all', 1, 'value', 'params'], kind: 'fact-params' },
    ]);
  });

  it('a reference to a shared condition the conditions option does not give', () => {
    const imported = fromJsonRulesEngineRules([ruleWith({ condition: 'isBig' })], options);
    expect(imported.problems).toEqual([
      expect.objectContaining({
        path: [0, 'conditions', 'all', 1, 'condition'],
        kind: 'unknown-condition',
        message: expect.stringContaining('conditions: { "isBig": … }'),
      }),
    ]);
  });

  it('shared conditions: a problem inside one is reported at the option, and one no rule reaches is left out', () => {
    const imported = fromJsonRulesEngineRules([ruleWith({ condition: 'isBig' })], {
      ...options,
      conditions: {
        isBig: { all: [{ fact: 'households', operator: 'greaterThan', value: 'many' }] },
        spare: { all: [leaf] },
      },
    });
    expect(imported.problems.map(({ path }) => path.slice(0, 5))).toEqual([
      ['options', 'conditions', 'isBig', 'all', 0],
    ]);
    expect(imported.notes).toContainEqual(
      expect.objectContaining({ path: ['options', 'conditions', 'spare'], kind: 'condition-unused-dropped' }),
    );
  });

  it('a value that does not fit its fact, found by defineRuleSet, mapped back to the rule', () => {
    const problems = problemsOf([
      { conditions: { any: [leaf, { fact: 'occupied', operator: 'equal', value: 'yes' }] } },
    ]);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems)
      expect(problem.path.slice(0, 5)).toEqual([0, 'conditions', 'any', 1, 'value']);
  });

  it('every problem of every rule at once, each once', () => {
    const rules = [
      ruleWith({ ...leaf, path: '$.a' }),
      { name: 'second', conditions: { any: [{ fact: 'elevators', operator: 'someFact:in', value: [1] }] } },
      'not json',
    ];
    expect(problemsOf(rules)).toEqual([
      { path: [0, 'conditions', 'all', 1, 'path'], kind: 'path' },
      { path: [1, 'conditions', 'any', 0, 'fact'], kind: 'undeclared-fact' },
      { path: [1, 'conditions', 'any', 0, 'operator'], kind: 'operator-decorator' },
      { path: [2], kind: 'not-a-rule' },
    ]);
  });

  it('json-rules-engine example 08 as written: its paths and params', () => {
    const rule = {
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
    };
    const at = [0, 'conditions', 'all', 0];
    expect(problemsOf([rule])).toEqual([
      { path: [...at, 'fact'], kind: 'undeclared-fact' },
      { path: [...at, 'path'], kind: 'path' },
      { path: [...at, 'params'], kind: 'fact-params' },
      { path: [...at, 'value', 'fact'], kind: 'undeclared-fact' },
      { path: [...at, 'value', 'path'], kind: 'path' },
      { path: [...at, 'value', 'params'], kind: 'fact-params' },
    ]);
  });

  it('no rules, or no list of rules', () => {
    expect(problemsOf([])).toEqual([{ path: [], kind: 'no-rules' }]);
    expect(problemsOf({} as never)).toEqual([{ path: [], kind: 'not-a-list' }]);
    expect(problemsOf(['not json'])).toEqual([
      { path: [0], kind: 'not-a-rule' },
      { path: [], kind: 'no-rules' },
    ]);
  });

  it('a missing catalog', () => {
    const imported = fromJsonRulesEngineRules([ruleWith(leaf)], { ...options, facts: undefined as never });
    expect(imported.problems[0]).toEqual(
      expect.objectContaining({ path: ['options', 'facts'], kind: 'missing-catalog' }),
    );
  });

  it('an option defineRuleSet rejects, at its option', () => {
    expect(problemsOf([ruleWith(leaf)], { id: 'Not Kebab' })).toEqual([
      expect.objectContaining({ path: ['options', 'id'] }),
    ]);
  });
});

describe('fromJsonRulesEngineRules notes what it drops', () => {
  it('priority, the event, callbacks and condition names, with a note each; the draft still defines', () => {
    const imported = fromJsonRulesEngineRules(
      [
        {
          priority: 10,
          conditions: { all: [{ ...leaf, name: 'many households', priority: 2 }] },
          event: { type: 'big-estate', params: { message: 'big' } },
          onSuccess: () => undefined,
        },
      ],
      options,
    );
    expect(imported.ok).toBe(true);
    expect(imported.notes.map(({ path, kind }) => ({ path, kind }))).toEqual([
      { path: [0, 'priority'], kind: 'priority-dropped' },
      { path: [0, 'event'], kind: 'event-dropped' },
      { path: [0, 'onSuccess'], kind: 'callback-dropped' },
      { path: [0, 'conditions', 'all', 0, 'name'], kind: 'condition-name-dropped' },
      { path: [0, 'conditions', 'all', 0, 'priority'], kind: 'priority-dropped' },
    ]);
    // A rule without a name keeps its event's type as the standard's title.
    const standard = imported.draft.aspects[0]?.requirements[0]?.standards[0];
    expect(standard?.title).toEqual({ zh: 'big-estate' });
    expect(standard?.id).toBe('rule-1');
  });
});

describe('fromJsonRulesEngineRules builds the draft', () => {
  it('takes Rule instances and their JSON string, named by their names', () => {
    const rule = new Rule({ name: 'big estate', conditions: { all: [leaf] }, event: { type: 'big' } });
    const imported = fromJsonRulesEngineRules([rule, rule.toJSON()], {
      ...options,
      groupBy: (_rule, index) => `group-${index}`,
    });
    expect(imported.problems).toEqual([expect.objectContaining({ kind: 'duplicate-id', path: [1, 'name'] })]);
    expect(imported.draft.aspects[0]?.requirements[0]?.standards[0]?.id).toBe('big-estate');
  });

  it('groups rules into requirements with groupBy, and keeps a given provenance', () => {
    const imported = fromJsonRulesEngineRules(
      [
        { name: 'a', conditions: { all: [leaf] } },
        { name: 'b', conditions: { all: [leaf] } },
        { name: 'c', conditions: { all: [leaf] } },
      ],
      {
        ...options,
        groupBy: (rule) => (rule.name === 'c' ? 'others' : 'firsts'),
        provenance: { status: 'official', source: '某文件' },
      },
    );
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(
      imported.ruleSet.aspects[0]?.requirements.map((requirement) => [
        requirement.id,
        requirement.standards.map((standard) => standard.id),
      ]),
    ).toEqual([
      ['firsts', ['a', 'b']],
      ['others', ['c']],
    ]);
    expect(imported.ruleSet.provenance.status).toBe('official');
  });

  it('is provisional by default', () => {
    const imported = fromJsonRulesEngineRules([{ conditions: { all: [leaf] } }], options);
    expect(imported.draft.provenance.status).toBe('provisional');
  });
});
