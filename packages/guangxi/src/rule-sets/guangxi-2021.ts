import { defineRuleSet, type RuleSet } from '@sunshine-rubric/core';
import document from '../data/guangxi-2021.json' with { type: 'json' };

/**
 * The Guangxi 2021 rule set, `guangxi-2021`: the official structure of the regional standard (5 aspects,
 * 24 requirements, 65 standards; eligible at ≥ 85% compliance with at least one standard met in every
 * requirement; scope: every built, occupied affordable-housing estate; focus, reported as `inFocus` and
 * never a gate: public-rental estates with ≥ 200 rental households, the ones Qinzhou's targets count).
 *
 * **Provisional.** The official wording of the standard (附件1) is not available. Every requirement and
 * standard title, fact, threshold and responsible department is drafted by the project from the 2021
 * Qinzhou implementation plan; each standard's `grounds` say, typed, what it rests on (a clause of the plan,
 * a public report, or project drafting), every value the project chose is marked in its `drafted` list, and
 * `provenance.status` is `'provisional'`. Import the official table with `importStandardTable` from
 * `@sunshine-rubric/workbook` once you hold it. The same document ships as JSON:
 * `@sunshine-rubric/guangxi/data/guangxi-2021.json`.
 *
 * @example
 * ```ts
 * import { compileRuleSet } from '@sunshine-rubric/core';
 * import { guangxi2021 } from '@sunshine-rubric/guangxi';
 * const result = compileRuleSet(guangxi2021).evaluate(assessment);
 * ```
 */
export const guangxi2021: RuleSet = defineRuleSet(document);
