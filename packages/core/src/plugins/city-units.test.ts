import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { RubricError } from '../errors/rubric-error.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { createRegistry } from './create-registry.js';
import { definePlugin, safeDefinePlugin } from './define-plugin.js';

const ruleSet = defineRuleSet(sampleRuleSet());
const housing = { zh: '港城住房和城乡建设局', en: 'Harbour City Housing Bureau' };

function issuesOf(cityUnits: unknown) {
  const result = safeDefinePlugin({ name: 'harbour-city', apiVersion: 1, cityUnits });
  if (result.ok) throw new Error('expected the plugin to be rejected');
  expect(result.error.code).toBe('INVALID_PLUGIN');
  return result.error.issues.map(({ path, kind }) => ({ path, kind }));
}

describe('a plugin’s cityUnits', () => {
  it('are kept frozen, with the rule set as given and no plans when none are named', () => {
    const plugin = definePlugin({
      name: 'harbour-city',
      apiVersion: 1,
      cityUnits: { ruleSet, units: { housing, 'public-security': { zh: '港城公安局' } } },
    });
    expect(plugin.cityUnits).toEqual({
      ruleSet,
      plans: [],
      units: { housing, 'public-security': { zh: '港城公安局' } },
    });
    expect(plugin.cityUnits?.ruleSet).toBe(ruleSet);
    expect(Object.isFrozen(plugin.cityUnits)).toBe(true);
    expect(Object.isFrozen(plugin.cityUnits?.units.housing)).toBe(true);
  });

  it('take a rule-set document, defined with the plugin’s operators', () => {
    const plugin = definePlugin({
      name: 'harbour-city',
      apiVersion: 1,
      cityUnits: { ruleSet: sampleRuleSet(), plans: ['harbour-2030'], units: { housing } },
    });
    expect(plugin.cityUnits?.ruleSet).toEqual(ruleSet);
    expect(plugin.cityUnits?.plans).toEqual(['harbour-2030']);
  });

  it('refuse a unit for a department that no standard of the rule set names, at its path', () => {
    expect(issuesOf({ ruleSet, units: { housing, 'housng-bureau': housing, health: housing } })).toEqual([
      { path: ['cityUnits', 'units', 'housng-bureau'], kind: 'unknown-department' },
      { path: ['cityUnits', 'units', 'health'], kind: 'unknown-department' },
    ]);
    const result = safeDefinePlugin({
      name: 'x',
      apiVersion: 1,
      cityUnits: { ruleSet, units: { health: housing } },
    });
    expect(!result.ok && result.error.issues[0]?.message).toBe(
      '"health" is not a department of sample-rubric@1.0.0 (its standards name: education, estate-operator, housing, public-security)',
    );
  });

  it('refuse a malformed declaration at the field’s path', () => {
    expect(issuesOf({ units: { housing } }).map((issue) => issue.path)).toEqual([['cityUnits', 'ruleSet']]);
    expect(issuesOf({ ruleSet, units: { housing: { en: 'Housing' } } }).map((issue) => issue.path)).toEqual([
      ['cityUnits', 'units', 'housing', 'zh'],
    ]);
    expect(issuesOf({ ruleSet, plans: ['Harbour 2030'], units: {} }).map((issue) => issue.path)).toEqual([
      ['cityUnits', 'plans', 0],
    ]);
    expect(issuesOf({ ruleSet, units: {}, city: 'harbour' }).map((issue) => issue.path)).toEqual([
      ['cityUnits'],
    ]);
    expect(issuesOf({ ruleSet: { id: 'half-a-rule-set' }, units: {} })[0]?.path.slice(0, 2)).toEqual([
      'cityUnits',
      'ruleSet',
    ]);
  });

  it('let a registry refuse two plugins whose units claim one plan', () => {
    const city = (name: string) =>
      definePlugin({
        name,
        apiVersion: 1,
        cityUnits: { ruleSet, plans: ['harbour-2030'], units: { housing } },
      });
    try {
      createRegistry({ plugins: [city('harbour-city'), city('harbour-copy')] });
      expect.unreachable();
    } catch (error) {
      expect(RubricError.isInstance(error) && error.issues).toMatchObject([
        { path: ['plugins', 1, 'cityUnits', 'plans', 0], kind: 'duplicate-city-units' },
      ]);
    }
  });
});
