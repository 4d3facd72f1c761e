import type { RemediationOptions, RuleSet } from '@sunshine-rubric/core';
import { inputPath, type RunContext } from '../cli/context.js';
import { CliError } from '../cli/io.js';
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
    throw new CliError(`${file} $: expected an object from standard id to cost, e.g. { "S28": 120000 }`);
  }
  const standardIds = new Set(
    ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
    ),
  );
  const cost: Record<string, number> = {};
  for (const [standardId, value] of Object.entries(json)) {
    const path = /^[A-Za-z_$][\w$-]*$/.test(standardId)
      ? `$.${standardId}`
      : `$[${JSON.stringify(standardId)}]`;
    if (!standardIds.has(standardId)) {
      throw new CliError(`${file} ${path}: "${standardId}" is not a standard of ${ruleSet.id}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new CliError(
        `${file} ${path}: expected a cost, a number 0 or more, got ${JSON.stringify(value)}`,
      );
    }
    cost[standardId] = value;
  }
  return defaultCost === undefined ? { cost } : { cost, defaultCost };
}

/** Parses `--default-cost`: a number 0 or more. */
export function parseDefaultCost(value: string): number {
  const cost = Number(value);
  if (value.trim() === '' || !Number.isFinite(cost) || cost < 0) {
    throw new CliError(`--default-cost: expected a number 0 or more, got ${JSON.stringify(value)}`);
  }
  return cost;
}
