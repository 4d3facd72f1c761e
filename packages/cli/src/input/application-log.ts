import { type EvaluationResult, RubricError, type RuleSet } from '@sunshine-rubric/core';
import {
  type ApplicationState,
  foldApplication,
  type ReviewedResult,
  reviewedResult,
} from '@sunshine-rubric/core/workflow';
import { inputPath, type RunContext } from '../io/run-context.js';
import { rubricCliError } from './describe-error.js';
import { readJsonFile } from './read-json.js';
import { chooseWorkflow } from './workflows.js';

/**
 * Reads an application's event log (a JSON list of application events) and folds it against the rule set,
 * under the workflow of `--workflow` (see `chooseWorkflow`: a re-inspection may revoke a title only where
 * the plugin allows it). A log that does not fold is the command's bad-input error, with every issue and
 * its path.
 */
export async function readApplicationState(
  context: RunContext,
  file: string,
  ruleSet: RuleSet,
  workflowPlugin: string | undefined,
): Promise<ApplicationState> {
  const events = await readJsonFile(inputPath(context, file), file);
  const chosen = chooseWorkflow(context, workflowPlugin, undefined, ruleSet);
  try {
    return foldApplication(Array.isArray(events) ? events : [events], {
      ruleSet,
      ...(chosen === undefined ? {} : { workflow: chosen.workflow }),
    });
  } catch (error) {
    if (RubricError.isInstance(error)) throw rubricCliError(error, file);
    throw error;
  }
}

/**
 * Reads an application's event log as {@link readApplicationState} does, and gives its review beside the
 * self-check `result`. A log whose self-check is not this assessment's result is the command's bad-input
 * error, with every issue and its path.
 */
export async function readApplicationReview(
  context: RunContext,
  file: string,
  ruleSet: RuleSet,
  result: EvaluationResult,
  workflowPlugin?: string,
): Promise<ReviewedResult> {
  const state = await readApplicationState(context, file, ruleSet, workflowPlugin);
  try {
    return reviewedResult(ruleSet, result, state);
  } catch (error) {
    if (RubricError.isInstance(error)) throw rubricCliError(error, file);
    throw error;
  }
}
