import { defineRuleSet, type IssueOf, RubricError, type RuleSet, type Text } from '@sunshine-rubric/core';
import type { Worksheet } from 'exceljs';
import { loadWorkbook, type WorkbookBytes } from '../file/workbook-io.js';
import type { WorkbookLimits } from '../file/workbook-limits.js';
import { buildStandardTableDocument } from './standard-table-document.js';
import {
  findStandardTableHeader,
  type RowProblem,
  readTableRows,
  type TableRow,
  titleAbove,
} from './standard-table-rows.js';

/**
 * Options of {@link importStandardTable}: who the rule set is, how it scores, and the limits of
 * {@link WorkbookLimits} on what the import may cost.
 *
 * @example
 * ```ts
 * const options: StandardTableOptions = {
 *   id: 'guangxi-2023-official',
 *   version: '1.0.0',
 *   source: '2023 年评分细则',
 *   passMark: 80, // the table has 分值
 * };
 * ```
 */
export interface StandardTableOptions extends WorkbookLimits {
  /** The rule set's id, kebab-case, e.g. `guangxi-2021-official`. */
  readonly id: string;
  /** Its version (semver), e.g. `1.0.0`. */
  readonly version: string;
  /** Where the table comes from, e.g. `《广西壮族自治区保障性住房小区创建"阳光社区·美丽家园"标准》附件1`. */
  readonly source: string;
  /** The rule set's title. Default: the table's title (the first text above its header row). */
  readonly title?: Text | string;
  /** The sheet to read. Default: the first sheet with a header row. */
  readonly sheet?: string;
  /** Compliance-rate threshold, a share between 0 and 1 (default 0.85, the Guangxi rule). */
  readonly threshold?: number;
  /** Standards to meet in every requirement (default 1 by compliance rate, 0 by points). */
  readonly minMetPerRequirement?: number;
  /** Pass mark of a table with 分值 (points). Required then: tables do not state it, and none is guessed. */
  readonly passMark?: number;
  /** Added to the rule set's `provenance.notes`, before what the importer notes itself. */
  readonly notes?: string;
}

/**
 * Reads an official standard table — as government standard tables are laid out — into a rule set
 * with `provenance.status: 'official'` and the table's own wording.
 *
 * The header row (found by its text within the first 10 rows) names the columns 方面 (or 大项), 要求
 * and 标准, and optionally 序号, 分值, 责任单位, 佐证材料 and 依据. One row per standard; a blank or merged
 * 方面 / 要求 cell continues the value above; a row merged across the columns is an aspect heading;
 * blank rows and 合计 rows are skipped (a 合计 of 分值 must match the sum).
 *
 * - Ids: aspects `A1`…, requirements `R01`…, standards `S01`… in table order — or `S` + 序号 when every
 *   standard has a 序号 and they are unique.
 * - Facts: one yes/no self-check question per standard, `s01Met` (title: 是否符合：<标准>), so the rule
 *   set evaluates at once. Replace them with measured facts by `extendRuleSet` where you can.
 * - Scoring: compliance rate ≥ `threshold` (0.85) with `minMetPerRequirement` (1); with 分值, points
 *   against `passMark`, which you must give.
 * - 责任单位: names of Guangxi departments map to their ids (`市住房和城乡建设局` → `housing`); other
 *   names are kept as written as the id. `provenance.notes` lists both.
 *
 * @throws {RubricError} `INVALID_WORKBOOK` naming each row (`第 7 行（row 7）：…`) or the missing
 * headers, or refusing a workbook beyond `maxInflatedBytes` / `maxCells` (kind `too-large`); `INVALID_OPTIONS` when the table has 分值 and no `passMark` is given; `INVALID_RULE_SET`
 * when the options make an invalid rule set (e.g. an id that is not kebab-case).
 * @example
 * ```ts
 * const official = await importStandardTable(await readFile('附件1.xlsx'), {
 *   id: 'guangxi-2021-official',
 *   version: '1.0.0',
 *   source: '《广西壮族自治区保障性住房小区创建"阳光社区·美丽家园"标准》（附件1）',
 * });
 * const workbook = await exportSelfCheckWorkbook(official);
 * ```
 */
export async function importStandardTable(
  bytes: WorkbookBytes,
  options: StandardTableOptions,
): Promise<RuleSet> {
  const workbook = await loadWorkbook(bytes, options);
  const sheet = chooseSheet(workbook.worksheets, options.sheet);
  const search = findStandardTableHeader(sheet);
  if (!search.found) {
    const missing = search.missing.map((name) => `"${name}"`).join(', ');
    throw new RubricError('INVALID_WORKBOOK', [
      {
        path: [sheet.name],
        message: `${sheet.name}: header ${missing} not found in rows 1–10`,
        kind: 'missing-header',
      },
    ]);
  }
  const problems: RowProblem[] = [];
  const rows = readTableRows(sheet, search.header, problems);
  const standards = rows.filter(
    (row): row is Extract<TableRow, { kind: 'standard' }> => row.kind === 'standard',
  );
  if (standards.length === 0 && problems.length === 0) {
    problems.push({
      row: search.header.row,
      message: 'no standard below the header row',
      kind: 'empty-table',
    });
  }
  const { document, points } = buildStandardTableDocument(rows, problems, {
    ...options,
    sheetName: sheet.name,
    tableTitle: titleAbove(sheet, search.header.row),
  });
  if (problems.length > 0) {
    const issues: IssueOf<'INVALID_WORKBOOK'>[] = [...problems]
      .sort((first, second) => first.row - second.row)
      .map((problem) => ({
        path: [sheet.name, problem.row],
        message: `${sheet.name} 第 ${problem.row} 行（row ${problem.row}）：${problem.message}`,
        kind: problem.kind,
      }));
    throw new RubricError('INVALID_WORKBOOK', issues);
  }
  if (points !== undefined && options.passMark === undefined) {
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['passMark'],
        message: `the table gives 分值 (points, ${points} in all) but no pass mark: pass options.passMark`,
        kind: 'missing-pass-mark',
      },
    ]);
  }
  return defineRuleSet(document);
}

function chooseSheet(sheets: readonly Worksheet[], name: string | undefined): Worksheet {
  if (name !== undefined) {
    const named = sheets.find((sheet) => sheet.name === name);
    if (named) return named;
    throw new RubricError('INVALID_WORKBOOK', [
      {
        path: [name],
        message: `missing sheet "${name}" (sheets found: ${sheets.map((sheet) => sheet.name).join(', ') || 'none'})`,
        kind: 'missing-sheet',
      },
    ]);
  }
  const first = sheets.find((sheet) => findStandardTableHeader(sheet).found) ?? sheets[0];
  if (first === undefined) {
    throw new RubricError('INVALID_WORKBOOK', [
      { path: [], message: 'the workbook has no sheet', kind: 'missing-sheet' },
    ]);
  }
  return first;
}
