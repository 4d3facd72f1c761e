import type { Text } from '@sunshine-rubric/core';
import { qinzhouDepartments } from '@sunshine-rubric/qinzhou';

/**
 * For each built-in plan, its city's units by the rule set's department id: the planner's `byDepartment` and
 * each fix's `responsible` use the rule set's ids, while the city's officials know their own units (Qinzhou's
 * leading-group members, as its responsibility table maps them).
 */
const cityUnitsByPlan: Readonly<Record<string, readonly { readonly id: string; readonly title: Text }[]>> = {
  'qinzhou-2021': qinzhouDepartments,
};

/** The city's unit for each department id under a plan (by plan id); empty for a plan without a known city. */
export function cityUnitsFor(planId: string): ReadonlyMap<string, Text> {
  const units = Object.hasOwn(cityUnitsByPlan, planId) ? cityUnitsByPlan[planId]! : [];
  return new Map(units.map((unit) => [unit.id, unit.title]));
}
