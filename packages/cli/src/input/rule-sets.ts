import { defineRuleSet, type Registry, RubricError, type RuleSet } from '@sunshine-rubric/core';
import { resolvePath } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { rubricCliError } from './describe-error.js';
import { readJsonFile } from './read-json.js';

/** The rule set used when neither `--rule-set` nor the assessment's `ruleSet` names one. */
export const defaultRuleSetId = 'guangxi-2021';

/** True when a `--rule-set` value names a file rather than a registered id (`guangxi-2021`, `id@^1`). */
export function isFileReference(reference: string): boolean {
  return reference.endsWith('.json') || reference.includes('/') || reference.includes('\\');
}

/**
 * The rule set a reference names: a registered id (`guangxi-2021`, `guangxi-2021@^1`) through the
 * registry, or a JSON file, validated with the registry's operators.
 */
export async function loadRuleSet(registry: Registry, reference: string, cwd: string): Promise<RuleSet> {
  if (!isFileReference(reference)) {
    try {
      return registry.resolve(reference);
    } catch (error) {
      if (!RubricError.isInstance(error)) throw error;
      const registered = registry
        .list()
        .map((entry) => entry.id)
        .join(', ');
      const detail =
        error.code === 'RULE_SET_NOT_FOUND' ? `unknown rule set (registered: ${registered})` : '';
      if (!detail) throw rubricCliError(error, reference);
      throw new CliError(`--rule-set ${shownInput(reference)}: ${detail} (未知规则集)`, { cause: error });
    }
  }
  const json = await readJsonFile(resolvePath(cwd, reference), reference);
  try {
    return defineRuleSet(json, { operators: registry.operators });
  } catch (error) {
    if (RubricError.isInstance(error)) throw rubricCliError(error, reference);
    throw error;
  }
}
