import { createRegistry, definePlugin, type Plugin, type Registry } from '@sunshine-rubric/core';
import { guangxiPlugin } from '@sunshine-rubric/guangxi';
import { exampleCityRuleSet } from './example-city-rule-set.js';

/**
 * The fictional city's register of estates with a pocket garden, by estate name: what a city would keep
 * in a database. Estates not in it are unknown (the fact stays missing).
 *
 * @example
 * ```ts
 * pocketGardenRegister.get('示例·石榴里公租房小区（虚构）'); // false
 * ```
 */
export const pocketGardenRegister: ReadonlyMap<string, boolean> = new Map([
  ['示例·青禾公租房小区（虚构）', true],
  ['示例·松果苑公租房小区（虚构）', false],
  ['示例·云梯花园公租房小区（虚构）', true],
  ['示例·小桥公租房小区（虚构）', false],
  ['示例·枫林苑公租房小区（虚构）', true],
  ['示例·石榴里公租房小区（虚构）', false],
]);

/**
 * The plugin of 示例市 / Example City (fictional): it contributes the city's rule set and a fact resolver
 * that answers the local fact `hasPocketGarden` from the city's register, so a self-check made for the
 * regional rule set needs no new question.
 *
 * @example
 * ```ts
 * exampleCityPlugin.ruleSets.map((ruleSet) => ruleSet.id); // ['example-city-2025']
 * ```
 */
export const exampleCityPlugin: Plugin = definePlugin({
  name: '@sunshine-rubric-examples/example-city',
  apiVersion: 1,
  description:
    '示例市 / Example City (fictional): a stricter variant of guangxi-2021 with one local standard.',
  ruleSets: [exampleCityRuleSet],
  factResolvers: [
    {
      fact: 'hasPocketGarden',
      // A real city would ask its database here; the register stands in for it.
      resolve: async ({ assessment }) => pocketGardenRegister.get(assessment.community.name),
    },
  ],
});

/**
 * A registry with the regional template's plugin (`guangxiPlugin`, which contributes `guangxi-2021`, the
 * rule set the city's `extends` names) and the Example City plugin. Registration is explicit: nothing
 * registers itself on import.
 *
 * @example
 * ```ts
 * const registry = createExampleCityRegistry();
 * registry.resolve('example-city-2025').extends; // 'guangxi-2021@0.2.0'
 * ```
 */
export function createExampleCityRegistry(): Registry {
  return createRegistry({ plugins: [guangxiPlugin, exampleCityPlugin] });
}
