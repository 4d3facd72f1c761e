/** Columns a text takes on a terminal: CJK characters and full-width punctuation take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** One cell: its plain text (measured) and how it is shown (perhaps coloured). */
export interface Cell {
  readonly text: string;
  readonly shown?: string;
}

/**
 * Rows aligned in columns, two spaces apart, measured by display width so Chinese lines up. The first row
 * is the header.
 */
export function formatTable(rows: readonly (readonly (Cell | string)[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? { text: cell } : cell)));
  const columns = Math.max(0, ...cells.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(0, ...cells.map((row) => displayWidth(row[column]?.text ?? ''))),
  );
  return cells
    .map((row) =>
      row
        .map((cell, column) => {
          const padding = column === row.length - 1 ? 0 : widths[column]! - displayWidth(cell.text);
          return (cell.shown ?? cell.text) + ' '.repeat(padding);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
