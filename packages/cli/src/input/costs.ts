import type { RemediationOptions, RuleSet } from '@sunshine-rubric/core';
import { formatPath } from '@sunshine-rubric/core/words';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError, type CliIssue } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { readJsonFile } from './read-json.js';

/**
 * Reads a costs file for `planRemediation`: a JSON object from standard id to what fixing it costs
 * (`{ "S28": 120000, "S52": 300000 }`), in any unit (CNY, days). Standards not listed cost `defaultCost`.
 */
export async function readCosts(
  context: RunContext,
  file: string,
  ruleSet: RuleSet,
  defaultCost: number | undefined,
): Promise<RemediationOptions> {
  const json = await readJsonFile(inputPath(context, file), file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(
      `${shownInput(file)} $: expected an object from standard id to cost, e.g. { "S28": 120000 }`,
    );
  }
  const cost = standardCosts(json as Record<string, unknown>, file, ruleSet);
  return defaultCost === undefined ? { cost } : { cost, defaultCost };
}

/**
 * A costs file's flat form, `{ "S28": 120000 }`, checked: every key a standard of the rule set, every value a
 * cost 0 or more. Shared by `remediate --costs` and `plan --costs`, so that the form means the same in both.
 */
export function standardCosts(
  json: Readonly<Record<string, unknown>>,
  file: string,
  ruleSet: RuleSet,
): Record<string, number> {
  const standardIds = standardIdsOf(ruleSet);
  const cost: Record<string, number> = {};
  const issues: CliIssue[] = [];
  for (const [standardId, value] of Object.entries(json)) {
    if (!standardIds.has(standardId)) {
      const message = `"${shownInput(standardId)}" is not a standard of ${ruleSet.id}`;
      issues.push({ path: [standardId], message, kind: 'unknown-standard' });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      const message = `expected a cost, a number 0 or more, got ${shownInput(JSON.stringify(value) ?? String(value))}`;
      issues.push({ path: [standardId], message, kind: 'invalid-cost' });
    } else cost[standardId] = value;
  }
  const [first] = issues;
  if (first) {
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    throw new CliError(`${shownInput(file)} ${formatPath(first.path)}: ${first.message}${more}`, {
      issues,
      file,
    });
  }
  return cost;
}

/** The ids of every standard of a rule set. */
export function standardIdsOf(ruleSet: RuleSet): Set<string> {
  return new Set(
    ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
    ),
  );
}

/** Parses `--default-cost`: a number 0 or more. */
export function parseDefaultCost(value: string): number {
  const cost = Number(value);
  if (value.trim() === '' || !Number.isFinite(cost) || cost < 0) {
    throw new CliError(
      `--default-cost: expected a number 0 or more, got ${JSON.stringify(shownInput(value))}`,
    );
  }
  return cost;
}
