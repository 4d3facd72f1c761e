import type { Registry, Text } from '@sunshine-rubric/core';

/**
 * The city's unit for each department id under a target plan (by plan id), from the plugin of the run's
 * registry whose `cityUnits` claim the plan (a registry refuses two that claim one); empty when none does.
 * The planner's `byDepartment` and each fix's `responsible` use the rule set's ids, while the city's officials
 * know their own units (Qinzhou's leading-group members, as its plugin declares them).
 */
export function cityUnitsFor(registry: Registry, planId: string): ReadonlyMap<string, Text> {
  const plugin = registry.plugins.find((candidate) => candidate.cityUnits?.plans.includes(planId));
  return new Map(Object.entries(plugin?.cityUnits?.units ?? {}));
}
