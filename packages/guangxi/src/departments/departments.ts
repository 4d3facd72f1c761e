import type { Text } from '@sunshine-rubric/core';
import list from '../data/departments.json' with { type: 'json' };

/** A body that owns standards and fixes them when unmet. */
export interface Department {
  /** Stable id, used in standards' `responsible`. */
  readonly id: string;
  readonly title: Text;
  /** Its duties in the campaign, summarised from the plan. */
  readonly duties: Text;
  /** The clause of the Qinzhou plan the duties come from. */
  readonly basis: string;
}

/**
 * The 13 departments named in section 四 of the 2021 Qinzhou plan, plus the estate operator and the
 * street/community, with the stable ids the Guangxi rule set uses in `responsible`.
 *
 * @example
 * ```ts
 * const names = new Map(guangxiDepartments.map((department) => [department.id, department.title.zh]));
 * names.get('public-security'); // '公安部门'
 * ```
 */
export const guangxiDepartments: readonly Department[] = Object.freeze(
  list.map((department) => Object.freeze(department)),
);

/**
 * The department with this id, or undefined.
 *
 * @example
 * ```ts
 * departmentById('housing')?.title.en; // 'Housing and urban-rural development department'
 * ```
 */
export function departmentById(id: string): Department | undefined {
  return guangxiDepartments.find((department) => department.id === id);
}
