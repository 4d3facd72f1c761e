import { isAbsolute, resolve } from 'node:path';
import {
  createRegistry,
  defineRuleSet,
  type Registry,
  RubricError,
  type RuleSet,
} from '@sunshine-rubric/core';
import { guangxiPlugin } from '@sunshine-rubric/guangxi';
import { qinzhouPlugin } from '@sunshine-rubric/qinzhou';
import { CliError } from '../cli/io.js';
import { shownInput } from '../text/terminal-safe.js';
import { rubricCliError } from './describe-error.js';
import { readJsonFile } from './read-json.js';

/** The rule set used when neither `--rule-set` nor the assessment's `ruleSet` names one. */
export const defaultRuleSetId = 'guangxi-2021';

let builtIn: Registry | undefined;

/** The registry built into the command: the Guangxi template (`guangxi-2021`) and the Qinzhou plugin. */
export function builtInRegistry(): Registry {
  builtIn ??= createRegistry({ plugins: [guangxiPlugin, qinzhouPlugin] });
  return builtIn;
}

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

/** A path the user typed, resolved against the run's working directory. */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
