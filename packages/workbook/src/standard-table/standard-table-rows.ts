import type { IssueKind } from '@sunshine-rubric/core';
import type { Cell, Worksheet } from 'exceljs';
import { cellText, readCell, showContent } from '../cells/cells.js';
import { readAnswer } from '../cells/fact-answers.js';
import { type ColumnSpec, findHeaderRow, type HeaderRow } from '../cells/headers.js';

/** The columns of an official standard table, by the header texts that name them. */
export const standardTableColumns = {
  serial: { names: ['序号', '编号'], required: false },
  aspect: { names: ['方面', '大项', '类别', '一级指标'], required: true },
  requirement: { names: ['要求', '小项', '二级指标'], required: true },
  standard: {
    names: ['标准', '具体标准', '创建标准', '评价标准', '考核标准', '评分标准', '三级指标'],
    required: true,
  },
  points: { names: ['分值', '分数', '标准分', '满分'], required: false },
  responsible: { names: ['责任单位', '责任部门', '牵头单位'], required: false },
  evidence: { names: ['佐证材料', '证明材料'], required: false },
  basis: { names: ['依据'], required: false },
} as const satisfies Record<string, ColumnSpec>;

export type StandardTableColumn = keyof typeof standardTableColumns;

/** A 方面 or 要求 cell: its own text, or blank / merged from above (continues the value above). */
export interface GroupCell {
  readonly text: string;
  readonly continues: boolean;
}

/** One row of the table: a standard, an aspect heading spanning the columns, or a total. */
export type TableRow =
  | {
      readonly kind: 'standard';
      readonly row: number;
      readonly serial: string;
      readonly aspect: GroupCell;
      readonly requirement: GroupCell;
      readonly standard: string;
      readonly points: number | undefined;
      /** The 分值 cell holds something that is not points (already reported). */
      readonly pointsInvalid: boolean;
      readonly responsible: string;
      readonly evidence: string;
      readonly basis: string;
    }
  | { readonly kind: 'heading'; readonly row: number; readonly text: string }
  | {
      readonly kind: 'total';
      readonly row: number;
      readonly label: string;
      readonly points: number | undefined;
    };

/** A problem with one row: `第 7 行（row 7）：…`. */
export interface RowProblem {
  readonly row: number;
  readonly message: string;
  readonly kind: IssueKind<'INVALID_WORKBOOK'>;
}

/** Locates the header row among the first ten rows of the sheet. */
export function findStandardTableHeader(sheet: Worksheet) {
  return findHeaderRow(sheet, standardTableColumns, 10);
}

/** The first text above the header row: a table's title. */
export function titleAbove(sheet: Worksheet, headerRow: number): string | undefined {
  for (let rowNumber = 1; rowNumber < headerRow; rowNumber += 1) {
    let found: string | undefined;
    sheet.getRow(rowNumber).eachCell((cell) => {
      found ??= cellText(cell) || undefined;
    });
    if (found) return found;
  }
  return undefined;
}

/** A row of totals (合计 / 总计 / 总分 / 小计), not a standard. */
const totalPattern = /^(合计|总计|总分|小计)[:：]?$/;

