import type { Assessment } from '@sunshine-rubric/core';
import type { Cell } from 'exceljs';
import { type CellContent, contentText, exportedText, setText, showContent } from '../cells/cells.js';
import { communityFields } from '../cells/community-fields.js';
import { selfCheckSheetNames } from '../cells/sheet-names.js';
import type { WorkbookIssues } from '../file/workbook-io.js';

export { type CommunityField, communityFields } from '../cells/community-fields.js';

// The application form (申报表) as the 小区信息 sheet holds it: its fields, and how a field's value is written
// to its cell and read back, in one place so that the sheet's writer and reader cannot drift apart.

/** Keys of the rows that are not estate fields: the 字段 column holds these. */
export const assessmentRowKeys = Object.freeze({
  id: 'id',
  assessedAt: 'assessedAt',
  ruleSet: 'ruleSet',
  provenance: 'provenance',
} as const);

/** Marks an estate field whose value is not a text, number or boolean: written and read as JSON. */
export const jsonSuffix = ':json';

const textFields = new Set(communityFields.filter((field) => field.text).map((field) => field.key));

/** A value a cell holds as it is; anything else is written as JSON. */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Writes an estate field's value: text, a number or a boolean as such, anything else as JSON. */
export function writeValue(cell: Cell, value: unknown): void {
  if (typeof value === 'string') setText(cell, value);
  else if (typeof value === 'number' || typeof value === 'boolean') cell.value = value;
  else if (value !== null) setText(cell, JSON.stringify(value));
}

/** The saved result of a field's formula that mirrors a fact's answer on 事实. */
export function formulaResult(assessment: Assessment | undefined, factId: string): string | number {
  const value = assessment?.facts[factId];
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  // The saved result shows what the answer cell shows, quote included, until the formula is recalculated.
  return typeof value === 'string' ? exportedText(value) : value;
}

/** Reads an estate field's value into `community`, recording an issue for a cell it cannot hold. */
export function readCommunityValue(
  community: Record<string, unknown>,
  fieldKey: string,
  content: CellContent,
  at: string,
  issues: WorkbookIssues,
): void {
  if (content === null) return;
  if (typeof content === 'object' && !(content instanceof Date)) {
    issues.cell(
      selfCheckSheetNames.community,
      at,
      `expected a value, got ${showContent(content)}`,
      'invalid-cell',
    );
    return;
  }
  if (fieldKey.endsWith(jsonSuffix)) {
    const key = fieldKey.slice(0, -jsonSuffix.length);
    try {
      community[key] = JSON.parse(contentText(content));
    } catch {
      issues.cell(
        selfCheckSheetNames.community,
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
