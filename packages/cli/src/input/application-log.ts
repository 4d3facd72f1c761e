import { type EvaluationResult, RubricError, type RuleSet } from '@sunshine-rubric/core';
import { foldApplication, type ReviewedResult, reviewedResult } from '@sunshine-rubric/core/workflow';
import { inputPath, type RunContext } from '../io/run-context.js';
import { rubricCliError } from './describe-error.js';
import { readJsonFile } from './read-json.js';

/**
 * Reads an application's event log (a JSON list of application events), folds it against the rule set, and
 * gives its review beside the self-check `result`. A log that does not fold, or whose self-check is not this
 * assessment's result, is the command's bad-input error, with every issue and its path.
 */
export async function readApplicationReview(
  context: RunContext,
  file: string,
  ruleSet: RuleSet,
  result: EvaluationResult,
): Promise<ReviewedResult> {
  const events = await readJsonFile(inputPath(context, file), file);
  try {
    return reviewedResult(
      ruleSet,
      result,
      foldApplication(Array.isArray(events) ? events : [events], { ruleSet }),
    );
  } catch (error) {
    if (RubricError.isInstance(error)) throw rubricCliError(error, file);
    throw error;
  }
}
