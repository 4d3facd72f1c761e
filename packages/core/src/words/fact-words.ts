import type { RuleSet } from '../rule-set/types.js';
import type { Wording } from './outcome-names.js';

/**
 * A fact as people know it: the question's title from the rule set's fact catalog, with its id after it
 * (`「租赁户数」(rentalHouseholds)`), or the id alone for a fact the catalog lacks. What lists of missing
 * data show — in the reasons, the CLI, its reports and the result workbook — so that whoever fills in the
 * form finds the question by the words it is asked in, and a developer still finds the id.
 *
 * @example
 * ```ts
 * factInWords(guangxi2021, 'rentalHouseholds').zh; // '「小区现有租赁型承租户多少户？」(rentalHouseholds)'
 * factInWords(guangxi2021, 'unknownFact').en; // 'unknownFact'
 * ```
 */
export function factInWords(ruleSet: Pick<RuleSet, 'facts'>, factId: string): Wording {
  const title = Object.hasOwn(ruleSet.facts, factId) ? ruleSet.facts[factId]?.title : undefined;
  if (title === undefined) return { zh: factId, en: factId };
  return { zh: `「${title.zh}」(${factId})`, en: `“${title.en ?? title.zh}” (${factId})` };
}
