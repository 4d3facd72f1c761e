import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { RubricError } from '../errors/rubric-error.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import { extendRuleSet } from '../variants/extend-rule-set.js';
import { createRegistry } from './create-registry.js';
import { definePlugin } from './define-plugin.js';
import type { PluginDefinition } from './plugin-types.js';

const startsWith: OperatorDefinition = {
  name: 'startsWith',
  factTypes: ['string', 'enum'],
  valueKind: 'scalar',
  valueType: 'string',
  evaluate: (factValue, value) => String(factValue).startsWith(String(value)),
};

function version(id: string, semver: string, changes: Partial<RuleSetInput> = {}): RuleSetInput {
  return { ...sampleRuleSet(), id, version: semver, ...changes };
}

function thrownBy(action: () => unknown): RubricError {
  try {
    action();
  } catch (error) {
    if (RubricError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RubricError');
}

function registryIssues(plugins: readonly unknown[]) {
  const error = thrownBy(() => createRegistry({ plugins: plugins as PluginDefinition[] }));
  expect(error.code).toBe('INVALID_REGISTRY');
  return error.issues.map(({ path, kind }) => ({ path, kind }));
}

const versions = definePlugin({
  name: 'versions',
  apiVersion: 1,
  ruleSets: ['1.0.0', '1.2.0', '1.10.0', '2.0.0', '3.0.0-rc.1'].map((semver) => version('sample', semver)),
});

describe('createRegistry: resolve', () => {
  const registry = createRegistry({ plugins: [versions] });

  it.each([
    ['sample', '2.0.0'],
    ['sample@^1', '1.10.0'],
    ['sample@~1.2', '1.2.0'],
    ['sample@1.0.0', '1.0.0'],
    ['sample@>=2.0.0-rc.0', '2.0.0'],
    ['sample@^3.0.0-rc.0', '3.0.0-rc.1'],
  ])('resolves %s to %s', (reference, expected) => {
    expect(registry.resolve(reference).version).toBe(expected);
  });

  it('takes a prerelease for a bare id when there is nothing else', () => {
    const onlyPrerelease = createRegistry({
      plugins: [definePlugin({ name: 'p', apiVersion: 1, ruleSets: [version('next', '1.0.0-beta.1')] })],
    });
    expect(onlyPrerelease.resolve('next').version).toBe('1.0.0-beta.1');
  });

  it('reports an unknown id with RULE_SET_NOT_FOUND, listing what is registered', () => {
    const error = thrownBy(() => registry.resolve('other@^1'));
    expect(error.code).toBe('RULE_SET_NOT_FOUND');
    expect(error.message).toContain('sample@1.0.0');
  });

  it('reports a range nothing satisfies, listing the available versions', () => {
    const error = thrownBy(() => registry.resolve('sample@^4'));
    expect(error.code).toBe('RULE_SET_NOT_FOUND');
    expect(error.message).toContain('available: 1.0.0, 1.2.0, 1.10.0, 2.0.0, 3.0.0-rc.1');
  });

  it('rejects a malformed reference with INVALID_OPTIONS', () => {
    expect(thrownBy(() => registry.resolve('sample@not a range!')).code).toBe('INVALID_OPTIONS');
    expect(thrownBy(() => registry.resolve('Sample')).code).toBe('INVALID_OPTIONS');
  });
});

describe('createRegistry: forDate', () => {
  const registry = createRegistry({
    plugins: [
      definePlugin({
        name: 'dated',
        apiVersion: 1,
        ruleSets: [
          version('dated', '1.0.0', { effective: { from: '2021-01-01', until: '2021-12-31' } }),
          version('dated', '2.0.0', { effective: { from: '2022-01-01' } }),
          version('dated', '2.1.0', { effective: { from: '2022-07-01', until: '2023-06-30' } }),
          version('dated', '9.0.0'),
        ],
      }),
    ],
  });

  it.each([
    ['2021-01-01', '1.0.0'],
    ['2021-12-31', '1.0.0'],
    ['2022-01-01', '2.0.0'],
    ['2022-08-01', '2.1.0'],
    ['2023-07-01', '2.0.0'],
  ])('on %s picks %s', (date, expected) => {
    expect(registry.forDate('dated', date).version).toBe(expected);
  });

  it('reports a date no version covers, with each version’s dates', () => {
    const error = thrownBy(() => registry.forDate('dated', '2020-12-31'));
    expect(error.code).toBe('RULE_SET_NOT_FOUND');
    expect(error.message).toContain('1.0.0: 2021-01-01 to 2021-12-31');
    expect(error.message).toContain('9.0.0: not dated');
    expect(thrownBy(() => registry.forDate('undated', '2021-01-01')).code).toBe('RULE_SET_NOT_FOUND');
    expect(thrownBy(() => registry.forDate('dated', '2021-02-30')).code).toBe('INVALID_OPTIONS');
  });
});

describe('createRegistry: list', () => {
  it('lists every rule set with its plugin, provenance and base', () => {
    const base = defineRuleSet(version('base', '1.0.0'));
    const variant = extendRuleSet(base, { id: 'city', version: '1.0.0' });
    const registry = createRegistry({
      plugins: [
        { name: 'city', apiVersion: 1, ruleSets: [variant] },
        { name: 'region', apiVersion: 1, ruleSets: [version('base', '1.1.0'), base] },
      ],
    });
    expect(registry.list()).toEqual([
      { id: 'base', version: '1.0.0', plugin: 'region', provenance: base.provenance },
      { id: 'base', version: '1.1.0', plugin: 'region', provenance: base.provenance },
      { id: 'city', version: '1.0.0', plugin: 'city', provenance: variant.provenance, extends: 'base@1.0.0' },
    ]);
    expect(createRegistry({ plugins: [] }).list()).toEqual([]);
  });
});

describe('createRegistry rejects with INVALID_REGISTRY', () => {
  const plugin = (name: string, changes: Partial<PluginDefinition> = {}): PluginDefinition => ({
    name,
    apiVersion: 1,
    ...changes,
  });

  it('the same id@version from two plugins', () => {
    expect(
      registryIssues([
        plugin('a', { ruleSets: [version('x', '1.0.0')] }),
        plugin('b', { ruleSets: [version('x', '1.0.0')] }),
      ]),
    ).toEqual([{ path: ['plugins', 1, 'ruleSets', 0], kind: 'duplicate-rule-set' }]);
  });

  it('two plugins with one name', () => {
    expect(registryIssues([plugin('a'), plugin('b'), plugin('a')])).toEqual([
      { path: ['plugins', 2, 'name'], kind: 'duplicate-plugin' },
    ]);
  });

  it('two plugins defining one operator', () => {
    expect(
      registryIssues([plugin('a', { operators: [startsWith] }), plugin('b', { operators: [startsWith] })]),
    ).toEqual([{ path: ['plugins', 1, 'operators', 0, 'name'], kind: 'duplicate-operator' }]);
  });

  it('extends naming nothing registered', () => {
    const variant = extendRuleSet(defineRuleSet(version('base', '1.0.0')), { id: 'city', version: '1.0.0' });
    const issues = registryIssues([plugin('a', { ruleSets: [version('base', '2.0.0'), variant] })]);
    expect(issues).toEqual([{ path: ['plugins', 0, 'ruleSets', 1, 'extends'], kind: 'unknown-base' }]);
    const error = thrownBy(() => createRegistry({ plugins: [plugin('a', { ruleSets: [variant] })] }));
    expect(error.message).toContain('base@1.0.0');
  });

  it('extends cycles', () => {
    const issues = registryIssues([
      plugin('a', {
        ruleSets: [
          version('a', '1.0.0', { extends: 'b@1.0.0' }),
          version('self', '1.0.0', { extends: 'self@1.0.0' }),
        ],
      }),
      plugin('b', {
        ruleSets: [
          version('b', '1.0.0', { extends: 'a@1.0.0' }),
          version('c', '1.0.0', { extends: 'a@1.0.0' }),
        ],
      }),
    ]);
    expect(issues).toEqual([
      { path: ['plugins', 0, 'ruleSets', 0, 'extends'], kind: 'extends-cycle' },
      { path: ['plugins', 0, 'ruleSets', 1, 'extends'], kind: 'extends-cycle' },
    ]);
  });

  it('an invalid plugin, with paths into the options', () => {
    expect(registryIssues([plugin('a'), { name: 'b', apiVersion: 2 }])).toEqual([
      { path: ['plugins', 1, 'apiVersion'], kind: 'unsupported-api-version' },
    ]);
    expect(thrownBy(() => createRegistry({} as never)).issues[0]?.path).toEqual(['plugins']);
  });
});

describe('createRegistry: custom operators', () => {
  const custom = { ...sampleRuleSet(), id: 'custom' };
  custom.aspects[1]!.requirements[0]!.standards[1] = {
    ...custom.aspects[1]!.requirements[0]!.standards[1]!,
    condition: { fact: 'heating', operator: 'startsWith', value: 'g' },
  };
  const registry = createRegistry({
    plugins: [definePlugin({ name: 'custom', apiVersion: 1, operators: [startsWith], ruleSets: [custom] })],
  });

  it('exposes every plugin’s operators', () => {
    expect(registry.operators.map((operator) => operator.name)).toEqual(['startsWith']);
  });

  it('compiles a rule set that uses them, and the json-rules-engine backend gives the same result', async () => {
    const evaluator = registry.compile('custom@^1');
    const reference = createJsonRulesEngineEvaluator(registry.resolve('custom'), {
      operators: registry.operators,
    });
    for (const heating of ['gas', 'electric', 'none']) {
      const assessment = assessmentOf({ ...perfectFacts(), heating });
      const result = evaluator.evaluate(assessment);
      const outcome = result.standards.find((standard) => standard.id === 's-heating')?.outcome;
      expect(outcome).toBe(heating === 'gas' ? 'met' : 'unmet');
      expect(await reference.evaluate(assessment)).toEqual(result);
    }
    expect(registry.compile('custom')).toBe(evaluator);
  });

  it('compiles rule sets from outside the registry with them too', () => {
    const result = registry
      .compile(defineRuleSet(custom, { operators: registry.operators }))
      .evaluate(assessmentOf(perfectFacts()));
    expect(result.eligible).toBe(true);
  });
});
