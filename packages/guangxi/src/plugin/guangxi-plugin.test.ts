import { createRegistry } from '@sunshine-rubric/core';
import { describe, expect, test } from 'vitest';
import { guangxi2021 } from '../rule-sets/guangxi-2021.js';
import { guangxiSamples } from '../samples/samples.js';
import { guangxiPlugin } from './guangxi-plugin.js';

describe('guangxiPlugin', () => {
  test('contributes guangxi-2021 and nothing else', () => {
    expect(guangxiPlugin.name).toBe('@sunshine-rubric/guangxi');
    expect(guangxiPlugin.ruleSets).toEqual([guangxi2021]);
    expect(guangxiPlugin.operators).toEqual([]);
    expect(guangxiPlugin.factResolvers).toEqual([]);
  });

  test('lets a registry resolve and compile the rule set by id and by range', () => {
    const registry = createRegistry({ plugins: [guangxiPlugin] });
    expect(registry.resolve('guangxi-2021')).toEqual(guangxi2021);
    expect(registry.resolve(`guangxi-2021@^${guangxi2021.version}`).id).toBe('guangxi-2021');
    const result = registry.compile('guangxi-2021').evaluate(guangxiSamples.eligible);
    expect(result.eligible).toBe(true);
  });
});
