import * as z from 'zod';
import { asIssueOf } from '../errors/as-issue-of.js';
import type { IssueOf } from '../errors/rubric-error.js';
import { safeParseDocument, suspendJit } from '../reading/zod.js';
import { isDefinedRuleSet, safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { RuleSet, Text } from '../rule-set/types.js';
import { toRubricIssues } from '../timeline/define-plan.js';
import { PlanTextSchema } from '../timeline/plan-context-schema.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { quote } from '../util/show-value.js';

type Path = (string | number)[];

/**
 * A city's own units for the departments of the rule set it applies: the rule set's standards name a
 * department (`responsible: ['health']`), the city's officials know their unit (`市卫生健康委`). A city
 * plugin declares them; outputs about the city's target plans name each unit beside its department.
 *
 * @example
 * ```ts
 * const cityUnits: CityUnits = {
 *   ruleSet: guangxi2021,
 *   plans: ['qinzhou-2021'],
 *   units: { health: { zh: '市卫生健康委', en: 'Qinzhou Health Commission' } },
 * };
 * ```
 */
export interface CityUnits {
  /**
   * The rule set whose departments (the ids its standards name in `responsible`) the units stand for: the
   * rule set the city applies, or the one its own rule set extends. Every key of `units` must be one of them.
   */
  readonly ruleSet: RuleSet;
  /** The city's target plans, by their `id`: outputs about these plans name the units. */
  readonly plans: readonly string[];
  /** The city's unit for each department id of the rule set. */
  readonly units: Readonly<Record<string, Text>>;
}

/**
 * {@link CityUnits} as a plugin author writes them: the rule set may be a document, and `plans` may be left
 * out.
 *
 * @example
 * ```ts
 * const cityUnits: CityUnitsInput = { ruleSet: guangxi2021, units: { housing: { zh: '市住房城乡建设局' } } };
 * ```
 */
export interface CityUnitsInput {
  /** As {@link CityUnits.ruleSet}: a defined rule set, or a document that the plugin's operators define. */
  readonly ruleSet: RuleSet | RuleSetInput;
  /** As {@link CityUnits.plans}; none by default. */
  readonly plans?: readonly string[];
  /** As {@link CityUnits.units}. */
  readonly units: Readonly<Record<string, Text>>;
}

// Built with zod's JIT off, which is put back at the end of the module (see reading/zod.ts).
const restoreJit = suspendJit();
const CityUnitsSchema = z.strictObject({
  ruleSet: z.unknown().refine((value) => value !== undefined, 'ruleSet is the rule set the units stand for'),
  plans: z
    .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a plan id is kebab-case, e.g. qinzhou-2021'))
    .optional(),
  units: z.record(z.string().min(1, 'a department id is a non-empty string'), PlanTextSchema),
});
restoreJit();

/**
 * A plugin's `cityUnits`, checked (issues at paths under `cityUnits`): its shape, its rule set (a defined
 * one is taken as it is; a document is defined with the plugin's operators), and each unit's department id,
 * which must be one the rule set's standards name. A key that is not would never be shown beside anything:
 * it is refused, not warned about, so a misspelt id is found when the plugin is defined.
 */
export function checkCityUnits(
  value: unknown,
  operators: readonly OperatorDefinition[],
  issues: IssueOf<'INVALID_PLUGIN'>[],
): CityUnits | undefined {
  if (value === undefined) return undefined;
  const parsed = safeParseDocument(CityUnitsSchema, value);
  if (!parsed.success) {
    issues.push(...toRubricIssues(parsed.error.issues, ['cityUnits']));
    return undefined;
  }
  const ruleSet = ruleSetOf(parsed.data.ruleSet, operators, issues);
  if (ruleSet === undefined) return undefined;
  const departments = departmentsOf(ruleSet);
  const unknown = Object.keys(parsed.data.units).filter((departmentId) => !departments.has(departmentId));
  for (const departmentId of unknown)
    issues.push({
      path: ['cityUnits', 'units', departmentId],
      message: `${quote(departmentId)} is not a department of ${ruleSet.id}@${ruleSet.version} (its standards name: ${[...departments].sort().join(', ') || 'none'})`,
      kind: 'unknown-department',
    });
  if (unknown.length > 0) return undefined;
  return Object.freeze({
    ruleSet,
    plans: Object.freeze([...(parsed.data.plans ?? [])]),
    units: deepFreeze(parsed.data.units as Record<string, Text>),
  });
}

function ruleSetOf(
  value: unknown,
  operators: readonly OperatorDefinition[],
  issues: IssueOf<'INVALID_PLUGIN'>[],
): RuleSet | undefined {
  // Only the departments are read, never the conditions: a defined rule set needs no second validation,
  // even when its conditions use operators of another plugin.
  if (isDefinedRuleSet(value)) return value;
  const defined = safeDefineRuleSet(value, { operators });
  if (defined.ok) return defined.value;
  for (const issue of defined.error.issues)
    issues.push(asIssueOf('INVALID_PLUGIN', { ...issue, path: ['cityUnits', 'ruleSet', ...issue.path] }));
  return undefined;
}

/** The department ids a rule set's standards name in `responsible`. */
function departmentsOf(ruleSet: RuleSet): Set<string> {
  const departments = new Set<string>();
  for (const aspect of ruleSet.aspects)
    for (const requirement of aspect.requirements)
      for (const standard of requirement.standards)
        for (const departmentId of standard.responsible ?? []) departments.add(departmentId);
  return departments;
}

/** A plugin's city units with where the plugin sits in the registry's options. */
export interface PlacedCityUnits {
  readonly cityUnits: CityUnits;
  readonly plugin: string;
  readonly path: Path;
}

/** Two plugins whose city units claim one target plan: outputs about it could not tell whose to show. */
export function checkPlanClaims(placed: readonly PlacedCityUnits[]): IssueOf<'INVALID_REGISTRY'>[] {
  const issues: IssueOf<'INVALID_REGISTRY'>[] = [];
  const owners = new Map<string, string>();
  for (const { cityUnits, plugin, path } of placed)
    cityUnits.plans.forEach((planId, index) => {
      const owner = owners.get(planId);
      if (owner === undefined) owners.set(planId, plugin);
      else if (owner !== plugin)
        issues.push({
          path: [...path, 'cityUnits', 'plans', index],
          message: `plan ${quote(planId)} has city units from plugin ${quote(owner)} already`,
          kind: 'duplicate-city-units',
        });
    });
  return issues;
}
