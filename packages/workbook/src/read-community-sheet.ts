import type { RuleSet } from '@sunshine-rubric/core';
import { isAssessmentTimestamp } from '@sunshine-rubric/core/internal';
import { ruleSetLabel } from '@sunshine-rubric/core/words';
import type { Worksheet } from 'exceljs';
import { type CellContent, cellContent, cellText, contentText, isFormula, showContent } from './cells.js';
import { assessmentRowKeys, communityFields, jsonSuffix } from './community-sheet.js';
import { findHeaderRow, normaliseHeader } from './headers.js';
import { selfCheckHeaders, selfCheckSheetNames } from './sheet-names.js';
import type { WorkbookIssues } from './workbook-io.js';

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
const textFields = new Set(communityFields.filter((field) => field.text).map((field) => field.key));

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

function readCommunityValue(
  community: Record<string, unknown>,
  fieldKey: string,
  content: CellContent,
  at: string,
  issues: WorkbookIssues,
): void {
  if (content === null) return;
  if (typeof content === 'object' && !(content instanceof Date)) {
    issues.cell(sheetName, at, `expected a value, got ${showContent(content)}`, 'invalid-cell');
    return;
  }
  if (fieldKey.endsWith(jsonSuffix)) {
    const key = fieldKey.slice(0, -jsonSuffix.length);
    try {
      community[key] = JSON.parse(contentText(content));
    } catch {
      issues.cell(
        sheetName,
        at,
        `expected JSON for field "${key}", got ${showContent(content)}`,
        'invalid-cell',
      );
    }
    return;
  }
  if (content instanceof Date) community[fieldKey] = contentText(content);
  else community[fieldKey] = textFields.has(fieldKey) ? String(content) : content;
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
