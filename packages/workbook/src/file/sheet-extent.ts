import { strFromU8 } from 'fflate';

/** Excel's own bounds, for a range that leaves out its rows (`E:E`) or columns (`3:3`). */
const lastSheetRow = 1_048_576;
const lastSheetColumn = 16_384;
/** No real tag comes near this: a longer one is a workbook built to slip past the scan. */
const longestTag = 1024 * 1024;

// Tags that place cells, with an optional namespace prefix (`<x:row>`); `<c` must not match `<c:chart`.
const tagPattern = /^(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|dataValidation)(?=[\s/]|$)/;
const lessThan = 0x3c;
const greaterThan = 0x3e;
const attributePattern = /\s(r|ref|sqref|t)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const referencePattern = /^\$?([A-Za-z]*)\$?(\d*)$/;

/**
 * Follows the XML of one worksheet, chunk by chunk, and counts the cells reading it will touch: the
 * rectangle from A1 to the furthest row, cell and merged range (the spreadsheet library creates every
 * cell of a merged range, and the importers walk every row up to the last), plus every cell of each
 * data-validation range (expanded cell by cell when read). Rows and cells without an `r` attribute count
 * from the previous one, as the format says.
 */
export class SheetExtent {
  private pending: Uint8Array = new Uint8Array(0);
  private row = 0;
  private column = 0;
  private lastRow = 0;
  private lastColumn = 0;
  private validatedCells = 0;
  /** The reference that reached furthest, for the message. */
  furthest = 'A1';
  /**
   * Cells stored as ISO-8601 dates (`t="d"`, written by some tools, never by Excel): exceljs reads their
   * text as a number (2021-09-30 becomes 2021), so the importers must not trust what it makes of them.
   */
  readonly isoDateCells: string[] = [];

  /** Cells counted so far. */
  get cells(): number {
    // A row without cells still costs a row object.
    return this.lastRow * Math.max(this.lastColumn, 1) + this.validatedCells;
  }

  /**
   * Reads the next chunk of the sheet's bytes. Works on bytes and decodes only the tags it wants, so
   * that megabytes of padding cost no strings. False when a tag is too long to be real.
   */
  feed(chunk: Uint8Array, final: boolean): boolean {
    let bytes = chunk;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
      this.pending = new Uint8Array(0);
    }
    for (let open = bytes.indexOf(lessThan); open >= 0; ) {
      const close = bytes.indexOf(greaterThan, open + 1);
      if (close < 0) {
        if (!final) this.pending = bytes.slice(open);
        break;
      }
      // Tag names and the attributes read here are ASCII: Latin-1 decoding keeps them intact.
      const tag = strFromU8(bytes.subarray(open + 1, Math.min(close, open + 1 + 40)), true);
      const name = tagPattern.exec(tag)?.[1];
      if (name !== undefined) this.tag(name, strFromU8(bytes.subarray(open + 1, close), true));
      open = bytes.indexOf(lessThan, close + 1);
    }
    return this.pending.length <= longestTag;
  }

  private tag(name: string, attributes: string): void {
    const values = new Map<string, string>();
    for (const match of attributes.matchAll(attributePattern)) values.set(match[1]!, match[2] ?? match[3]!);
    if (name === 'row') {
      const r = values.get('r');
      this.row = r !== undefined && /^\d+$/.test(r.trim()) ? Number(r.trim()) : this.row + 1;
      this.column = 0;
      this.reach(this.row, 0, r ?? `row ${this.row}`);
    } else if (name === 'c') {
      const reference = values.get('r');
      const parsed = reference === undefined ? undefined : parseReference(reference.trim());
      this.column = parsed?.column || this.column + 1;
      const row = parsed?.row || this.row;
      this.reach(row, this.column, reference ?? `row ${this.row}`);
      if (values.get('t') === 'd') this.isoDateCells.push(`${columnName(this.column)}${row}`);
    } else if (name === 'mergeCell') {
      for (const range of ranges(values.get('ref'))) this.reach(range.bottom, range.right, range.text);
    } else {
      for (const range of ranges(values.get('sqref'))) {
        this.validatedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
      }
    }
  }

  private reach(row: number, column: number, reference: string): void {
    const before = this.cells;
    this.lastRow = Math.max(this.lastRow, row);
    this.lastColumn = Math.max(this.lastColumn, column);
    if (this.cells > before) this.furthest = reference;
  }
}

interface CellRange {
  readonly text: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The ranges of a space-separated list such as `E4:L9 N4 A:A`, whole rows and columns included. */
function ranges(list: string | undefined): CellRange[] {
  const found: CellRange[] = [];
  for (const text of (list ?? '').split(/\s+/)) {
    if (text === '') continue;
    const [first, second = first] = text.split(':');
    const start = parseReference(first!);
    const end = parseReference(second!);
    if (start === undefined || end === undefined) continue;
    const rows = [start.row || 1, end.row || lastSheetRow];
    const columns = [start.column || 1, end.column || lastSheetColumn];
    found.push({
      text,
      top: Math.min(...rows),
      bottom: Math.max(...rows),
      left: Math.min(...columns),
      right: Math.max(...columns),
    });
  }
  return found;
}

/** `XFD1048576` → row 1048576, column 16384; a part left out is 0. */
function parseReference(reference: string): { row: number; column: number } | undefined {
  const match = referencePattern.exec(reference);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: match[2] ? Number(match[2]) : 0, column };
}

/** 16384 → `XFD`. */
function columnName(column: number): string {
  let name = '';
  for (let left = column; left > 0; left = Math.floor((left - 1) / 26)) {
    name = String.fromCharCode(65 + ((left - 1) % 26)) + name;
  }
  return name;
}
