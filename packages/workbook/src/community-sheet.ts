import type { Assessment, RuleSet } from '@sunshine-rubric/core';
import { ruleSetLabel, say } from '@sunshine-rubric/core/words';
import type { Cell, Workbook } from 'exceljs';
import { exportedText, setText } from './cells.js';
import { selfCheckHeaders, selfCheckSheetNames } from './sheet-names.js';
import {
  borders,
  type Column,
  font,
  headerRowNumber,
  inputFill,
  startSheet,
  styleDataRow,
} from './styles.js';
import type { WorkbookLanguage } from './wording.js';

/** A field of the estate, as on the application form (申报表). */
export interface CommunityField {
  readonly key: string;
  readonly label: string;
  readonly en: string;
  /** Always text (a number typed in is read as text), e.g. the name. */
  readonly text: boolean;
}

/** The application form's fields, in the form's order. They are kept in the assessment's `community`. */
export const communityFields: readonly CommunityField[] = [
  { key: 'name', label: '小区名称', en: 'Estate name', text: true },
  { key: 'district', label: '所在县（市、区）', en: 'District', text: true },
  { key: 'address', label: '详细地址', en: 'Address', text: true },
  { key: 'housingType', label: '房源类型', en: 'Housing type', text: true },
  { key: 'operator', label: '运营管理单位', en: 'Operator', text: true },
  { key: 'contact', label: '联系人及电话', en: 'Contact and phone', text: true },
  { key: 'yearBuilt', label: '建成年份', en: 'Year built', text: false },
  { key: 'yearOccupied', label: '入住年份', en: 'Year occupied', text: false },
  { key: 'units', label: '总套数', en: 'Housing units', text: false },
  { key: 'rentalHouseholds', label: '租赁户数', en: 'Rental households', text: false },
  { key: 'occupancyRate', label: '入住率', en: 'Occupancy rate', text: false },
];

/** Keys of the rows that are not estate fields: the 字段 column holds these. */
export const assessmentRowKeys = Object.freeze({
  id: 'id',
  assessedAt: 'assessedAt',
  ruleSet: 'ruleSet',
  provenance: 'provenance',
} as const);

/** Marks an estate field whose value is not a text, number or boolean: written and read as JSON. */
export const jsonSuffix = ':json';

export const communityColumns = (language: WorkbookLanguage): Column[] => [
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

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function writeValue(cell: Cell, value: unknown): void {
  if (typeof value === 'string') setText(cell, value);
  else if (typeof value === 'number' || typeof value === 'boolean') cell.value = value;
  else if (value !== null) setText(cell, JSON.stringify(value));
}

function formulaResult(assessment: Assessment | undefined, factId: string): string | number {
  const value = assessment?.facts[factId];
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  // The saved result shows what the answer cell shows, quote included, until the formula is recalculated.
  return typeof value === 'string' ? exportedText(value) : value;
}
