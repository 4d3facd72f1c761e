import type { Cell } from 'exceljs';

/** What a cell holds, with exceljs's wrappers (rich text, hyperlinks, formulas) taken off. */
export type CellContent = null | string | number | boolean | Date | { readonly error: string };

/**
 * The content of a cell: a formula gives its cached result, rich text and hyperlinks their text, and an
 * empty string counts as blank.
 */
export function cellContent(cell: Cell): CellContent {
  return unwrap(cell.value);
}

function unwrap(value: unknown): CellContent {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = value.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
    return text === '' ? null : text;
  }
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value ? unwrap(value.result) : null;
  }
  if ('text' in value) return unwrap(value.text);
  return null;
}

/** True when the cell holds a formula (its content is computed, not typed in). */
export function isFormula(cell: Cell): boolean {
  const value = cell.value;
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** The content as text, trimmed, for headers, ids and labels: '' when blank. */
export function cellText(cell: Cell): string {
  return contentText(cellContent(cell)).trim();
}

/** A cell content as a person would read it. */
export function contentText(content: CellContent): string {
  if (content === null) return '';
  if (content instanceof Date) return isoDateOf(content);
  if (typeof content === 'object') return content.error;
  return String(content);
}

/** How a cell content is shown in an error message: `"abc"`, `12`, `the error #N/A`. */
export function showContent(content: CellContent): string {
  if (content === null) return 'nothing';
  if (content instanceof Date) return isoDateOf(content);
  if (typeof content === 'object') return `the error ${content.error}`;
  if (typeof content === 'string') {
    const text = JSON.stringify(content);
    return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
  }
  return String(content);
}

/** `YYYY-MM-DD` of a date cell. Spreadsheet dates have no time zone; exceljs reads them as UTC. */
export function isoDateOf(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

// Any underscore before `x` and four hex digits, even without the closing `_`: an escape written next to
// it could otherwise complete it.
const escapeLike = /_(?=x[0-9A-Fa-f]{4})/g;
// Characters XML 1.0 cannot hold (control characters, U+FFFE/U+FFFF, unpaired surrogates), and the
// carriage return, which XML parsers turn into a line feed.
const unrepresentable =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000B-\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as .xlsx stores it (ECMA-376 `ST_Xstring`): characters XML cannot hold become `_xHHHH_`, and an
 * underscore that would read as such an escape is itself escaped, so that every reader (Excel,
 * LibreOffice, SheetJS, exceljs) gets back exactly the text written.
 */
export function encodeCellText(text: string): string {
  return text.replace(escapeLike, '_x005F_').replace(unrepresentable, (character) => {
    const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `_x${code}_`;
  });
}

/** Writes text to a cell, escaped so that it reads back exactly. */
export function setText(cell: Cell, text: string): void {
  cell.value = encodeCellText(text);
}
