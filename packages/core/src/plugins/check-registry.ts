// One function of semver each, not its whole API: a bundler keeps what is imported (20 KiB rather than 28).
import sortVersions from 'semver/functions/sort.js';
import type { IssueOf } from '../errors/rubric-error.js';
import type { RuleSet } from '../rule-set/types.js';
import { quote } from '../util/show-value.js';
import { checkPlanClaims, type PlacedCityUnits } from './city-units.js';
import { checkPlugin } from './define-plugin.js';
import type { Plugin } from './plugin-types.js';

type Path = (string | number)[];

/** A rule set with the plugin that contributed it and where it sits in the registry's options. */
export interface PlacedRuleSet {
  readonly ruleSet: RuleSet;
  readonly plugin: string;
  readonly path: Path;
}

/** The checked contents of a registry, or the issues that make it invalid. */
export interface CheckedRegistry {
  readonly plugins: readonly Plugin[];
  readonly ruleSets: readonly PlacedRuleSet[];
  readonly issues: readonly IssueOf<'INVALID_REGISTRY'>[];
}

/**
 * Checks each plugin, then what only the plugins together can get wrong: two plugins with one name, one
 * custom operator name or one `id@version`; an `extends` that names no registered rule set; `extends` cycles;
 * one target plan claimed by two plugins' city units.
 */
export function checkRegistry(input: unknown): CheckedRegistry {
  const issues: IssueOf<'INVALID_REGISTRY'>[] = [];
  const list = Array.isArray(input) ? input : [];
  if (!Array.isArray(input))
    issues.push({ path: ['plugins'], message: 'plugins is a list of plugins', kind: 'invalid-type' });
  const plugins: Plugin[] = [];
  const ruleSets: PlacedRuleSet[] = [];
  const names = new Map<string, number>();
  const operators = new Map<string, string>();
  const keys = new Map<string, string>();
  const cityUnits: PlacedCityUnits[] = [];
  list.forEach((pluginInput, pluginIndex) => {
    const at: Path = ['plugins', pluginIndex];
    const { plugin, issues: pluginIssues } = checkPlugin(pluginInput);
    issues.push(...pluginIssues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })));
    if (!plugin) return;
    const firstIndex = names.get(plugin.name);
    if (firstIndex !== undefined) {
      issues.push({
        path: [...at, 'name'],
        message: `plugin name ${quote(plugin.name)} is taken by plugins[${firstIndex}]`,
        kind: 'duplicate-plugin',
      });
      return;
    }
    names.set(plugin.name, pluginIndex);
    plugins.push(plugin);
    if (plugin.cityUnits) cityUnits.push({ cityUnits: plugin.cityUnits, plugin: plugin.name, path: at });
    plugin.operators.forEach((operator, index) => {
      const owner = operators.get(operator.name);
      if (owner !== undefined) {
        issues.push({
          path: [...at, 'operators', index, 'name'],
          message: `operator ${quote(operator.name)} is defined by plugin ${quote(owner)} too`,
          kind: 'duplicate-operator',
        });
      } else operators.set(operator.name, plugin.name);
    });
    plugin.ruleSets.forEach((ruleSet, index) => {
      const key = `${ruleSet.id}@${ruleSet.version}`;
      const owner = keys.get(key);
      const path: Path = [...at, 'ruleSets', index];
      if (owner !== undefined) {
        issues.push({
          path,
          message: `rule set ${key} is contributed by plugin ${quote(owner)} too`,
          kind: 'duplicate-rule-set',
        });
      } else {
        keys.set(key, plugin.name);
        ruleSets.push({ ruleSet, plugin: plugin.name, path });
      }
    });
  });
  issues.push(...checkExtends(ruleSets));
  issues.push(...checkPlanClaims(cityUnits));
  return { plugins, ruleSets, issues };
}

function checkExtends(ruleSets: readonly PlacedRuleSet[]): IssueOf<'INVALID_REGISTRY'>[] {
  const issues: IssueOf<'INVALID_REGISTRY'>[] = [];
  const byKey = new Map(ruleSets.map((placed) => [`${placed.ruleSet.id}@${placed.ruleSet.version}`, placed]));
  for (const placed of ruleSets) {
    const target = placed.ruleSet.extends;
    if (target === undefined || byKey.has(target)) continue;
    const id = target.split('@')[0] ?? target;
    const versions = ruleSets
      .filter((other) => other.ruleSet.id === id)
      .map((other) => other.ruleSet.version);
    const available =
      versions.length > 0
        ? `registered versions of ${id}: ${sortVersions(versions).join(', ')}`
        : `no rule set ${quote(id)} is registered`;
    issues.push({
      path: [...placed.path, 'extends'],
      message: `extends ${quote(target)}, which is not registered (${available})`,
      kind: 'unknown-base',
    });
  }
  // Every rule set extends at most one other, so following `extends` from each finds every cycle.
  const reported = new Set<string>();
  for (const start of ruleSets) {
    const chain: string[] = [];
    let key: string | undefined = `${start.ruleSet.id}@${start.ruleSet.version}`;
    while (key !== undefined && !chain.includes(key)) {
      chain.push(key);
      key = byKey.get(key)?.ruleSet.extends;
    }
    if (key === undefined || key !== chain[0]) continue;
    const cycle = [...chain].sort().join(' ');
    if (reported.has(cycle)) continue;
    reported.add(cycle);
    issues.push({
      path: [...start.path, 'extends'],
      message: `extends goes round in a cycle: ${[...chain, key].join(' → ')}`,
      kind: 'extends-cycle',
    });
  }
  return issues;
}
