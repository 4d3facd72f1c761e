import { isUtf8 } from 'node:buffer';

/** One line of an NDJSON input: its text, blank (skipped), or bytes that are not UTF-8. */
export type NdjsonLine =
  | { readonly line: number; readonly kind: 'text'; readonly text: string }
  | { readonly line: number; readonly kind: 'blank' }
  | { readonly line: number; readonly kind: 'invalid-utf8'; readonly byteOffset: number };

const byteOrderMark = [0xef, 0xbb, 0xbf];

/**
 * Splits a byte stream into lines (LF or CRLF) and decodes each as strict UTF-8: bytes that are not UTF-8
 * make the line an error rather than U+FFFD that would be scored as if the estate had written it. A
 * byte-order mark on line 1 is dropped (editors on Windows write one); lines of only spaces and tabs, and
 * an empty last line, are blank. Only the line being read is held in memory.
 *
 * @example
 * ```ts
 * for await (const entry of ndjsonLines(createReadStream('self-checks.ndjson'))) {
 *   if (entry.kind === 'text') console.log(entry.line, JSON.parse(entry.text).id);
 * }
 * ```
 */
export async function* ndjsonLines(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<NdjsonLine, void, undefined> {
  for await (const lines of ndjsonLineBatches(source)) yield* lines;
}

/**
 * The lines of {@link ndjsonLines}, one array per chunk of the source: the lines that chunk completes
 * (a line cut by a chunk's end comes with the next). Splitting happens on bytes, so a multi-byte
 * character or a CRLF cut by a chunk's end is whole again before it is decoded; the caller handles a
 * chunk's lines together (one output write per chunk, not per line) and memory stays one chunk deep.
 *
 * @example
 * ```ts
 * for await (const lines of ndjsonLineBatches(createReadStream('self-checks.ndjson'))) {
 *   console.log(`${lines.length} lines, up to line ${lines.at(-1)?.line}`);
 * }
 * ```
 */
export async function* ndjsonLineBatches(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<NdjsonLine[], void, undefined> {
  for await (const chunk of ndjsonChunks(source)) yield linesOfChunk(chunk);
}

/** Whole lines of an NDJSON input, as bytes, and where they start: what one worker thread evaluates. */
export interface NdjsonChunk {
  /** The input's line number of the first line. */
  readonly firstLine: number;
  /** How many lines `bytes` holds (each ends in LF, but the input's last line may not). */
  readonly lineCount: number;
  readonly bytes: Uint8Array;
}

/**
 * The source cut into runs of whole lines, one per source chunk that completes a line: the bytes after a
 * chunk's last LF wait for the next. The line numbers are counted here, so that runs can be decoded and
 * evaluated anywhere (another thread) and still say which input line each output line answers.
 *
 * @example
 * ```ts
 * for await (const chunk of ndjsonChunks(createReadStream('self-checks.ndjson'))) {
 *   console.log(`lines ${chunk.firstLine}–${chunk.firstLine + chunk.lineCount - 1}`);
 * }
 * ```
 */
export async function* ndjsonChunks(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<NdjsonChunk, void, undefined> {
  let pending: Uint8Array[] = [];
  let firstLine = 1;
  for await (const chunk of source) {
    const bytes = asBuffer(chunk);
    const lastNewline = bytes.lastIndexOf(0x0a);
    if (lastNewline === -1) {
      if (bytes.length > 0) pending.push(bytes);
      continue;
    }
    const head = bytes.subarray(0, lastNewline + 1);
    const whole = pending.length === 0 ? head : Buffer.concat([...pending, head]);
    pending = lastNewline + 1 < bytes.length ? [bytes.subarray(lastNewline + 1)] : [];
    // The bytes held back hold no LF, so the lines are those `head` ends.
    const lineCount = countNewlines(head);
    yield { firstLine, lineCount, bytes: whole };
    firstLine += lineCount;
  }
  if (pending.length > 0) yield { firstLine, lineCount: 1, bytes: Buffer.concat(pending) };
}

/**
 * The lines of one run of whole lines, decoded: LF or CRLF, a byte-order mark dropped from line 1 only,
 * blank lines marked, bytes that are not UTF-8 an error of that line alone.
 *
 * @example
 * ```ts
 * linesOfChunk({ firstLine: 7, lineCount: 2, bytes: Buffer.from('{"a":1}\r\n \n') });
 * // [{ line: 7, kind: 'text', text: '{"a":1}' }, { line: 8, kind: 'blank' }]
 * ```
 */
export function linesOfChunk(chunk: NdjsonChunk): NdjsonLine[] {
  const bytes = asBuffer(chunk.bytes);
  const lines: NdjsonLine[] = [];
  let start = 0;
  for (let index = 0; index < chunk.lineCount; index++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    lines.push(decodeLine(bytes.subarray(start, end), chunk.firstLine + index));
    start = end + 1;
  }
  return lines;
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** The chunk as a Buffer (for `indexOf`) without copying its bytes. */
function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (Buffer.isBuffer(chunk)) return chunk;
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function decodeLine(raw: Uint8Array, line: number): NdjsonLine {
  let bytes = raw[raw.length - 1] === 0x0d ? raw.subarray(0, raw.length - 1) : raw;
  if (line === 1 && byteOrderMark.every((byte, index) => bytes[index] === byte)) bytes = bytes.subarray(3);
  if (bytes.every((byte) => byte === 0x20 || byte === 0x09)) return { line, kind: 'blank' };
  // isUtf8 checks with SIMD and toString decodes without a fatal decoder's per-call cost: the same
  // strict verdict (a BOM kept, as by ignoreBOM) at a fraction of the time of `decoder.decode`.
  if (!isUtf8(bytes)) return { line, kind: 'invalid-utf8', byteOffset: firstInvalidByte(bytes) };
  return { line, kind: 'text', text: asBuffer(bytes).toString('utf8') };
}

/** Where UTF-8 decoding first fails, for the error message (1-based, like columns). */
function firstInvalidByte(bytes: Uint8Array): number {
  const streaming = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (let index = 0; index < bytes.length; index++) {
    try {
      streaming.decode(bytes.subarray(index, index + 1), { stream: true });
    } catch {
      return index + 1;
    }
  }
  // A sequence cut off by the end of the line: it starts at the last lead byte.
  let start = bytes.length - 1;
  while (start > 0 && (bytes[start]! & 0xc0) === 0x80) start--;
  return start + 1;
}
