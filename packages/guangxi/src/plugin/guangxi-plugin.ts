import { definePlugin, type Plugin } from '@sunshine-rubric/core';
import { guangxi2021 } from '../rule-sets/guangxi-2021.js';

/**
 * The Guangxi regional template as a plugin, `@sunshine-rubric/guangxi`: it contributes the `guangxi-2021`
 * rule set (provisional wording, see {@link guangxi2021}), so that a registry can resolve it by id and
 * resolve a city variant's `extends: 'guangxi-2021@…'`. It adds no operators or fact resolvers. Register it
 * explicitly: nothing registers itself on import.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@sunshine-rubric/core';
 * import { guangxiPlugin } from '@sunshine-rubric/guangxi';
 * const registry = createRegistry({ plugins: [guangxiPlugin] });
 * registry.compile('guangxi-2021@^0.1').evaluate(assessment).eligible;
 * ```
 */
export const guangxiPlugin: Plugin = definePlugin({
  name: '@sunshine-rubric/guangxi',
  apiVersion: 1,
  description:
    'The Guangxi 阳光社区·美丽家园 regional template: the guangxi-2021 rule set (provisional wording).',
  ruleSets: [guangxi2021],
});
