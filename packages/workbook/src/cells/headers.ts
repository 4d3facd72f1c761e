import type { Worksheet } from 'exceljs';
import { cellText } from './cells.js';

/** One column to find: the header texts that name it, and whether the sheet is unusable without it. */
export interface ColumnSpec {
  readonly names: readonly string[];
  readonly required: boolean;
}

/** Where the header row is and the column of each header found there. */
export interface HeaderRow<Key extends string> {
  readonly row: number;
  readonly columns: Partial<Record<Key, number>>;
}

/** The result of looking for a header row: found, or the names of the required headers not found. */
export type HeaderSearch<Key extends string> =
  | { readonly found: true; readonly header: HeaderRow<Key> }
  | { readonly found: false; readonly missing: readonly string[] };

/**
 * A header's text as compared: its first line (a second line may hold English), without any spaces,
 * full-width ones included, so `序  号` and `答案\nAnswer` match `序号` and `答案`.
 */
export function normaliseHeader(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').replace(/[\s\u3000]+/g, '');
}

/**
 * Finds the header row among the first `searchRows` rows: the row that names the most wanted columns,
 * and must name every required one. Columns are found by their text, so moved columns still work.
 */
export function findHeaderRow<Key extends string>(
  sheet: Worksheet,
  specs: Readonly<Record<Key, ColumnSpec>>,
  searchRows = 10,
): HeaderSearch<Key> {
  const keys = Object.keys(specs) as Key[];
  let best: { row: number; columns: Partial<Record<Key, number>>; count: number } | undefined;
  const lastRow = Math.min(searchRows, sheet.rowCount);
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber += 1) {
    const columns: Partial<Record<Key, number>> = {};
    let count = 0;
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      const text = normaliseHeader(cellText(cell));
      const key = keys.find(
        (candidate) => columns[candidate] === undefined && specs[candidate].names.includes(text),
      );
      if (key === undefined) return;
      columns[key] = columnNumber;
      count += 1;
    });
    const complete = keys.every((key) => !specs[key].required || columns[key] !== undefined);
    if (complete && (best === undefined || count > best.count)) best = { row: rowNumber, columns, count };
  }
  if (best) return { found: true, header: { row: best.row, columns: best.columns } };
  const missing = keys.filter((key) => specs[key].required).map((key) => specs[key].names[0]!);
  return { found: false, missing: missingOnBestRow(sheet, specs, lastRow, missing) };
}

/** The required headers missing from the row that comes closest, so the message names only those. */
function missingOnBestRow<Key extends string>(
  sheet: Worksheet,
  specs: Readonly<Record<Key, ColumnSpec>>,
  lastRow: number,
  allRequired: readonly string[],
): readonly string[] {
  let fewest = allRequired;
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber += 1) {
    const texts = new Set<string>();
    sheet.getRow(rowNumber).eachCell((cell) => {
      texts.add(normaliseHeader(cellText(cell)));
    });
    const missing = (Object.keys(specs) as Key[])
      .filter((key) => specs[key].required && !specs[key].names.some((name) => texts.has(name)))
      .map((key) => specs[key].names[0]!);
    if (missing.length < fewest.length) fewest = missing;
  }
  return fewest;
}
