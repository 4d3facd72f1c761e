import compareVersions from 'semver/functions/compare.js';
import type { Assessment } from '../assessment/schema.js';
import { RubricError } from '../errors/rubric-error.js';
import { type CompileOptions, compileRuleSet, type Evaluator } from '../evaluate/compile-rule-set.js';
import { checkOptions } from '../reading/check-options.js';
import { unreadableIssue } from '../reading/structure-depth.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { Provenance, RuleSet } from '../rule-set/types.js';
import { isPlainObject } from '../util/guards.js';
import { checkRegistry } from './check-registry.js';
import { findByDate, findByReference } from './find-rule-set.js';
import type { Plugin, PluginDefinition } from './plugin-types.js';
import { resolveAssessmentFacts, resolversByFact, resolverTimeoutOf } from './resolve-facts.js';

/**
 * Options of {@link createRegistry}.
 *
 * @example
 * ```ts
 * const options: CreateRegistryOptions = { plugins: [guangxiPlugin, qinzhouPlugin] };
 * ```
 */
export interface CreateRegistryOptions {
  /** Plugins, made with `definePlugin` or written as plain objects (they are checked the same way). */
  readonly plugins: readonly (Plugin | PluginDefinition)[];
}

/**
 * One rule set of a registry, as {@link Registry.list} describes it.
 *
 * @example
 * ```ts
 * const entry: RegisteredRuleSet = {
 *   id: 'qinzhou-2021', version: '1.0.0', plugin: 'qinzhou', extends: 'guangxi-2021@1.0.0',
 *   provenance: { status: 'provisional', source: '…' },
 * };
 * ```
 */
export interface RegisteredRuleSet {
  readonly id: string;
  readonly version: string;
  /** Name of the plugin that contributed it. */
  readonly plugin: string;
  readonly provenance: Provenance;
  readonly extends?: string;
  readonly effective?: { readonly from: string; readonly until?: string };
}

/**
 * Options of {@link Registry.resolveFacts}.
 *
 * @example
 * ```ts
 * const options: ResolveFactsOptions = { ruleSet: 'guangxi-2021@^1' };
 * ```
 */
export interface ResolveFactsOptions {
  /** The rule set whose facts to resolve, or a reference to one; by default the assessment's `ruleSet`. */
  readonly ruleSet?: RuleSet | string;
  /**
   * Milliseconds each resolver may take before it counts as failed (`PLUGIN_FAILED`, kind
   * `resolver-timed-out`): by default `DEFAULT_RESOLVER_TIMEOUT_MS`, 10,000 (10 s); `false` waits for ever.
   */
  readonly resolverTimeout?: number | false;
}

/**
 * The rule sets, operators and fact resolvers of a set of plugins (see {@link createRegistry}).
 *
 * @example
 * ```ts
 * const registry: Registry = createRegistry({ plugins: [guangxiPlugin] });
 * registry.list().map((entry) => `${entry.id}@${entry.version}`); // ['guangxi-2021@1.0.0']
 * ```
 */
export interface Registry {
  readonly plugins: readonly Plugin[];
  /** Every plugin's custom operators: pass them to `createJsonRulesEngineEvaluator` or `compileRuleSet`. */
  readonly operators: readonly OperatorDefinition[];
  /**
   * The rule set that `id` (its highest version, preferring releases) or `id@range` (the highest version in
   * the semver range) names.
   * @throws {RubricError} `RULE_SET_NOT_FOUND` listing what is registered; `INVALID_OPTIONS` for a malformed reference.
   */
  resolve(reference: string): RuleSet;
  /**
   * The version of rule set `id` in effect on `date` (YYYY-MM-DD): of the versions whose `effective` dates
   * cover it (both ends inclusive), the one with the latest `from`. Versions without dates are never picked.
   * @throws {RubricError} `RULE_SET_NOT_FOUND` listing each version's dates.
   */
  forDate(id: string, date: string): RuleSet;
  /** Every registered rule set, by id, then by ascending version. */
  list(): RegisteredRuleSet[];
  /** An evaluator for a registered rule set (or any rule set) that knows the plugins' operators. */
  compile(ruleSet: string | RuleSet, options?: Omit<CompileOptions, 'operators'>): Evaluator;
  /**
   * A new assessment whose missing facts (absent or `null`) the plugins' fact resolvers have supplied, for
   * the facts of the rule set's catalog. A resolver returning `undefined` leaves its fact missing.
   * @throws {RubricError} `PLUGIN_FAILED` naming the plugin and the fact when a resolver throws, rejects or
   * returns a value that does not fit the fact (the resolver's error is the `cause`).
   */
  resolveFacts(assessment: unknown, options?: ResolveFactsOptions): Promise<Assessment>;
}

