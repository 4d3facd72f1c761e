import {
  createRegistry,
  definePlugin,
  type Plugin,
  type PluginDefinition,
  type Registry,
} from '@sunshine-rubric/core';
import { guangxi2021, guangxiPlugin } from '@sunshine-rubric/guangxi';
import { qinzhouDepartments } from '../departments/qinzhou-departments.js';
import { qinzhouPlan } from '../plan/qinzhou-plan.js';
import { qinzhouWorkflow } from './qinzhou-workflow.js';

/**
 * The reference that names the rule set Qinzhou applies: the Guangxi 2021 rule set, as is (the plan adopts
 * the regional standard, 二（二）). Pass it to `registry.resolve`.
 *
 * @example
 * ```ts
 * const registry = createQinzhouRegistry();
 * registry.resolve(qinzhouRuleSetReference).id; // 'guangxi-2021'
 * ```
 */
export const qinzhouRuleSetReference: string = `${guangxi2021.id}@${guangxi2021.version}`;

/**
 * The Qinzhou city plugin, `@sunshine-rubric/qinzhou`.
 *
 * It contributes **no rule set**. Qinzhou applies the Guangxi 2021 rule set unchanged, and a registry rejects
 * an `id@version` that two plugins contribute: if this plugin contributed `guangxi-2021`, it could not be
 * registered beside a Guangxi plugin that does. Nor does it contribute operators or fact resolvers: the
 * plan defines none. Its `workflow` holds the deadline of each step of a year's round
 * ({@link qinzhouWorkflow}: applications by 30 September from the plan, the later tiers' dates drafted). Its
 * `cityUnits` name the leading group's member unit for each Guangxi department id ({@link qinzhouDepartments}'
 * titles), for outputs about the `qinzhou-2021` plan. The rest of what Qinzhou adds is data, exported beside
 * the plugin (a plugin object takes no other fields): {@link qinzhouPlan}, {@link qinzhouDepartments},
 * {@link qinzhouResponsibilityTable}, {@link qinzhouCostModel}. For a registry that also holds `guangxi-2021`, use
 * {@link createQinzhouRegistry}.
 *
 * @example
 * ```ts
 * const registry = createRegistry({ plugins: [guangxiPlugin, qinzhouPlugin] });
 * registry.plugins.map((plugin) => plugin.name); // [..., '@sunshine-rubric/qinzhou']
 * ```
 */
export const qinzhouPlugin: Plugin = definePlugin({
  name: '@sunshine-rubric/qinzhou',
  apiVersion: 1,
  description:
    'Qinzhou city (钦州市): applies the Guangxi 2021 rule set as is; its target plan, departments, responsibility table and cost model are exported beside this plugin.',
  workflow: qinzhouWorkflow,
  cityUnits: {
    ruleSet: guangxi2021,
    plans: [qinzhouPlan.id ?? 'qinzhou-2021'],
    units: Object.fromEntries(qinzhouDepartments.map((department) => [department.id, department.title])),
  },
});

/**
 * A registry with {@link qinzhouPlugin}, the given plugins, and `guangxiPlugin` from
 * `@sunshine-rubric/guangxi` for the rule set Qinzhou applies (`guangxi-2021`) — added only when none of
 * the given plugins contributes that `id@version` already and none has its name (another copy of the
 * guangxi package), so the registry never holds either twice. With another copy's plugin of another
 * version, {@link qinzhouRuleSetReference} does not resolve: register the plugin this package depends on.
 *
 * @throws {RubricError} `INVALID_REGISTRY` as `createRegistry` does (e.g. an invalid plugin among `plugins`).
 * @example
 * ```ts
 * const registry = createQinzhouRegistry();
 * const result = registry.compile(qinzhouRuleSetReference).evaluate(assessment);
 * ```
 */
export function createQinzhouRegistry(plugins: readonly (Plugin | PluginDefinition)[] = []): Registry {
  const contributesGuangxi2021 = plugins.some((plugin) =>
    (plugin.ruleSets ?? []).some(
      (ruleSet) => ruleSet.id === guangxi2021.id && ruleSet.version === guangxi2021.version,
    ),
  );
  const hasGuangxiPlugin = plugins.some((plugin) => plugin.name === guangxiPlugin.name);
  const addGuangxiPlugin = !contributesGuangxi2021 && !hasGuangxiPlugin;
  return createRegistry({
    plugins: [...plugins, qinzhouPlugin, ...(addGuangxiPlugin ? [guangxiPlugin] : [])],
  });
}
