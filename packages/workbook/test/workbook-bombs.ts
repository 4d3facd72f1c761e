// Workbooks built to explode, made from a real export in a few milliseconds (no committed binaries):
// a sheet padded with whitespace that inflates far beyond its size, a cell at the sheet's far corner,
// merged and validated ranges over the whole sheet, and a zip whose directory lies about sizes.
import { Deflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The worksheet parts of an .xlsx, by name, as exceljs numbers them (sheet1 is the first sheet). */
export function sheetPart(position: number): string {
  return `xl/worksheets/sheet${position}.xml`;
}

/** The workbook with one worksheet's XML rewritten. */
export function editSheetXml(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = files[part];
  if (xml === undefined) throw new Error(`no ${part} in the workbook`);
  files[part] = strToU8(edit(strFromU8(xml)));
  return zipSync(files);
}

/** Adds XML just before `</sheetData>` (cells, rows) or after it (merges, validations). */
export function insertInSheet(bytes: Uint8Array, part: string, rows: string, after = ''): Uint8Array {
  return editSheetXml(bytes, part, (xml) => xml.replace('</sheetData>', `${rows}</sheetData>${after}`));
}

/**
 * The workbook with `padding` bytes of spaces inside a worksheet (after `</sheetData>`, where XML allows
 * them): it stays small on disk and inflates to `padding` bytes more. Deflated in a stream, so a bomb
 * of hundreds of megabytes costs the builder only a few.
 */
export function whitespaceBomb(bytes: Uint8Array, part: string, padding: number): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part]!);
  const cut = xml.indexOf('</sheetData>') + '</sheetData>'.length;
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => {
    chunks.push(chunk);
  });
  deflate.push(strToU8(xml.slice(0, cut)));
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  for (let left = padding; left > 0; left -= spaces.length) {
    deflate.push(left >= spaces.length ? spaces : spaces.subarray(0, left));
  }
  deflate.push(strToU8(xml.slice(cut)), true);
  const compressed = concat(chunks);
  // zipSync would inflate nothing but would deflate again: store the pre-deflated part by hand instead.
  delete files[part];
  return appendDeflatedEntry(zipSync(files), part, compressed, strToU8(xml).length + padding);
}

/** The zip with its directory claiming that every entry inflates to `size` bytes (a lie, as in a bomb). */
export function lieAboutSizes(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
  }
  return copy;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** Rebuilds a zip with one more entry whose data is already deflated (method 8, CRC left 0). */
function appendDeflatedEntry(zip: Uint8Array, name: string, data: Uint8Array, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const localView = new DataView(local.buffer);
  localView.setUint32(0, 0x04034b50, true);
  localView.setUint16(4, 20, true);
  localView.setUint16(8, 8, true);
  localView.setUint32(18, data.length, true);
  localView.setUint32(22, size >>> 0, true);
  localView.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const centralView = new DataView(central.buffer);
  centralView.setUint32(0, 0x02014b50, true);
  centralView.setUint16(4, 20, true);
  centralView.setUint16(6, 20, true);
  centralView.setUint16(10, 8, true);
  centralView.setUint32(20, data.length, true);
  centralView.setUint32(24, size >>> 0, true);
  centralView.setUint16(28, nameBytes.length, true);
  centralView.setUint32(42, directoryOffset, true);
  central.set(nameBytes, 46);
  const entries = zip.subarray(0, directoryOffset);
  const directory = zip.subarray(directoryOffset, directoryOffset + directorySize);
  const record = zip.slice(end, end + 22);
  const recordView = new DataView(record.buffer);
  recordView.setUint16(8, count + 1, true);
  recordView.setUint16(10, count + 1, true);
  recordView.setUint32(12, directorySize + central.length, true);
  recordView.setUint32(16, directoryOffset + local.length + data.length, true);
  return concat([entries, local, data, directory, central, record]);
}
