import type { Cell, Worksheet } from 'exceljs';

/**
 * What a cell holds, with exceljs's wrappers (rich text, hyperlinks, formulas) taken off. A formula
 * without a saved result, and a cell that cannot be read faithfully, are kept as what they are, never
 * as blank.
 */
export type CellContent =
  | null
  | string
  | number
  | boolean
  | Date
  | { readonly error: string }
  | { readonly formula: string }
  | { readonly unreadable: string };

/** How the content was stored: typed in, computed by a formula (its saved result), or styled text. */
export type CellForm = 'value' | 'formula' | 'rich-text' | 'hyperlink';

/** A cell's content and the form it came in, for the readers that care (a number must not be rich text). */
export interface CellReading {
  readonly content: CellContent;
  readonly form: CellForm;
}

// Cells whose value exceljs reads wrongly, found in the sheet XML before loading: an ISO-date cell
// (`t="d"`) comes out of exceljs as the number of its year.
const misreadCells = new WeakMap<Worksheet, ReadonlyMap<string, string>>();

/** Marks cells of a sheet that exceljs misreads, with what they are: they read as unreadable. */
export function markMisreadCells(sheet: Worksheet, cells: ReadonlyMap<string, string>): void {
  if (cells.size > 0) misreadCells.set(sheet, cells);
}

/** Reads a cell once: its content and its form. Never throws, whatever exceljs made of the file. */
export function readCell(cell: Cell): CellReading {
  try {
    const misread = misreadCells.get(cell.worksheet)?.get(cell.address);
    if (misread !== undefined) return { content: { unreadable: misread }, form: 'value' };
    return unwrap(cell.value);
  } catch {
    return { content: { unreadable: 'a cell this reader cannot make sense of' }, form: 'value' };
  }
}

/**
 * The content of a cell: a formula gives its saved result, rich text and hyperlinks their text, and an
 * empty string counts as blank.
 */
export function cellContent(cell: Cell): CellContent {
  return readCell(cell).content;
}

function unwrap(value: unknown, form: CellForm = 'value'): CellReading {
  if (value === null || value === undefined || value === '') return { content: null, form };
  if (typeof value === 'string') return { content: restoreFormulaLike(value), form };
  if (typeof value === 'boolean') return { content: value, form };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { content: value, form }
      : { content: { unreadable: 'a number cell that holds no number' }, form };
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { content: { unreadable: 'a date cell that holds no date' }, form }
      : { content: value, form };
  }
  if (typeof value !== 'object') return { content: null, form };
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = value.richText.map((run: { text?: unknown }) => String(run?.text ?? '')).join('');
    return {
      content: text === '' ? null : restoreFormulaLike(text),
      form: form === 'value' ? 'rich-text' : form,
    };
  }
  if ('error' in value) return { content: { error: String(value.error) }, form };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined || result === null) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return { content: { formula: String(formula ?? '') }, form: 'formula' };
    }
    return unwrap(result, 'formula');
  }
  if ('hyperlink' in value || 'text' in value) {
    return unwrap('text' in value ? value.text : undefined, 'hyperlink');
  }
  return { content: { unreadable: 'a cell of a kind this reader does not know' }, form };
}

/** True when the cell holds a formula (its content is computed, not typed in). */
export function isFormula(cell: Cell): boolean {
  return readCell(cell).form === 'formula';
}

/** The content as text, trimmed, for headers, ids and labels: '' when blank. */
export function cellText(cell: Cell): string {
  return contentText(cellContent(cell)).trim();
}

/** A cell content as a person would read it: '' for a formula without a saved value. */
export function contentText(content: CellContent): string {
  if (content === null) return '';
  if (content instanceof Date) return isoDateOf(content);
  if (typeof content === 'object') return 'error' in content ? content.error : '';
  return String(content);
}

/** How a cell content is shown in an error message: `"abc"`, `12`, `the error #N/A`. */
export function showContent(content: CellContent): string {
  if (content === null) return 'nothing';
  if (content instanceof Date) return `a date cell (${isoDateOf(content)})`;
  if (typeof content === 'object') {
    if ('error' in content) return `the error ${content.error}`;
    if ('formula' in content) return `the formula =${content.formula} without a saved value`;
    return content.unreadable;
  }
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

// What a spreadsheet may take for the start of a formula when the text is typed, pasted or saved as
// CSV (OWASP, "CSV injection"): = + - @, tab and carriage return; after any quotes already there, so
// that text which itself starts with a quote comes back exactly too.
const formulaLike = /^'*[=+\-@\t\r]/;
const neutralised = /^'+[=+\-@\t\r]/;

/**
 * Text a spreadsheet could take for a formula (`=cmd|' /C calc'!A0`, `+86 138…`, `-5`, `@SUM(…)`), with
 * a single quote in front, as OWASP advises: the cell shows and exports the quote, so the text is never
 * evaluated. Reversible: {@link restoreFormulaLike} removes exactly that quote, and text that starts with
 * quotes before such a character gets one more, so it too comes back as written.
 */
export function neutraliseFormulaLike(text: string): string {
  return formulaLike.test(text) ? `'${text}` : text;
}

/** The text as written before {@link neutraliseFormulaLike}. */
export function restoreFormulaLike(text: string): string {
  return neutralised.test(text) ? text.slice(1) : text;
}

/** Text as an export writes it to a cell: neutralised if formula-like, then escaped for .xlsx. */
export function exportedText(text: string): string {
  return encodeCellText(neutraliseFormulaLike(text));
}

/** Writes text to a cell so that no spreadsheet evaluates it and it reads back exactly. */
export function setText(cell: Cell, text: string): void {
  cell.value = exportedText(text);
}
