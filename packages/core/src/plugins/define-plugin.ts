import { asIssueOf } from '../errors/as-issue-of.js';
import type { IssueKind } from '../errors/issue-kinds.js';
import { type IssueOf, type Result, RubricError } from '../errors/rubric-error.js';
import { unreadableIssue } from '../reading/structure-depth.js';
import { safeParseDocument } from '../reading/zod.js';
import { safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import { builtInOperators, type OperatorDefinition } from '../rule-set/operators.js';
import { FactIdSchema } from '../rule-set/schema.js';
import { allFactTypes, type FactType, type RuleSet } from '../rule-set/types.js';
import { toRubricIssues } from '../timeline/define-plan.js';
import { deepEqual } from '../util/deep-equal.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { isPlainObject } from '../util/guards.js';
import { quote } from '../util/show-value.js';
import { type WorkflowPolicy, WorkflowPolicySchema } from '../workflow/workflow-policy.js';
import { checkCityUnits } from './city-units.js';
import {
  type FactResolver,
  INVALID_PLUGIN_CODE,
  type Plugin,
  type PluginDefinition,
} from './plugin-types.js';

type Path = (string | number)[];

const pluginFields = new Set([
  'name',
  'apiVersion',
  'description',
  'ruleSets',
  'operators',
  'factResolvers',
  'workflow',
  'cityUnits',
]);
const factTypes = new Set<FactType>(allFactTypes);
const builtInNames = new Set(builtInOperators.map((operator) => operator.name));

/**
 * Validates a plugin and returns it frozen, with every hook present and its rule sets defined (validated
 * with the built-in operators and the plugin's own). All hooks are optional. A plugin is a plain object:
 * nothing registers itself; pass it to `createRegistry`.
 *
 * @throws {RubricError} code `INVALID_REGISTRY` (there is no plugin-specific code yet) with one issue per
 * problem, paths into the plugin: an empty name, an `apiVersion` other than 1, an operator that is malformed,
 * repeats a name or takes a built-in operator's name, a malformed fact resolver, an invalid rule set
 * (`['ruleSets', 0, …rule-set path]`), a malformed `workflow` policy, malformed `cityUnits` or a unit for
 * a department its rule set's standards do not name (`unknown-department`), or an unknown field.
 * @example
 * ```ts
 * export const qinzhouPlugin = definePlugin({
 *   name: '@sunshine-rubric/qinzhou',
 *   apiVersion: 1,
 *   ruleSets: [qinzhou2021],
 *   operators: [startsWith],
 *   factResolvers: [{ fact: 'rentalHouseholds', resolve: async ({ assessment }) => lookUp(assessment) }],
 * });
 * ```
 */
export function definePlugin(plugin: PluginDefinition): Plugin {
  const result = safeDefinePlugin(plugin);
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * {@link definePlugin} without throwing: the plugin, or the error it would have thrown.
 *
 * @example
 * ```ts
 * const result = safeDefinePlugin(await import(pluginPath).then((module) => module.default));
 * if (!result.ok) console.error(result.error.message);
 * ```
 */
export function safeDefinePlugin(plugin: unknown): Result<Plugin, 'INVALID_PLUGIN'> {
  const { plugin: checked, issues } = checkPlugin(plugin);
  if (!checked) return { ok: false, error: new RubricError(INVALID_PLUGIN_CODE, issues) };
  return { ok: true, value: checked };
}

/**
 * Checks a plugin; returns it normalised and frozen when there is no issue. A getter or Proxy trap of the
 * plugin that throws is an issue where it threw.
 */
export function checkPlugin(input: unknown): { plugin?: Plugin; issues: IssueOf<'INVALID_PLUGIN'>[] } {
  try {
    return checkPluginFields(input);
  } catch (error) {
    if (RubricError.isInstance(error)) throw error;
    return { issues: [unreadableIssue(input, error)] };
  }
}

function checkPluginFields(input: unknown): { plugin?: Plugin; issues: IssueOf<'INVALID_PLUGIN'>[] } {
  const issues: IssueOf<'INVALID_PLUGIN'>[] = [];
  const fail = (path: Path, message: string, kind: IssueKind<'INVALID_PLUGIN'>) =>
    issues.push({ path, message, kind });
  if (!isPlainObject(input)) {
    fail(
      [],
      'a plugin is an object: { name, apiVersion: 1, ruleSets?, operators?, factResolvers? }',
      'not-an-object',
    );
    return { issues };
  }
  if (typeof input.name !== 'string' || input.name.trim() === '')
    fail(['name'], 'a plugin has a non-empty name', 'invalid-name');
  if (input.apiVersion !== 1) {
    fail(
      ['apiVersion'],
      `this library speaks plugin API version 1; the plugin says ${JSON.stringify(input.apiVersion) ?? 'nothing'}`,
      'unsupported-api-version',
    );
  }
  if (input.description !== undefined && typeof input.description !== 'string')
    fail(['description'], 'description is a string', 'invalid-type');
  for (const key of Object.keys(input)) {
    if (!pluginFields.has(key))
      fail(
        [key],
        `unknown plugin field ${quote(key)} (fields: ${[...pluginFields].join(', ')})`,
        'unknown-field',
      );
  }
  const operators = checkOperators(input.operators, fail);
  const factResolvers = checkFactResolvers(input.factResolvers, fail);
  const ruleSets = checkRuleSets(input.ruleSets, operators, issues);
  const workflow = checkWorkflow(input.workflow, issues);
  const cityUnits = checkCityUnits(input.cityUnits, operators, issues);
  if (issues.length > 0) return { issues };
  const plugin: Plugin = {
    name: input.name as string,
    apiVersion: 1,
    ...(input.description === undefined ? {} : { description: input.description as string }),
    ruleSets: Object.freeze(ruleSets),
    operators: Object.freeze(operators.map((operator) => Object.freeze({ ...operator }))),
    factResolvers: Object.freeze(factResolvers.map((resolver) => Object.freeze({ ...resolver }))),
    ...(workflow === undefined ? {} : { workflow: deepFreeze(workflow) }),
    ...(cityUnits === undefined ? {} : { cityUnits }),
  };
  return { plugin: Object.freeze(plugin), issues };
}

/** The plugin's workflow policy (revocation, deadlines per tier), checked against its schema. */
function checkWorkflow(value: unknown, issues: IssueOf<'INVALID_PLUGIN'>[]): WorkflowPolicy | undefined {
  if (value === undefined) return undefined;
  const parsed = safeParseDocument(WorkflowPolicySchema, value);
  if (parsed.success) return parsed.data as WorkflowPolicy;
  issues.push(...toRubricIssues(parsed.error.issues, ['workflow']));
  return undefined;
}

type Fail = (path: Path, message: string, kind: IssueKind<'INVALID_PLUGIN'>) => void;

function listOf(value: unknown, field: string, fail: Fail): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  fail([field], `${field} is a list`, 'invalid-type');
  return [];
}

function checkOperators(value: unknown, fail: Fail): OperatorDefinition[] {
  const valid: OperatorDefinition[] = [];
  const seen = new Set<string>();
  listOf(value, 'operators', fail).forEach((operator, index) => {
    const path: Path = ['operators', index];
    if (!isPlainObject(operator)) {
      fail(path, 'an operator is an OperatorDefinition object', 'invalid-operator');
      return;
    }
    const { name, factTypes: types, valueKind, valueType, evaluate } = operator;
    let ok = true;
    const bad = (field: string, message: string, kind: IssueKind<'INVALID_PLUGIN'> = 'invalid-operator') => {
      ok = false;
      fail([...path, field], message, kind);
    };
    if (typeof name !== 'string' || name === '') bad('name', 'an operator has a non-empty name');
    else if (builtInNames.has(name))
      bad('name', `${quote(name)} is a built-in operator; a plugin cannot redefine it`, 'shadows-built-in');
    else if (seen.has(name))
      bad('name', `operator ${quote(name)} is defined twice in this plugin`, 'duplicate-operator');
    if (!Array.isArray(types) || types.length === 0 || !types.every((type) => factTypes.has(type))) {
      bad(
        'factTypes',
        `factTypes lists the fact types the operator applies to (${[...factTypes].join(', ')})`,
      );
    }
    if (valueKind !== 'scalar' && valueKind !== 'list') bad('valueKind', "valueKind is 'scalar' or 'list'");
    if (valueType !== undefined && !factTypes.has(valueType as FactType))
      bad('valueType', 'valueType is a fact type');
    if (typeof evaluate !== 'function')
      bad('evaluate', 'evaluate is a function (factValue, value) => boolean');
    if (typeof name === 'string') seen.add(name);
    if (ok) valid.push(operator as unknown as OperatorDefinition);
  });
  return valid;
}

function checkFactResolvers(value: unknown, fail: Fail): FactResolver[] {
  const valid: FactResolver[] = [];
  const seen = new Set<string>();
  listOf(value, 'factResolvers', fail).forEach((resolver, index) => {
    const path: Path = ['factResolvers', index];
    if (!isPlainObject(resolver)) {
      fail(path, 'a fact resolver is an object { fact, resolve }', 'invalid-fact-resolver');
      return;
    }
    const { fact, resolve } = resolver;
    let ok = true;
    if (typeof fact !== 'string' || !FactIdSchema.safeParse(fact).success) {
      ok = false;
      fail([...path, 'fact'], 'fact is the id of the fact it resolves', 'invalid-fact-resolver');
    } else if (seen.has(fact)) {
      ok = false;
      fail(
        [...path, 'fact'],
        `fact ${quote(fact)} has two resolvers in this plugin`,
        'duplicate-fact-resolver',
      );
    }
    if (typeof resolve !== 'function') {
      ok = false;
      fail(
        [...path, 'resolve'],
        'resolve is a function (context) => Promise<value | undefined>',
        'invalid-fact-resolver',
      );
    }
    for (const key of Object.keys(resolver)) {
      if (key !== 'fact' && key !== 'resolve') {
        ok = false;
        fail(
          [...path, key],
          `unknown fact resolver field ${quote(key)} (fields: fact, resolve)`,
          'unknown-field',
        );
      }
    }
    if (typeof fact === 'string') seen.add(fact);
    if (ok) valid.push(resolver as unknown as FactResolver);
  });
  return valid;
}

function checkRuleSets(
  value: unknown,
  operators: readonly OperatorDefinition[],
  issues: IssueOf<'INVALID_PLUGIN'>[],
): RuleSet[] {
  const fail: Fail = (path, message, kind) => issues.push({ path, message, kind });
  const defined: RuleSet[] = [];
  const seen = new Map<string, number>();
  listOf(value, 'ruleSets', fail).forEach((ruleSet, index) => {
    const result = safeDefineRuleSet(ruleSet, { operators });
    if (!result.ok) {
      for (const issue of result.error.issues)
        issues.push(asIssueOf('INVALID_PLUGIN', { ...issue, path: ['ruleSets', index, ...issue.path] }));
      return;
    }
    const key = `${result.value.id}@${result.value.version}`;
    const first = seen.get(key);
    if (first !== undefined)
      fail(
        ['ruleSets', index],
        `rule set ${key} is listed twice (first at ruleSets[${first}])`,
        'duplicate-rule-set',
      );
    seen.set(key, index);
    // A rule set that was defined already stays the same object, so that caches keyed by it keep working.
    defined.push(
      Object.isFrozen(ruleSet) && deepEqual(ruleSet, result.value) ? (ruleSet as RuleSet) : result.value,
    );
  });
  return defined;
}
