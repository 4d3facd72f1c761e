import type { Worksheet } from 'exceljs';
import { setText } from '../cells/cells.js';
import {
  borders,
  fitRowHeight,
  font,
  heightFor,
  linesIn,
  solidFill,
  styleDataRow,
  styleHeaderRow,
} from '../cells/styles.js';
import { createWorkbook, saveWorkbook } from '../file/workbook-io.js';
import type { FormDocument } from './form-document.js';

/**
 * A form as one printable sheet: the title, every notice (red on yellow), then each block — a bold title
 * row, and either label–value rows (the value merged across the other columns) or a table with its header.
 * Every text goes through `setText`, so formula-like text stays text.
 */
export async function formWorkbook(form: FormDocument, sheetName: string): Promise<Uint8Array> {
  const workbook = createWorkbook(form.title);
  const sheet = workbook.addWorksheet(sheetName);
  const widths = columnWidths(form);
  sheet.columns = widths.map((width) => ({ width }));
  const total = widths.reduce((sum, width) => sum + width, 0);
  let rowNumber = 1;
  const fullRow = (text: string, style: (row: number) => void, size = 11) => {
    sheet.mergeCells(rowNumber, 1, rowNumber, widths.length);
    const cell = sheet.getCell(rowNumber, 1);
    setText(cell, text);
    cell.alignment = { vertical: 'top', wrapText: true };
    style(rowNumber);
    sheet.getRow(rowNumber).height = heightFor(linesIn(text, total / 1.1), size);
    rowNumber += 1;
  };
  fullRow(
    form.title,
    (row) => {
      sheet.getCell(row, 1).font = font({ bold: true, size: 14 });
    },
    14,
  );
  for (const notice of form.notices)
    fullRow(notice, (row) => {
      const cell = sheet.getCell(row, 1);
      cell.font = font({ bold: true, color: { argb: 'FFC00000' } });
      cell.fill = solidFill('FFFFF2CC');
    });
  for (const block of form.blocks) {
    rowNumber += 1;
    fullRow(
      block.title,
      (row) => {
        sheet.getCell(row, 1).font = font({ bold: true, size: 12 });
      },
      12,
    );
    if (block.kind === 'fields') {
      for (const [label, value] of block.rows) {
        writeRow(sheet, rowNumber, [label, value], widths.length);
        rowNumber += 1;
      }
    } else {
      const header = sheet.getRow(rowNumber);
      for (const [index, text] of block.headers.entries()) setText(header.getCell(index + 1), text);
      styleHeaderRow(header);
      fitRowHeight(header, block.headers.length);
      rowNumber += 1;
      for (const values of block.rows) {
        writeRow(sheet, rowNumber, values, widths.length);
        rowNumber += 1;
      }
    }
  }
  sheet.pageSetup = {
    paperSize: 9,
    orientation: widths.length > 5 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  return saveWorkbook(workbook);
}

/** A data row; a row shorter than the sheet has its last value merged across the remaining columns. */
function writeRow(sheet: Worksheet, rowNumber: number, values: readonly string[], columns: number): void {
  const row = sheet.getRow(rowNumber);
  for (const [index, value] of values.entries()) setText(row.getCell(index + 1), value);
  if (values.length < columns) sheet.mergeCells(rowNumber, values.length, rowNumber, columns);
  styleDataRow(row, values.length);
  for (let column = values.length; column <= columns; column += 1) row.getCell(column).border = borders;
}

function columnWidths(form: FormDocument): number[] {
  for (const block of form.blocks) if (block.kind === 'table' && block.widths) return [...block.widths];
  return [18, 60];
}