/**
 * Makes a registry of plugins: their rule sets (resolvable by semver range or effective date), custom
 * operators and fact resolvers. Registration is explicit: the registry holds only the plugins given here.
 *
 * @throws {RubricError} `INVALID_REGISTRY`, one issue per problem with a path into the options (e.g.
 * `['plugins', 1, 'ruleSets', 0, 'extends']`): an invalid plugin, two plugins with the same name, two plugins
 * defining the same operator, an `id@version` contributed twice, an `extends` naming no registered rule set,
 * an `extends` cycle, two plugins' `cityUnits` claiming one target plan (`duplicate-city-units`).
 * @example
 * ```ts
 * const registry = createRegistry({ plugins: [guangxiPlugin, qinzhouPlugin] });
 * const ruleSet = registry.resolve('qinzhou-2021@^1');
 * const assessment = await registry.resolveFacts(draft, { ruleSet });
 * const result = registry.compile(ruleSet).evaluate(assessment);
 * ```
 */
export function createRegistry(options: CreateRegistryOptions): Registry {
  let checked: ReturnType<typeof checkRegistry>;
  try {
    checked = checkRegistry(isPlainObject(options) ? options.plugins : undefined);
  } catch (error) {
    if (RubricError.isInstance(error)) throw error;
    throw new RubricError('INVALID_REGISTRY', [unreadableIssue(options, error)], undefined, { cause: error });
  }
  if (checked.issues.length > 0) throw new RubricError('INVALID_REGISTRY', checked.issues);
  const { plugins } = checked;
  const operators = Object.freeze(plugins.flatMap((plugin) => plugin.operators));
  const byId = new Map<string, RuleSet[]>();
  for (const { ruleSet } of checked.ruleSets)
    byId.set(ruleSet.id, [...(byId.get(ruleSet.id) ?? []), ruleSet]);
  for (const versions of byId.values())
    versions.sort((left, right) => compareVersions(left.version, right.version));
  const pluginOf = new Map(checked.ruleSets.map((placed) => [placed.ruleSet, placed.plugin]));
  const resolvers = resolversByFact(plugins);
  const evaluators = new WeakMap<RuleSet, Map<string, Evaluator>>();

  const registry: Registry = {
    plugins,
    operators,
    resolve: (reference) => findByReference(byId, reference),
    forDate: (id, date) => findByDate(byId, id, date),
    list: () =>
      [...byId.keys()].sort().flatMap((id) =>
        byId.get(id)!.map((ruleSet) => ({
          id: ruleSet.id,
          version: ruleSet.version,
          plugin: pluginOf.get(ruleSet)!,
          provenance: ruleSet.provenance,
          ...(ruleSet.extends === undefined ? {} : { extends: ruleSet.extends }),
          ...(ruleSet.effective === undefined ? {} : { effective: ruleSet.effective }),
        })),
      ),
    compile(ruleSet, compileOptions = {}) {
      const target = typeof ruleSet === 'string' ? registry.resolve(ruleSet) : ruleSet;
      const unknownFacts = compileOptions.unknownFacts ?? 'error';
      // A frozen rule set cannot change, so its evaluators are kept (weakly) and reused.
      const cacheable = Object.isFrozen(target);
      const byPolicy = (cacheable ? evaluators.get(target) : undefined) ?? new Map<string, Evaluator>();
      if (cacheable) evaluators.set(target, byPolicy);
      const evaluator = byPolicy.get(unknownFacts) ?? compileRuleSet(target, { operators, unknownFacts });
      byPolicy.set(unknownFacts, evaluator);
      return evaluator;
    },
    async resolveFacts(assessment, givenOptions) {
      const resolveOptions: ResolveFactsOptions = checkOptions(givenOptions);
      const timeout = resolverTimeoutOf(resolveOptions.resolverTimeout);
      const reference =
        resolveOptions.ruleSet ??
        (isPlainObject(assessment) && typeof assessment.ruleSet === 'string'
          ? assessment.ruleSet
          : undefined);
      if (reference === undefined) {
        throw new RubricError('INVALID_OPTIONS', [
          {
            path: ['ruleSet'],
            message: 'name the rule set whose facts to resolve (options.ruleSet or the assessment’s ruleSet)',
            kind: 'missing-rule-set',
          },
        ]);
      }
      const ruleSet =
        typeof reference === 'string' ? registry.resolve(reference) : defineRuleSet(reference, { operators });
      return resolveAssessmentFacts(assessment, ruleSet, resolvers, timeout);
    },
  };
  return Object.freeze(registry);
}
