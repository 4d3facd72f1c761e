import type { WorkflowPolicy } from '@sunshine-rubric/core';
import type { RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { builtInPlanPlugins } from './plans.js';

/** A plugin's workflow (deadlines per step, revocation) and the plugin that declares it. */
export interface ChosenWorkflow {
  readonly plugin: string;
  readonly workflow: WorkflowPolicy;
}

/**
 * The workflow of `--workflow <plugin>` (a registered plugin's name; `none` for none), else the workflow of
 * the city whose built-in plan `--plan` names, else none. A city's deadlines are never applied to another
 * city's applications by default: with a plan file and no `--workflow`, no deadline is checked, and the
 * outputs say so.
 */
export function chooseWorkflow(
  context: RunContext,
  pluginName: string | undefined,
  planReference: string | undefined,
): ChosenWorkflow | undefined {
  if (pluginName === 'none') return undefined;
  const name = pluginName ?? (planReference === undefined ? undefined : builtInPlanPlugins[planReference]);
  if (name === undefined) return undefined;
  const plugin = context.registry.plugins.find((candidate) => candidate.name === name);
  if (plugin?.workflow !== undefined) return { plugin: plugin.name, workflow: plugin.workflow };
  const declaring = context.registry.plugins
    .filter((candidate) => candidate.workflow !== undefined)
    .map((candidate) => candidate.name);
  throw new CliError(
    `--workflow ${shownInput(name)}: ${plugin === undefined ? 'no such plugin in the registry' : 'this plugin declares no workflow'} (plugins with a workflow: ${declaring.join(', ') || 'none'}; or none) (该插件未声明申报流程)`,
  );
}
