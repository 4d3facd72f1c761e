import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { RubricError } from '../errors/rubric-error.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import { definePlugin, safeDefinePlugin } from './define-plugin.js';

const startsWith: OperatorDefinition = {
  name: 'startsWith',
  factTypes: ['string', 'enum'],
  valueKind: 'scalar',
  valueType: 'string',
  evaluate: (factValue, value) => String(factValue).startsWith(String(value)),
};

function usingStartsWith() {
  const ruleSet = sampleRuleSet();
  const services = ruleSet.aspects[1]!.requirements[0]!.standards;
  services[1] = { ...services[1]!, condition: { fact: 'heating', operator: 'startsWith', value: 'g' } };
  return ruleSet;
}

function issuesOf(plugin: unknown) {
  const result = safeDefinePlugin(plugin);
  if (result.ok) throw new Error('expected the plugin to be rejected');
  expect(RubricError.isInstance(result.error)).toBe(true);
  expect(result.error.code).toBe('INVALID_PLUGIN');
  return result.error.issues.map(({ path, kind }) => ({ path, kind }));
}

describe('definePlugin', () => {
  it('returns the plugin frozen, every hook present, its rule sets defined', () => {
    const plugin = definePlugin({ name: 'sample', apiVersion: 1, ruleSets: [sampleRuleSet()] });
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(Object.isFrozen(plugin.ruleSets)).toBe(true);
    expect(plugin.operators).toEqual([]);
    expect(plugin.factResolvers).toEqual([]);
    expect(plugin.ruleSets[0]).toEqual(defineRuleSet(sampleRuleSet()));
    expect(Object.isFrozen(plugin.ruleSets[0])).toBe(true);
  });

  it('needs nothing but a name and the API version', () => {
    expect(definePlugin({ name: 'empty', apiVersion: 1 })).toEqual({
      name: 'empty',
      apiVersion: 1,
      ruleSets: [],
      operators: [],
      factResolvers: [],
    });
  });

  it('accepts defined rule sets and rule sets that use its own operators', () => {
    const plugin = definePlugin({
      name: 'custom',
      apiVersion: 1,
      operators: [startsWith],
      ruleSets: [defineRuleSet(sampleRuleSet()), { ...usingStartsWith(), id: 'custom-rubric' }],
    });
    expect(plugin.ruleSets.map((ruleSet) => ruleSet.id)).toEqual(['sample-rubric', 'custom-rubric']);
    const defined = defineRuleSet(sampleRuleSet());
    expect(definePlugin({ name: 'same', apiVersion: 1, ruleSets: [defined] }).ruleSets[0]).toBe(defined);
    expect(plugin.operators[0]).toEqual(startsWith);
    expect(Object.isFrozen(plugin.operators[0])).toBe(true);
  });

  it('rejects a rule set that uses an operator the plugin does not define, with paths into the plugin', () => {
    expect(issuesOf({ name: 'p', apiVersion: 1, ruleSets: [sampleRuleSet(), usingStartsWith()] })).toEqual([
      {
        path: ['ruleSets', 1, 'aspects', 1, 'requirements', 0, 'standards', 1, 'condition', 'operator'],
        kind: 'unknown-operator',
      },
    ]);
  });

  const invalid: [string, unknown, (string | number)[], string][] = [
    ['not an object', 'plugin', [], 'not-an-object'],
    ['an empty name', { name: ' ', apiVersion: 1 }, ['name'], 'invalid-name'],
    ['a missing name', { apiVersion: 1 }, ['name'], 'invalid-name'],
    ['API version 2', { name: 'p', apiVersion: 2 }, ['apiVersion'], 'unsupported-api-version'],
    ['no API version', { name: 'p' }, ['apiVersion'], 'unsupported-api-version'],
    ['an unknown field', { name: 'p', apiVersion: 1, scoringModes: [] }, ['scoringModes'], 'unknown-field'],
    [
      'operators not a list',
      { name: 'p', apiVersion: 1, operators: startsWith },
      ['operators'],
      'invalid-type',
    ],
    [
      'an operator named like a built-in',
      { name: 'p', apiVersion: 1, operators: [{ ...startsWith, name: 'equal' }] },
      ['operators', 0, 'name'],
      'shadows-built-in',
    ],
    [
      'an operator defined twice',
      { name: 'p', apiVersion: 1, operators: [startsWith, startsWith] },
      ['operators', 1, 'name'],
      'duplicate-operator',
    ],
    [
      'an operator without evaluate',
      { name: 'p', apiVersion: 1, operators: [{ ...startsWith, evaluate: 'true' }] },
      ['operators', 0, 'evaluate'],
      'invalid-operator',
    ],
    [
      'an operator for an unknown fact type',
      { name: 'p', apiVersion: 1, operators: [{ ...startsWith, factTypes: ['text'] }] },
      ['operators', 0, 'factTypes'],
      'invalid-operator',
    ],
    [
      'an operator with a bad value kind',
      { name: 'p', apiVersion: 1, operators: [{ ...startsWith, valueKind: 'many' }] },
      ['operators', 0, 'valueKind'],
      'invalid-operator',
    ],
    [
      'a fact resolver without resolve',
      { name: 'p', apiVersion: 1, factResolvers: [{ fact: 'households' }] },
      ['factResolvers', 0, 'resolve'],
      'invalid-fact-resolver',
    ],
    [
      'a fact resolver for a malformed fact id',
      { name: 'p', apiVersion: 1, factResolvers: [{ fact: '1st', resolve: async () => 1 }] },
      ['factResolvers', 0, 'fact'],
      'invalid-fact-resolver',
    ],
    [
      'two resolvers of one fact',
      {
        name: 'p',
        apiVersion: 1,
        factResolvers: [
          { fact: 'households', resolve: async () => 1 },
          { fact: 'households', resolve: async () => 2 },
        ],
      },
      ['factResolvers', 1, 'fact'],
      'duplicate-fact-resolver',
    ],
    [
      'an invalid rule set',
      { name: 'p', apiVersion: 1, ruleSets: [{ ...sampleRuleSet(), aspects: [] }] },
      ['ruleSets', 0, 'aspects'],
      'too_small',
    ],
    [
      'a rule set listed twice',
      { name: 'p', apiVersion: 1, ruleSets: [sampleRuleSet(), sampleRuleSet()] },
      ['ruleSets', 1],
      'duplicate-rule-set',
    ],
  ];
  it.each(invalid)('rejects %s', (_name, plugin, path, kind) => {
    expect(issuesOf(plugin)).toContainEqual({ path, kind });
  });

  it('throws from definePlugin', () => {
    expect(() => definePlugin({ name: '', apiVersion: 1 })).toThrowError(
      /\$\.name: a plugin has a non-empty name/,
    );
  });

  it('keeps a workflow policy, frozen: revocation and deadlines per tier', () => {
    const plugin = definePlugin({
      name: 'city',
      apiVersion: 1,
      workflow: {
        revocation: true,
        deadlines: [
          {
            step: 'applied',
            tier: 'estate',
            monthDay: '09-30',
            basis: { kind: 'plan-clause', clause: '五（二）' },
          },
        ],
      },
    });
    expect(plugin.workflow?.deadlines?.[0]?.monthDay).toBe('09-30');
    expect(Object.isFrozen(plugin.workflow?.deadlines?.[0])).toBe(true);
    expect(definePlugin({ name: 'plain', apiVersion: 1 }).workflow).toBeUndefined();
  });

  it('rejects a malformed workflow policy with paths into it', () => {
    const result = safeDefinePlugin({
      name: 'city',
      apiVersion: 1,
      workflow: {
        revocation: 'yes',
        deadlines: [
          { step: 'applied', tier: 'estate', monthDay: '02-29', basis: { kind: 'drafted', note: 'x' } },
        ],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((issue) => issue.path)).toEqual([
      ['workflow', 'revocation'],
      ['workflow', 'deadlines', 0, 'monthDay'],
    ]);
  });
});
