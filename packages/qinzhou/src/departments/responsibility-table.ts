import { RubricError, type RuleSet } from '@sunshine-rubric/core';
import { deepFreeze } from '@sunshine-rubric/core/internal';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { qinzhouDepartments } from './qinzhou-departments.js';

/**
 * Department id → the ids of the standards it is responsible for, in rule-set order.
 *
 * @example
 * ```ts
 * const table: ResponsibilityTable = { 'veterans-affairs': ['S16'] };
 * ```
 */
export type ResponsibilityTable = Readonly<Record<string, readonly string[]>>;

/** Bodies that are responsible for standards without being members of the leading group. */
const otherResponsibleBodies = ['estate-operator', 'street-community'] as const;

/**
 * Builds a responsibility table from a rule set's `responsible` fields: for each department id, the
 * standards it answers for (a standard with two departments appears under both). Departments listed in
 * `order` come first, in that order, with an empty list when they own nothing; any other id found in the
 * rule set follows in the order it first appears.
 *
 * @example
 * ```ts
 * const table = responsibilityTableOf(guangxi2021, ['housing']);
 * table.housing?.includes('S01'); // true
 * ```
 */
export function responsibilityTableOf(ruleSet: RuleSet, order: readonly string[] = []): ResponsibilityTable {
  const table = new Map<string, string[]>(order.map((departmentId) => [departmentId, []]));
  for (const aspect of ruleSet.aspects) {
    for (const requirement of aspect.requirements) {
      for (const standard of requirement.standards) {
        for (const departmentId of standard.responsible ?? []) {
          const standards = table.get(departmentId) ?? [];
          if (!standards.includes(standard.id)) standards.push(standard.id);
          table.set(departmentId, standards);
        }
      }
    }
  }
  return deepFreeze(Object.fromEntries(table));
}

/**
 * Qinzhou's responsibility table: which of the Guangxi 2021 standards each of the 13 leading-group units
 * answers for, then the estate operator (经营管理单位) and the street/community (街道、社区). The plan puts
 * unmet standards on “the responsible department by the division of responsibilities” (六（二）), but its
 * 责任分工表 (attachment 3) is not available: the table is derived from `guangxi2021`'s `responsible`
 * fields, which the project drafted from the departments' duties in section 四. **Provisional**, like the
 * rule set it comes from. Every standard of `guangxi2021` appears at least once.
 *
 * @example
 * ```ts
 * qinzhouResponsibilityTable['supply-marketing-coop']; // ['S43', 'S46']
 * Object.keys(qinzhouResponsibilityTable).length; // 15
 * ```
 */
export const qinzhouResponsibilityTable: ResponsibilityTable = responsibilityTableOf(guangxi2021, [
  ...qinzhouDepartments.map((department) => department.id),
  ...otherResponsibleBodies,
]);

/**
 * The ids of the Guangxi 2021 standards a department answers for in Qinzhou (from
 * {@link qinzhouResponsibilityTable}).
 *
 * @throws {RubricError} `INVALID_OPTIONS` when the id is not in the table; the message lists the ids that are.
 * @example
 * ```ts
 * responsibilityFor('veterans-affairs'); // ['S16']
 * responsibilityFor('commerce'); // ['S43', 'S44', 'S45', 'S46']
 * ```
 */
export function responsibilityFor(departmentId: string): readonly string[] {
  const standards = Object.hasOwn(qinzhouResponsibilityTable, departmentId)
    ? qinzhouResponsibilityTable[departmentId]
    : undefined;
  if (standards !== undefined) return standards;
  throw new RubricError('INVALID_OPTIONS', [
    {
      path: ['departmentId'],
      message: `no department "${departmentId}" in Qinzhou's responsibility table (departments: ${Object.keys(qinzhouResponsibilityTable).join(', ')})`,
      kind: 'unknown-department',
    },
  ]);
}
