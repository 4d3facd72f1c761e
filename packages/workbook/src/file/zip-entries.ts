import { strFromU8 } from 'fflate';

/** One stored file of a zip, located as JSZip (under exceljs) locates it: by the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else JSZip refuses. */
  readonly method: number;
  /** The entry's compressed bytes, as JSZip slices them (declared size, cut at the end of the file). */
  readonly data: Uint8Array;
}

const endOfCentralDirectory = 0x06054b50;
const zip64Locator = 0x07064b50;
const zip64End = 0x06064b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;
const unset32 = 0xffffffff;

/**
 * The entries of a zip, read the way JSZip reads them (the last end-of-central-directory record, every
 * central header that follows its stated offset, each entry's data after its local header), or a reason
 * why the bytes are not a zip that JSZip would read the same way. Sizes are taken as declared only to
 * slice the data, never to judge how much it inflates to.
 */
export function readZipEntries(bytes: Uint8Array): readonly ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at >= 0 && at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at >= 0 && at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u64 = (at: number) => (at >= 0 && at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : -1);

  let end = -1;
  for (let at = bytes.length - 22; at >= 0; at -= 1) {
    if (u32(at) === endOfCentralDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) return 'no zip directory';
  let directoryOffset = u32(end + 16);
  if (directoryOffset === unset32 || u16(end + 10) === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== zip64Locator) return 'a zip64 directory without its locator';
    const record = u64(locator + 8);
    if (record < 0 || u32(record) !== zip64End) return 'a zip64 directory that is not where it says';
    directoryOffset = u64(record + 48);
  }

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  if (u32(at) !== centralHeader) return 'a zip directory that is not where it says';
  while (u32(at) === centralHeader) {
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    const uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let offset = u32(at + 42);
    if (nameLength < 0 || extraLength < 0 || commentLength < 0) return 'a truncated zip directory';
    const nameStart = at + 46;
    const name = strFromU8(bytes.subarray(nameStart, nameStart + nameLength), true);
    const extra = readZip64Extra(view, nameStart + nameLength, extraLength, {
      uncompressed: uncompressedSize === unset32,
      compressed: compressedSize === unset32,
      offset: offset === unset32,
    });
    if (extra === undefined) return `a zip64 entry ${name} without its sizes`;
    compressedSize = extra.compressed ?? compressedSize;
    offset = extra.offset ?? offset;
    if (u32(offset) !== localHeader) return `no local header for ${name}`;
    const dataStart = offset + 30 + u16(offset + 26) + u16(offset + 28);
    if (dataStart > bytes.length) return `a truncated entry ${name}`;
    entries.push({ name, method, data: bytes.subarray(dataStart, dataStart + compressedSize) });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

interface Zip64Wanted {
  readonly uncompressed: boolean;
  readonly compressed: boolean;
  readonly offset: boolean;
}

/** The zip64 extended information field: 64-bit values for exactly the 32-bit fields set to all ones. */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  wanted: Zip64Wanted,
): { compressed?: number; offset?: number } | undefined {
  if (!wanted.uncompressed && !wanted.compressed && !wanted.offset) return {};
  const end = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number | undefined => {
        if (field + 8 > Math.min(at + 4 + size, end)) return undefined;
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (wanted.uncompressed && next() === undefined) return undefined;
      const compressed = wanted.compressed ? next() : undefined;
      if (wanted.compressed && compressed === undefined) return undefined;
      const offset = wanted.offset ? next() : undefined;
      if (wanted.offset && offset === undefined) return undefined;
      return {
        ...(compressed !== undefined ? { compressed } : {}),
        ...(offset !== undefined ? { offset } : {}),
      };
    }
    at += 4 + size;
  }
  return undefined;
}