/** Reads the rows below the header: one per standard, skipping blank rows and totals. */
export function readTableRows(
  sheet: Worksheet,
  header: HeaderRow<StandardTableColumn>,
  problems: RowProblem[],
): TableRow[] {
  const { columns } = header;
  const rows: TableRow[] = [];
  for (let rowNumber = header.row + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cell = (column: StandardTableColumn): Cell | undefined =>
      columns[column] === undefined ? undefined : row.getCell(columns[column]);
    const text = (column: StandardTableColumn): string => {
      const found = cell(column);
      return found === undefined ? '' : cellText(found);
    };
    // A text cell that reads as blank only because its formula was never calculated (or exceljs cannot
    // read it) would silently continue the value above or vanish: say so instead.
    const unreadable = textColumns.flatMap((column) => {
      const found = cell(column);
      const content = found === undefined ? null : readCell(found).content;
      if (content === null || typeof content !== 'object' || 'error' in content || content instanceof Date) {
        return [];
      }
      return [
        {
          row: rowNumber,
          message:
            'formula' in content
              ? `the ${headerOf(column)} cell holds a formula (=${content.formula}) without a saved value; open and save the workbook in a spreadsheet program, or type the text`
              : `the ${headerOf(column)} cell holds ${content.unreadable}; type the text again`,
          kind: 'formula' in content ? ('formula-without-value' as const) : ('wrong-cell-type' as const),
        },
      ];
    });
    if (unreadable.length > 0) {
      problems.push(...unreadable);
      continue;
    }
    const standardCell = cell('standard')!;
    if (isHeading(standardCell, columns, (column) => row.getCell(column))) {
      rows.push({ kind: 'heading', row: rowNumber, text: cellText(standardCell) });
      continue;
    }
    if (standardCell.isMerged && standardCell.master.row !== standardCell.row) {
      problems.push({
        row: rowNumber,
        message: 'the 标准 cell is merged with the row above: one row per standard',
        kind: 'merged-standard',
      });
      continue;
    }
    const standard = text('standard');
    const anyText = (Object.keys(columns) as StandardTableColumn[]).some((column) => text(column) !== '');
    if (!anyText) continue;
    const problemsBefore = problems.length;
    const points = readPoints(cell('points'), rowNumber, problems);
    const pointsInvalid = problems.length > problemsBefore;
    const label = (['serial', 'aspect', 'requirement', 'standard'] as const)
      .map((column) => text(column).replace(/[\s\u3000]+/g, ''))
      .find((candidate) => totalPattern.test(candidate));
    if (label !== undefined) {
      rows.push({ kind: 'total', row: rowNumber, label, points });
      continue;
    }
    if (standard === '') {
      problems.push({
        row: rowNumber,
        message: 'the 标准 cell is empty (one row per standard)',
        kind: 'missing-standard',
      });
      continue;
    }
    rows.push({
      kind: 'standard',
      row: rowNumber,
      serial: text('serial').replace(/[\s\u3000]+/g, ''),
      aspect: groupCell(cell('aspect')!),
      requirement: groupCell(cell('requirement')!),
      standard,
      points,
      pointsInvalid,
      responsible: text('responsible'),
      evidence: text('evidence'),
      basis: text('basis'),
    });
  }
  return rows;
}

/** A row merged across the table's columns, like `一、政府职责` above its standards: an aspect heading. */
function isHeading(
  standardCell: Cell,
  columns: HeaderRow<StandardTableColumn>['columns'],
  cellAt: (column: number) => Cell,
): boolean {
  if (!standardCell.isMerged) return false;
  const master = standardCell.master.address;
  return Object.values(columns).some(
    (column) =>
      column !== undefined &&
      column !== standardCell.fullAddress.col &&
      cellAt(column as number).master.address === master,
  );
}

function groupCell(cell: Cell): GroupCell {
  if (cell.isMerged && cell.master.address !== cell.address) return { text: cellText(cell), continues: true };
  const text = cellText(cell);
  return { text, continues: text === '' };
}

const textColumns = (Object.keys(standardTableColumns) as StandardTableColumn[]).filter(
  (column) => column !== 'points',
);

function headerOf(column: StandardTableColumn): string {
  return standardTableColumns[column].names[0];
}

const pointsDefinition = { type: 'number', min: 0, title: { zh: '分值' } } as const;

function readPoints(cell: Cell | undefined, row: number, problems: RowProblem[]): number | undefined {
  if (cell === undefined) return undefined;
  // The same rules as an answer to a number fact: a formula's saved result, never a date or styled text.
  const { content, form } = readCell(cell);
  const read = readAnswer(content, pointsDefinition, { form, subject: '分值 (points)' });
  if (read === undefined) return undefined;
  if ('value' in read && typeof read.value === 'number') return read.value;
  problems.push({
    row,
    message:
      'problem' in read && read.kind !== 'invalid-answer'
        ? read.problem
        : `分值 (points) must be a number of at least 0, got ${showContent(content)}`,
    kind: 'problem' in read && read.kind !== 'invalid-answer' ? read.kind : 'invalid-points',
  });
  return undefined;
}
