import type { Assessment, RuleSet } from '@sunshine-rubric/core';
import { isAssessmentTimestamp } from '@sunshine-rubric/core/internal';
import { ruleSetLabel, say } from '@sunshine-rubric/core/words';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import {
  type CellContent,
  cellContent,
  cellText,
  contentText,
  isFormula,
  setText,
  showContent,
} from '../cells/cells.js';
import { findHeaderRow, normaliseHeader } from '../cells/headers.js';
import { selfCheckHeaders, selfCheckSheetNames } from '../cells/sheet-names.js';
import {
  borders,
  type Column,
  font,
  headerRowNumber,
  inputFill,
  startSheet,
  styleDataRow,
} from '../cells/styles.js';
import type { WorkbookLanguage } from '../cells/wording.js';
import type { WorkbookIssues } from '../file/workbook-io.js';
import {
  assessmentRowKeys,
  communityFields,
  formulaResult,
  isScalar,
  jsonSuffix,
  readCommunityValue,
  writeValue,
} from './application-form.js';

// The 小区信息 sheet, both ways: the writer lays out the application form (application-form.ts) and the
// reader finds its rows again by their key or label, so a change to the form is made here once.

const communityColumns = (language: WorkbookLanguage): Column[] => [
  { header: say({ zh: selfCheckHeaders.community.label, en: 'Item' }, language), width: 22 },
  { header: say({ zh: selfCheckHeaders.community.value, en: 'Value' }, language), width: 44 },
  { header: say({ zh: '说明', en: 'Note' }, language), width: 36 },
  { header: say({ zh: selfCheckHeaders.community.field, en: 'Field' }, language), width: 24 },
];

interface CommunityRow {
  readonly key: string;
  readonly label: string;
  readonly note?: string;
  readonly write?: (cell: Cell) => void;
  readonly input?: boolean;
}

/**
 * Writes the 小区信息 sheet. A form field that the rule set also asks as a fact of the same id (e.g.
 * `rentalHouseholds`) shows the fact's answer through a formula, so it is answered once, on 事实.
 */
export function writeCommunitySheet(
  workbook: Workbook,
  ruleSet: RuleSet,
  assessment: Assessment | undefined,
  factRows: ReadonlyMap<string, number>,
  answerColumn: string,
  language: WorkbookLanguage,
): void {
  const sheet = workbook.addWorksheet(selfCheckSheetNames.community);
  const columns = communityColumns(language);
  startSheet(sheet, `阳光社区·美丽家园 自查表：${ruleSet.title.zh}`, ruleSet, columns);
  const community: Record<string, unknown> = assessment?.community ?? {};
  const rows: CommunityRow[] = [
    {
      key: assessmentRowKeys.id,
      label: say({ zh: '评估编号', en: 'Assessment id' }, language),
      note: '必填：本次自查的编号，如 2021-家兴苑一区',
      input: true,
      ...(assessment ? { write: (cell) => setText(cell, assessment.id) } : {}),
    },
  ];
  for (const field of communityFields) {
    const value = community[field.key];
    const factRow = factRows.get(field.key);
    const label = say({ zh: field.label, en: field.en }, language);
    if (value === undefined && factRow !== undefined && field.key !== 'name') {
      const reference = `'${selfCheckSheetNames.facts}'!${answerColumn}${factRow}`;
      rows.push({
        key: `community.${field.key}`,
        label,
        note: `见「${selfCheckSheetNames.facts}」表 ${field.key} 的答案`,
        write: (cell) => {
          cell.value = {
            formula: `IF(${reference}="","",${reference})`,
            result: formulaResult(assessment, field.key),
          };
        },
      });
    } else {
      const json = value !== undefined && value !== null && !isScalar(value);
      rows.push({
        key: `community.${field.key}${json ? jsonSuffix : ''}`,
        label,
        ...(field.key === 'name' ? { note: '必填' } : json ? { note: 'JSON' } : {}),
        input: true,
        ...(value !== undefined ? { write: (cell) => writeValue(cell, value) } : {}),
      });
    }
  }
  rows.push({
    key: assessmentRowKeys.assessedAt,
    label: say({ zh: '自查日期', en: 'Assessed on' }, language),
    note: '如 2021-09-30',
    input: true,
    ...(assessment?.assessedAt ? { write: (cell) => setText(cell, assessment.assessedAt!) } : {}),
  });
  const known = new Set(communityFields.map((field) => field.key));
  for (const [key, value] of Object.entries(community)) {
    if (known.has(key) || value === undefined) continue;
    const json = value !== null && !isScalar(value);
    rows.push({
      key: `community.${key}${json ? jsonSuffix : ''}`,
      label: key,
      ...(json ? { note: 'JSON' } : {}),
      input: true,
      write: (cell) => writeValue(cell, value),
    });
  }
  rows.push(
    {
      key: assessmentRowKeys.ruleSet,
      label: say({ zh: '规则集', en: 'Rule set' }, language),
      note: '导入时核对，请勿修改',
      write: (cell) => setText(cell, ruleSetLabel(ruleSet)),
    },
    {
      key: assessmentRowKeys.provenance,
      label: say({ zh: '标准状态', en: 'Provenance' }, language),
      write: (cell) =>
        setText(cell, ruleSet.provenance.status === 'official' ? '官方文本' : '暂定：不是官方文本'),
    },
  );
  rows.forEach((entry, index) => {
    const row = sheet.getRow(headerRowNumber + 1 + index);
    setText(row.getCell(1), entry.label);
    entry.write?.(row.getCell(2));
    if (entry.note) setText(row.getCell(3), entry.note);
    setText(row.getCell(4), entry.key);
    styleDataRow(row, columns.length);
    row.getCell(1).font = font({ bold: true });
    row.getCell(4).font = font({ color: { argb: 'FF808080' } });
    if (entry.input) row.getCell(2).fill = inputFill;
    row.getCell(2).border = borders;
  });
}

