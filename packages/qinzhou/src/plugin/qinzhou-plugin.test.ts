import { createRegistry, definePlugin, RubricError } from '@sunshine-rubric/core';
import { guangxi2021, guangxiPlugin, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { qinzhouDepartments } from '../departments/qinzhou-departments.js';
import { createQinzhouRegistry, qinzhouPlugin, qinzhouRuleSetReference } from './qinzhou-plugin.js';

/** A user's own plugin that contributes the regional rule set, instead of the guangxi package's. */
const regionalPlugin = definePlugin({ name: 'guangxi-regional', apiVersion: 1, ruleSets: [guangxi2021] });

describe('qinzhouPlugin', () => {
  it('is a valid plugin that contributes no rule set of its own', () => {
    expect(qinzhouPlugin.name).toBe('@sunshine-rubric/qinzhou');
    expect(qinzhouPlugin.apiVersion).toBe(1);
    expect(qinzhouPlugin.ruleSets).toEqual([]);
    expect(Object.isFrozen(qinzhouPlugin)).toBe(true);
  });

  it('declares the leading group’s member unit for each Guangxi department, for the qinzhou-2021 plan', () => {
    expect(qinzhouPlugin.cityUnits?.ruleSet).toBe(guangxi2021);
    expect(qinzhouPlugin.cityUnits?.plans).toEqual(['qinzhou-2021']);
    expect(qinzhouPlugin.cityUnits?.units).toEqual(
      Object.fromEntries(qinzhouDepartments.map((department) => [department.id, department.title])),
    );
    expect(qinzhouPlugin.cityUnits?.units.housing?.zh).toBe('市住房城乡建设局');
  });

  it('registers in createRegistry, alone and beside a plugin that contributes guangxi-2021', () => {
    expect(createRegistry({ plugins: [qinzhouPlugin] }).list()).toEqual([]);
    const registry = createRegistry({ plugins: [guangxiPlugin, qinzhouPlugin] });
    expect(registry.plugins.map((plugin) => plugin.name)).toEqual([
      '@sunshine-rubric/guangxi',
      '@sunshine-rubric/qinzhou',
    ]);
    expect(registry.resolve(qinzhouRuleSetReference)).toBe(guangxi2021);
  });

  it('would clash if it contributed guangxi-2021 too (why it does not)', () => {
    const clashing = { ...qinzhouPlugin, ruleSets: [guangxi2021] };
    try {
      createRegistry({ plugins: [guangxiPlugin, clashing] });
      expect.unreachable();
    } catch (error) {
      expect(RubricError.isInstance(error) && error.issues.map((issue) => issue.kind)).toEqual([
        'duplicate-rule-set',
      ]);
    }
  });
});

describe('createQinzhouRegistry', () => {
  it('adds the guangxi plugin when no plugin has guangxi-2021, and evaluates the eligible sample', () => {
    const registry = createQinzhouRegistry();
    expect(registry.plugins.map((plugin) => plugin.name)).toEqual([
      '@sunshine-rubric/qinzhou',
      '@sunshine-rubric/guangxi',
    ]);
    expect(registry.list().map((entry) => `${entry.id}@${entry.version}`)).toEqual([qinzhouRuleSetReference]);
    expect(registry.compile(qinzhouRuleSetReference).evaluate(guangxiSamples.eligible).eligible).toBe(true);
  });

  it('does not add it twice when a given plugin contributes it', () => {
    for (const plugin of [guangxiPlugin, regionalPlugin]) {
      const registry = createQinzhouRegistry([plugin]);
      expect(registry.list()).toHaveLength(1);
      expect(registry.list()[0]?.plugin).toBe(plugin.name);
    }
  });

  it('does not add the guangxi plugin beside another copy of it, of another version', () => {
    const otherCopy = definePlugin({
      name: guangxiPlugin.name,
      apiVersion: 1,
      ruleSets: [{ ...guangxi2021, version: '9.0.0' }],
    });
    const registry = createQinzhouRegistry([otherCopy]);
    expect(registry.plugins.map((plugin) => plugin.name)).toEqual([guangxiPlugin.name, qinzhouPlugin.name]);
    expect(() => registry.resolve(qinzhouRuleSetReference)).toThrow(/guangxi-2021/);
  });

  it('names the Guangxi 2021 rule set with its exact version', () => {
    expect(qinzhouRuleSetReference).toBe(`guangxi-2021@${guangxi2021.version}`);
  });
});
