import { RubricError, safeDefineTargetPlan, type TargetPlan } from '@sunshine-rubric/core';
import { qinzhouPlan, qinzhouPlugin } from '@sunshine-rubric/qinzhou';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { rubricCliError } from './describe-error.js';
import { readJsonFile } from './read-json.js';
import { isFileReference } from './rule-sets.js';

/** Target plans built into the command, by id. */
export const builtInPlans: Readonly<Record<string, TargetPlan>> = { 'qinzhou-2021': qinzhouPlan };

/** The plugin of each built-in plan's city, whose `workflow` (deadlines per step) goes with the plan. */
export const builtInPlanPlugins: Readonly<Record<string, string>> = { 'qinzhou-2021': qinzhouPlugin.name };

/** The plan used when `--plan` is not given. */
export const defaultPlanId = 'qinzhou-2021';

/** A built-in plan by id, or a target-plan JSON file, validated. */
export async function loadPlan(context: RunContext, reference: string): Promise<TargetPlan> {
  if (!isFileReference(reference)) {
    const plan = builtInPlans[reference];
    if (plan) return plan;
    throw new CliError(
      `--plan ${shownInput(reference)}: unknown plan (built in: ${Object.keys(builtInPlans).join(', ')}; or give a JSON file) (未知的目标计划)`,
    );
  }
  const json = await readJsonFile(inputPath(context, reference), reference);
  const parsed = safeDefineTargetPlan(json);
  if (!parsed.ok) throw rubricCliError(parsed.error, reference);
  return parsed.value;
}

/** Reads certified counts per year, `{ "2021": 11, "2022": 8 }`; `trackProgress` checks them. */
export async function readCertified(context: RunContext, file: string): Promise<Record<string, number>> {
  const json = await readJsonFile(inputPath(context, file), file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(
      `${shownInput(file)} $: expected an object of certified estates per year, e.g. { "2021": 11 }`,
    );
  }
  return json as Record<string, number>;
}

/** Turns a `RubricError` about certified counts into one line naming the file. */
export function certifiedError(error: unknown, file: string): unknown {
  if (!RubricError.isInstance(error)) return error;
  const issues = error.issues
    .filter((issue) => issue.path[0] === 'certified')
    .map((issue) => ({ ...issue, path: issue.path.slice(1) }));
  if (issues.length === 0) return error;
  const located = new RubricError(error.code, issues);
  return rubricCliError(located, file);
}
