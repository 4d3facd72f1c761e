import type { RuleSet, Standard } from '@sunshine-rubric/core';
import { responsibleTitle } from './wording.js';

// What both the self-check workbook's 标准 sheet and the result workbook show for a standard.

/** A standard's responsible bodies by name: Guangxi departments by title, others by id. */
export function responsibleText(standard: Standard): string {
  return (standard.responsible ?? []).map(responsibleTitle).join('、');
}

/** True when the standards carry points (a points rule set, or points given anyway). */
export function hasPoints(ruleSet: RuleSet): boolean {
  return (
    ruleSet.scoring.mode === 'points' ||
    ruleSet.aspects.some((aspect) =>
      aspect.requirements.some((requirement) =>
        requirement.standards.some((standard) => standard.points !== undefined),
      ),
    )
  );
}
