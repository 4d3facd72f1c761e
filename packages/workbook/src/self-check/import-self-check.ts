import { type Assessment, RubricError, type RuleSet } from '@sunshine-rubric/core';
import { selfCheckSheetNames } from '../cells/sheet-names.js';
import { loadWorkbook, requireSheet, type WorkbookBytes, WorkbookIssues } from '../file/workbook-io.js';
import type { WorkbookLimits } from '../file/workbook-limits.js';
import { readCommunitySheet } from './community-sheet.js';
import { readFactsSheet } from './facts-sheet.js';
import { readStandardsSheet } from './standards-sheet.js';

/**
 * Options of {@link importSelfCheckWorkbook}: the limits of {@link WorkbookLimits}.
 *
 * @example
 * ```ts
 * const options: SelfCheckImportOptions = { maxInflatedBytes: 16 * 1024 * 1024 };
 * ```
 */
export interface SelfCheckImportOptions extends WorkbookLimits {}

/**
 * Reads a filled-in self-check workbook (made by {@link exportSelfCheckWorkbook}) back into an
 * assessment of `ruleSet`. Rows and columns are found by their text, so moved columns and rows still
 * read; a blank answer is an unanswered question. The assessment's `ruleSet` is `ruleSet.id`.
 *
 * Nothing is dropped silently: every problem — a missing sheet or header, an answer of the wrong type
 * or out of range, an unknown or repeated fact id, a workbook made for another rule set — is reported
 * at once, each message starting with its sheet and cell (`事实!E7: expected a number between 0 and 1,
 * got 1.5`) and each issue's `path` being `[sheet, cell]`.
 *
 * The evidence listed on 标准 (提供的佐证材料, one document a line: `种类：名称；日期；sha256:…；备注：…`)
 * becomes `assessment.evidence`, by standard id; an entry of a kind the standard does not require is kept
 * (the result reports it), a malformed line is an issue naming its cell and line, and a workbook without
 * that column (exported before it) has no evidence.
 *
 * Answers are taken as a person sees them: a formula's saved result, never a formula without one; a cell
 * whose kind does not fit the fact (a date for a number, rich text or a hyperlink for a yes/no) is an
 * issue naming the cell, the fact and what was found.
 *
 * Before anything is expanded the bytes are checked against `options` ({@link WorkbookLimits}: how much
 * the workbook may inflate to, how many cells it may span), so a workbook built to explode is refused
 * at once.
 *
 * @throws {RubricError} `INVALID_WORKBOOK` with every problem found, or one issue when the bytes are not
 * an .xlsx file (kind `not-xlsx`) or are beyond a limit (kind `too-large`, naming the option to raise);
 * `INVALID_OPTIONS` for a limit that is not a whole number.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { evaluate } from '@sunshine-rubric/core';
 * const assessment = await importSelfCheckWorkbook(guangxi2021, await readFile('filled-in.xlsx'));
 * const result = evaluate(guangxi2021, assessment);
 * ```
 */
export async function importSelfCheckWorkbook(
  ruleSet: RuleSet,
  bytes: WorkbookBytes,
  options: SelfCheckImportOptions = {},
): Promise<Assessment> {
  const workbook = await loadWorkbook(bytes, options);
  const issues = new WorkbookIssues();
  const communitySheet = requireSheet(workbook, selfCheckSheetNames.community, issues);
  const factsSheet = requireSheet(workbook, selfCheckSheetNames.facts, issues);
  const part = communitySheet ? readCommunitySheet(communitySheet, ruleSet, issues) : undefined;
  // A workbook of another rule set would add an unknown-fact issue per row: its rule set is the news.
  const facts = factsSheet && !part?.otherRuleSet ? readFactsSheet(factsSheet, ruleSet, issues) : {};
  const standardsSheet = workbook.getWorksheet(selfCheckSheetNames.standards);
  const evidence =
    standardsSheet && !part?.otherRuleSet ? readStandardsSheet(standardsSheet, ruleSet, issues) : undefined;
  issues.throwIfAny();
  const id = part?.id;
  if (part === undefined || id === undefined) {
    throw new RubricError('INVALID_WORKBOOK', [
      { path: [selfCheckSheetNames.community], message: 'no assessment id' },
    ]);
  }
  return {
    id,
    ruleSet: ruleSet.id,
    community: part.community as Assessment['community'],
    facts,
    ...(part.assessedAt !== undefined ? { assessedAt: part.assessedAt } : {}),
    ...(evidence !== undefined && Object.keys(evidence).length > 0 ? { evidence } : {}),
  };
}
