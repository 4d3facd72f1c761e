import type { Assessment } from '../assessment/schema.js';
import type { RubricErrorCode } from '../errors/error-codes.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { FactDefinition, FactValue, RuleSet } from '../rule-set/types.js';
import type { WorkflowPolicy } from '../workflow/workflow-policy.js';
import type { CityUnits, CityUnitsInput } from './city-units.js';

/**
 * The error code of an invalid plugin. The library has no `INVALID_PLUGIN` code yet; a plugin is what a
 * registry is made of, so an invalid one is reported as an invalid registry.
 */
export const INVALID_PLUGIN_CODE = 'INVALID_PLUGIN' satisfies RubricErrorCode;

/**
 * What a fact resolver is told about the fact it is asked for.
 *
 * @example
 * ```ts
 * const resolve = async ({ assessment, fact }: FactResolverContext) =>
 *   (await fetchHousingRecord(assessment.community.name))[fact];
 * ```
 */
export interface FactResolverContext {
  /** The assessment as given, before any resolver ran (so resolvers do not depend on each other's order). */
  readonly assessment: Assessment;
  /** The rule set the facts are resolved for. */
  readonly ruleSet: RuleSet;
  /** The fact asked for; the assessment lacks it (absent or `null`). */
  readonly fact: string;
  /** Its entry in the rule set's fact catalog. */
  readonly definition: FactDefinition;
}

/**
 * Supplies one fact an assessment lacks, for instance from a housing database, before evaluation. Returns
 * the value, or `undefined` when it does not know it either (the fact stays missing).
 *
 * @example
 * ```ts
 * const households: FactResolver = {
 *   fact: 'rentalHouseholds',
 *   resolve: async ({ assessment }) => housingRegister.get(assessment.community.name)?.households,
 * };
 * ```
 */
export interface FactResolver {
  readonly fact: string;
  readonly resolve: (context: FactResolverContext) => Promise<FactValue | undefined> | FactValue | undefined;
}

/**
 * A plugin as written: a name, the plugin API version, and any of the optional hooks.
 *
 * @example
 * ```ts
 * const input: PluginDefinition = { name: 'qinzhou', apiVersion: 1, ruleSets: [qinzhou2021] };
 * ```
 */
export interface PluginDefinition {
  /** Unique among the plugins of a registry, e.g. `@sunshine-rubric/qinzhou`. */
  readonly name: string;
  /** The plugin API this plugin is written for; this library speaks version 1. */
  readonly apiVersion: 1;
  readonly description?: string;
  /** Rule sets it contributes: documents or defined rule sets. They may use the plugin's own operators. */
  readonly ruleSets?: readonly (RuleSet | RuleSetInput)[];
  /** Custom comparison operators; a name of json-rules-engine's built-ins cannot be reused. */
  readonly operators?: readonly OperatorDefinition[];
  /** Asynchronous suppliers of facts an assessment lacks, run before evaluation. */
  readonly factResolvers?: readonly FactResolver[];
  /**
   * Workflow rules: whether re-inspection may revoke a title (a rule set's plugin decides), and the
   * deadline of each step of a year's round (a city's plugin declares them). Pass it to `foldApplication`.
   */
  readonly workflow?: WorkflowPolicy;
  /**
   * The city's own unit for each department of the rule set it applies (`{ ruleSet, plans?, units }`):
   * outputs about the city's target plans name them beside the rule set's departments. Every key must be a
   * department the rule set's standards name.
   */
  readonly cityUnits?: CityUnitsInput;
}

/**
 * A validated, frozen plugin, as `definePlugin` returns it: every hook present (empty when not given) and its
 * rule sets defined.
 *
 * @example
 * ```ts
 * const plugin: Plugin = definePlugin({ name: 'qinzhou', apiVersion: 1 });
 * plugin.ruleSets; // []
 * ```
 */
export interface Plugin {
  readonly name: string;
  readonly apiVersion: 1;
  readonly description?: string;
  readonly ruleSets: readonly RuleSet[];
  readonly operators: readonly OperatorDefinition[];
  readonly factResolvers: readonly FactResolver[];
  /** The workflow rules, when the plugin declares any. */
  readonly workflow?: WorkflowPolicy;
  /** The city's units by department id, when the plugin declares them. */
  readonly cityUnits?: CityUnits;
}