/** What the 小区信息 sheet says: the assessment's envelope, without its facts. */
export interface CommunityPart {
  readonly id: string | undefined;
  readonly assessedAt: string | undefined;
  readonly community: Record<string, unknown>;
  /** False when the workbook names another rule set: its facts would only add noise to the error. */
  readonly otherRuleSet: boolean;
}

const sheetName = selfCheckSheetNames.community;
const labelKeys = new Map<string, string>([
  ['评估编号', assessmentRowKeys.id],
  ['自查日期', assessmentRowKeys.assessedAt],
  ['规则集', assessmentRowKeys.ruleSet],
  ['标准状态', assessmentRowKeys.provenance],
  ...communityFields.map((field): [string, string] => [
    normaliseHeader(field.label),
    `community.${field.key}`,
  ]),
]);

/**
 * Reads 小区信息: rows are found by the key in the 字段 column, or by their label when that is blank, so
 * rows may be moved or added (a row the form does not know becomes a field of `community`).
 */
export function readCommunitySheet(
  sheet: Worksheet,
  ruleSet: RuleSet,
  issues: WorkbookIssues,
): CommunityPart {
  const { label, value, field } = selfCheckHeaders.community;
  const search = findHeaderRow(sheet, {
    label: { names: [label], required: false },
    value: { names: [value], required: true },
    field: { names: [field], required: false },
  });
  const part: CommunityPart = { id: undefined, assessedAt: undefined, community: {}, otherRuleSet: false };
  if (!search.found) {
    issues.sheet(
      sheetName,
      `header ${search.missing.map((name) => `"${name}"`).join(', ')} not found in rows 1–10`,
      'missing-header',
    );
    return part;
  }
  const { row: headerRow, columns } = search.header;
  const community: Record<string, unknown> = {};
  const seen = new Map<string, number>();
  let id: string | undefined;
  let assessedAt: string | undefined;
  let nameRow: number | undefined;
  let otherRuleSet = false;
  let idRow: number | undefined;
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const labelText = columns.label ? normaliseHeader(cellText(row.getCell(columns.label))) : '';
    const fieldText = columns.field ? cellText(row.getCell(columns.field)) : '';
    const valueCell = row.getCell(columns.value!);
    const content = cellContent(valueCell);
    const key = fieldText || labelKeys.get(labelText) || (labelText ? `community.${labelText}` : '');
    const at = valueCell.address;
    if (key === '') {
      if (content !== null)
        issues.cell(
          sheetName,
          at,
          'a value without a label or field name: say what it is',
          'unlabelled-value',
        );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      issues.cell(sheetName, at, `field "${key}" appears twice (first in row ${first})`, 'duplicate-field');
      continue;
    }
    seen.set(key, rowNumber);
    if (key === assessmentRowKeys.id) {
      idRow = rowNumber;
      id = contentText(content).trim() || undefined;
      if (id === undefined)
        issues.cell(sheetName, at, 'the assessment id (评估编号) is empty: fill it in', 'missing-value');
    } else if (key === assessmentRowKeys.assessedAt) {
      assessedAt = readAssessedAt(content, at, issues);
    } else if (key === assessmentRowKeys.ruleSet) {
      otherRuleSet = !checkRuleSet(content, ruleSet, at, issues);
    } else if (key === assessmentRowKeys.provenance) {
      // Shown for the reader; the rule set passed to the importer is the authority.
    } else if (key.startsWith('community.')) {
      if (isFormula(valueCell)) continue; // mirrors a fact on 事实, which is read there
      const fieldKey = key.slice('community.'.length);
      if (fieldKey === 'name') nameRow = rowNumber;
      readCommunityValue(community, fieldKey, content, at, issues);
    } else {
      issues.cell(sheetName, at, `unknown field "${key}" in the 字段 column`, 'unknown-field');
    }
  }
  if (idRow === undefined) issues.sheet(sheetName, 'no row for 评估编号 (field "id")', 'missing-row');
  if (nameRow === undefined)
    issues.sheet(sheetName, 'no row for 小区名称 (field "community.name")', 'missing-row');
  else if (typeof community.name !== 'string' || community.name.trim() === '') {
    issues.cell(
      sheetName,
      sheet.getRow(nameRow).getCell(columns.value!).address,
      'the estate name (小区名称) is empty: fill it in',
      'missing-value',
    );
  }
  return { id, assessedAt, community, otherRuleSet };
}

function readAssessedAt(content: CellContent, at: string, issues: WorkbookIssues): string | undefined {
  if (content === null) return undefined;
  const text = contentText(content).trim();
  if (isAssessmentTimestamp(text)) return text;
  issues.cell(
    sheetName,
    at,
    `expected the date of the self-check as YYYY-MM-DD (or a date-time with seconds and an offset), got ${showContent(content)}`,
    'invalid-cell',
  );
  return undefined;
}

/** False, after recording why, when the workbook was made for another rule set. */
function checkRuleSet(content: CellContent, ruleSet: RuleSet, at: string, issues: WorkbookIssues): boolean {
  const text = contentText(content).trim();
  if (text === '') return true;
  const id = text.includes('@') ? text.slice(0, text.lastIndexOf('@')) : text;
  if (id !== ruleSet.id) {
    issues.cell(
      sheetName,
      at,
      `this workbook was made for rule set "${text}", not ${ruleSetLabel(ruleSet)}`,
      'wrong-rule-set',
    );
    return false;
  }
  return true;
}
