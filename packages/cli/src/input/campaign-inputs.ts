import type { RuleSet, TargetPlan } from '@sunshine-rubric/core';
import type { RunContext } from '../io/run-context.js';
import { type CampaignApplicationsInput, readCampaignApplications } from './campaign-applications.js';
import { loadPlan } from './plans.js';
import { defaultRuleSetId, loadRuleSet } from './rule-sets.js';
import { type ChosenWorkflow, chooseWorkflow } from './workflows.js';

/** A city's year as `campaign` and `forms summary` read it: the logs, the rule set, the plan, whose workflow. */
export interface CampaignInputs extends CampaignApplicationsInput {
  /** Decisions about standards are checked against it, so there always is one (the default rule set). */
  readonly ruleSet: RuleSet;
  readonly plan: TargetPlan | undefined;
  readonly workflow: ChosenWorkflow | undefined;
}

/**
 * Reads the application logs of `file`, the rule set of `--rule-set` (or the default), the plan of `--plan`
 * and the workflow `--workflow` chooses (see `chooseWorkflow`): what both views of a campaign year start from.
 *
 * @example
 * ```ts
 * const { applications, ruleSet, plan, workflow } = await readCampaignInputs(context, 'logs/', { plan: 'qinzhou-2021' });
 * ```
 */
export async function readCampaignInputs(
  context: RunContext,
  file: string,
  options: { readonly ruleSet?: string; readonly plan?: string; readonly workflow?: string },
): Promise<CampaignInputs> {
  const { applications, communities } = await readCampaignApplications(context, file);
  const ruleSet = await loadRuleSet(context.registry, options.ruleSet ?? defaultRuleSetId, context.io.cwd);
  const plan = options.plan === undefined ? undefined : await loadPlan(context, options.plan);
  const workflow = chooseWorkflow(context, options.workflow, options.plan, ruleSet);
  return { applications, communities, ruleSet, plan, workflow };
}
