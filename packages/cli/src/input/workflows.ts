import type { RuleSet, WorkflowPolicy } from '@sunshine-rubric/core';
import { Option } from 'commander';
import type { RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { builtInPlanPlugins } from './plans.js';

/** A plugin's workflow (deadlines per step, revocation) and the plugin that declares it. */
export interface ChosenWorkflow {
  readonly plugin: string;
  readonly workflow: WorkflowPolicy;
}

/** `--workflow <plugin>`: whose step deadlines and revocation rule apply to application logs. */
export function workflowOption(): Option {
  return new Option(
    '--workflow <plugin>',
    'the plugin whose step deadlines and revocation rule apply (default: the plan’s city, else the rule set’s plugin; none) 申报流程',
  );
}

/**
 * The workflow of `--workflow <plugin>` (a registered plugin's name; `none` for none), else that of the city
 * whose built-in plan `--plan` names, else that of the plugin contributing the rule set, when it declares one,
 * else none. A city's deadlines are never applied to another city's applications unasked: with a plan file
 * and no `--workflow`, only the rule set's own plugin counts, and the outputs say whose deadlines they used.
 */
export function chooseWorkflow(
  context: RunContext,
  pluginName: string | undefined,
  planReference: string | undefined,
  ruleSet: Pick<RuleSet, 'id' | 'version'>,
): ChosenWorkflow | undefined {
  if (pluginName === 'none') return undefined;
  const name = pluginName ?? (planReference === undefined ? undefined : builtInPlanPlugins[planReference]);
  if (name === undefined) {
    const contributing = context.registry.plugins.find((plugin) =>
      (plugin.ruleSets ?? []).some(
        (candidate) => candidate.id === ruleSet.id && candidate.version === ruleSet.version,
      ),
    );
    return contributing?.workflow === undefined
      ? undefined
      : { plugin: contributing.name, workflow: contributing.workflow };
  }
  const plugin = context.registry.plugins.find((candidate) => candidate.name === name);
  if (plugin?.workflow !== undefined) return { plugin: plugin.name, workflow: plugin.workflow };
  const declaring = context.registry.plugins
    .filter((candidate) => candidate.workflow !== undefined)
    .map((candidate) => candidate.name);
  throw new CliError(
    `--workflow ${shownInput(name)}: ${plugin === undefined ? 'no such plugin in the registry' : 'this plugin declares no workflow'} (plugins with a workflow: ${declaring.join(', ') || 'none'}; or none) (该插件未声明申报流程)`,
  );
}
