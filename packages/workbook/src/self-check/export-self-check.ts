import { type Assessment, type IssueOf, RubricError, type RuleSet } from '@sunshine-rubric/core';
import { AssessmentSchema, evidenceRules } from '@sunshine-rubric/core/internal';
import { ruleSetLabel } from '@sunshine-rubric/core/words';
import { evidenceStandards } from '../cells/evidence-text.js';
import { valueProblem } from '../cells/fact-answers.js';
import type { WorkbookLanguage } from '../cells/wording.js';
import { createWorkbook, saveWorkbook } from '../file/workbook-io.js';
import { writeCommunitySheet } from './community-sheet.js';
import { answerColumnLetter, factRowNumbers, writeFactsSheet } from './facts-sheet.js';
import { writeStandardsSheet } from './standards-sheet.js';

/**
 * Options of {@link exportSelfCheckWorkbook}.
 *
 * @example
 * ```ts
 * const options: SelfCheckExportOptions = { assessment: lastYear, lang: 'zh-en' };
 * ```
 */
export interface SelfCheckExportOptions {
  /** An assessment to pre-fill the form with (a previous year's, or a draft). */
  readonly assessment?: Assessment;
  /** `'zh'` (default) or `'zh-en'`: English on a second line where the rule set has it. */
  readonly lang?: WorkbookLanguage;
}

/**
 * The self-check workbook of any rule set, as .xlsx bytes, for an estate's operator to fill in with
 * Excel, WPS or LibreOffice and send back. Sheets (see `selfCheckSheetNames`):
 *
 * - `小区信息`: the application form's fields, the assessment id and date, the rule set and its
 *   provenance — with a red notice when the rule set is provisional;
 * - `事实`: one row per fact of the catalog, an answer column with dropdowns (是/否, enum values) and
 *   number and date validation;
 * - `标准`: every aspect, requirement and standard with its responsible departments, basis, facts and the
 *   evidence it requires (证明材料), and a column to fill in, 提供的佐证材料: the documents the estate
 *   provides, one a line (`种类：名称；日期；sha256:…；备注：…`), pre-filled from `assessment.evidence`.
 *
 * @throws {RubricError} `INVALID_ASSESSMENT` when `assessment` does not fit the rule set's fact catalog, or
 * cites evidence for a standard the rule set does not have.
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { guangxi2021 } from '@sunshine-rubric/guangxi';
 * import { exportSelfCheckWorkbook } from '@sunshine-rubric/workbook';
 * await writeFile('self-check.xlsx', await exportSelfCheckWorkbook(guangxi2021));
 * ```
 */
export async function exportSelfCheckWorkbook(
  ruleSet: RuleSet,
  options: SelfCheckExportOptions = {},
): Promise<Uint8Array> {
  const { assessment, lang = 'zh' } = options;
  if (assessment !== undefined) checkAssessment(ruleSet, assessment);
  const workbook = createWorkbook(`${ruleSet.title.zh} 自查表`);
  workbook.subject = ruleSetLabel(ruleSet);
  writeCommunitySheet(workbook, ruleSet, assessment, factRowNumbers(ruleSet), answerColumnLetter, lang);
  writeFactsSheet(workbook, ruleSet, assessment, lang);
  writeStandardsSheet(workbook, ruleSet, lang, assessment);
  return saveWorkbook(workbook);
}

/** Refuses an assessment whose facts do not fit the catalog: a workbook must not lose or bend them. */
function checkAssessment(ruleSet: RuleSet, assessment: Assessment): void {
  const parsed = AssessmentSchema.safeParse(assessment);
  const issues: IssueOf<'INVALID_ASSESSMENT'>[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
        message: issue.message,
        kind: 'invalid-assessment',
      }));
  for (const [factId, value] of Object.entries(assessment.facts ?? {})) {
    const definition = Object.hasOwn(ruleSet.facts, factId) ? ruleSet.facts[factId] : undefined;
    if (definition === undefined) {
      issues.push({
        path: ['facts', factId],
        message: `fact "${factId}" is not in the fact catalog of ${ruleSet.id}`,
        kind: 'unknown-fact',
      });
    } else if (value !== null) {
      const problem = valueProblem(value, definition);
      if (problem) issues.push({ path: ['facts', factId], message: problem, kind: 'invalid-fact' });
    }
  }
  if (parsed.success && assessment.evidence !== undefined) {
    // Core's rules name the standards the rule set does not have: the sheet has no row to list them on.
    issues.push(...evidenceRules().forStandards(evidenceStandards(ruleSet)).read(assessment.evidence).issues);
  }
  if (issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', issues);
}
