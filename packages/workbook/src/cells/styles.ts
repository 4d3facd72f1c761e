import type { RuleSet } from '@sunshine-rubric/core';
import { provisionalNotice } from '@sunshine-rubric/core/words';
import type { Borders, Cell, Fill, Font, Row, Worksheet } from 'exceljs';
import { setText } from './cells.js';

/** A column of a sheet: its header and width in characters (a Chinese character takes about two). */
export interface Column {
  readonly header: string;
  readonly width: number;
}

/**
 * A font with its name and size always set: a font element without a name makes LibreOffice fall back to
 * a serif face. Calibri is exceljs's (and Excel's) default; CJK text falls back to the system's CJK font.
 */
export function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: 'Calibri', family: 2, size: 11, ...extra };
}

// A Chinese character, a full-width form or an emoji is about two column-width units wide.
const wide =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Lines that text takes when wrapped in a column this wide (in Excel's units: about one digit each). */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((lines, line) => {
    const wideCount = line.match(wide)?.length ?? 0;
    const units = line.length - wideCount + wideCount * 2;
    return lines + Math.max(1, Math.ceil(units / usable));
  }, 0);
}

/** Points of height that `lines` lines of text need at this font size. */
export function heightFor(lines: number, size = 11): number {
  return Math.ceil(lines * size * 1.4 + 4);
}

/**
 * Sets the row's height to fit its wrapped text. Spreadsheets do not all fit rows to their text when
 * they open a file (LibreOffice does not), so the height is written, estimated from the text's width.
 */
export function fitRowHeight(row: Row, columnCount: number, ignoreColumns: readonly number[] = []): void {
  let lines = 1;
  for (let column = 1; column <= columnCount; column += 1) {
    if (ignoreColumns.includes(column)) continue;
    const cell = row.getCell(column);
    if (cell.value === null || cell.value === undefined || cell.isMerged) continue;
    const width = row.worksheet.getColumn(column).width ?? 9;
    lines = Math.max(lines, linesIn(cell.text, width));
  }
  row.height = heightFor(lines);
}

const thin = { style: 'thin', color: { argb: 'FFB0B0B0' } } as const;
export const borders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** The fill of cells that the estate fills in. */
export const inputFill = solidFill('FFFFF8DC');
export const metFill = solidFill('FFE2F0D9');
export const unmetFill = solidFill('FFF8D7DA');
export const missingFill = solidFill('FFFFE5B4');
export const neutralFill = solidFill('FFEDEDED');

/** The rows that start every sheet of both workbooks: a title, and the rule set's provenance. */
export const headerRowNumber = 3;

/**
 * Lays out the top of a sheet: the title (row 1), the provenance line (row 2) — a red notice on yellow
 * when the rule set is provisional — and the bold, bordered header row (row 3), frozen while scrolling.
 */
export function startSheet(
  sheet: Worksheet,
  title: string,
  ruleSet: RuleSet,
  columns: readonly Column[],
): void {
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const lastColumn = columns.length;
  sheet.mergeCells(1, 1, 1, lastColumn);
  const titleCell = sheet.getCell(1, 1);
  setText(titleCell, title);
  titleCell.font = font({ bold: true, size: 14 });
  titleCell.alignment = { vertical: 'middle', wrapText: true };
  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
  sheet.getRow(1).height = heightFor(linesIn(title, totalWidth / 1.3), 14);

  sheet.mergeCells(2, 1, 2, lastColumn);
  const noticeCell = sheet.getCell(2, 1);
  // The notice is in both languages whatever the workbook's language: whoever reads the sheet must see it.
  const notice = provisionalNotice(ruleSet, 'zh-en');
  const noticeText = notice ?? `标准来源（官方文本）：${ruleSet.provenance.source}`;
  setText(noticeCell, noticeText);
  noticeCell.alignment = { vertical: 'top', wrapText: true };
  if (notice) {
    noticeCell.font = font({ bold: true, color: { argb: 'FFC00000' } });
    noticeCell.fill = solidFill('FFFFF2CC');
  } else {
    noticeCell.font = font({ color: { argb: 'FF404040' } });
  }
  sheet.getRow(2).height = heightFor(linesIn(noticeText, totalWidth / (notice ? 1.05 : 1)));

  const header = sheet.getRow(headerRowNumber);
  for (const [index, column] of columns.entries()) setText(header.getCell(index + 1), column.header);
  styleHeaderRow(header);
  fitRowHeight(header, columns.length);
  sheet.views = [
    { state: 'frozen', ySplit: headerRowNumber, xSplit: 0, topLeftCell: 'A4', activeCell: 'A4' },
  ];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRowNumber}:${headerRowNumber}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

export function styleHeaderRow(row: Row): void {
  row.eachCell((cell) => {
    cell.font = font({ bold: true });
    cell.fill = neutralFill;
    cell.border = borders;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/**
 * Borders, the font, top-aligned wrapped text and a height that fits it, on every cell of a data row.
 * `ignoreColumns` do not count for the height (their cells are merged down over several rows).
 */
export function styleDataRow(row: Row, columnCount: number, ignoreColumns: readonly number[] = []): void {
  for (let column = 1; column <= columnCount; column += 1) {
    const cell: Cell = row.getCell(column);
    cell.border = borders;
    cell.font = font();
    cell.alignment = { vertical: 'top', wrapText: true, ...(cell.alignment ?? {}) };
  }
  fitRowHeight(row, columnCount, ignoreColumns);
}
