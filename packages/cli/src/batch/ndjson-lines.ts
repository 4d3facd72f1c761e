import { isUtf8 } from 'node:buffer';

/**
 * One line of an NDJSON input: its text, blank (skipped), bytes that are not UTF-8, or a line longer than
 * {@link lineBytesAtMost} (its length in bytes; the bytes themselves were not kept).
 */
export type NdjsonLine =
  | { readonly line: number; readonly kind: 'text'; readonly text: string }
  | { readonly line: number; readonly kind: 'blank' }
  | { readonly line: number; readonly kind: 'invalid-utf8'; readonly byteOffset: number }
  | { readonly line: number; readonly kind: 'too-long'; readonly bytes: number };

const byteOrderMark = [0xef, 0xbb, 0xbf];

/**
 * The longest line read, in bytes before its LF: 64 MiB, some 25,000 times a Guangxi self-check. A longer
 * line is an error line of its own, counted but not held, so one line cannot take the memory of the whole
 * run, nor end it (past 512 MiB Node cannot even make a string of it).
 *
 * @example
 * ```ts
 * lineBytesAtMost; // 67108864
 * ```
 */
export const lineBytesAtMost = 64 * 1024 * 1024;

/** Why a line that is not text could not be read, for its error: a code, a message and its Chinese. */
export interface UnreadableLine {
  readonly code: 'INVALID_ENCODING' | 'LINE_TOO_LONG';
  readonly kind: 'invalid-utf8' | 'line-too-long';
  readonly message: string;
  readonly zh: string;
}

/**
 * The error of a line that is not UTF-8 or is too long, worded once for every reader of NDJSON (`batch`,
 * `check --fixtures`, `plan --estates`).
 *
 * @example
 * ```ts
 * if (entry.kind !== 'text' && entry.kind !== 'blank') {
 *   const { code, message, zh } = unreadableLine(entry); // 'INVALID_ENCODING', 'not valid UTF-8 at byte 3', …
 * }
 * ```
 */
export function unreadableLine(
  entry: Extract<NdjsonLine, { kind: 'invalid-utf8' | 'too-long' }>,
): UnreadableLine {
  if (entry.kind === 'invalid-utf8') {
    return {
      code: 'INVALID_ENCODING',
      kind: 'invalid-utf8',
      message: `not valid UTF-8 at byte ${entry.byteOffset}`,
      zh: '不是有效的 UTF-8 编码',
    };
  }
  return {
    code: 'LINE_TOO_LONG',
    kind: 'line-too-long',
    message: `the line is ${entry.bytes} bytes long, more than the ${lineBytesAtMost} (64 MiB) a line may have; it was not read`,
    zh: '行超过 64 MiB，未读取',
  };
}

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
  /**
   * Set when the chunk is one line longer than the limit: its length in bytes (before its LF). `bytes` is
   * then empty: the line was counted as it went by, not kept.
   */
  readonly oversizedBytes?: number;
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
  maxLineBytes: number = lineBytesAtMost,
): AsyncGenerator<NdjsonChunk, void, undefined> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  // The length so far of a line in progress known to be too long: its bytes are counted, not kept.
  let oversized: number | undefined;
  let firstLine = 1;
  for await (const chunk of source) {
    let bytes = asBuffer(chunk);
    if (oversized !== undefined || pending.length > 0) {
      const newline = bytes.indexOf(0x0a);
      const length = (oversized ?? pendingBytes) + (newline === -1 ? bytes.length : newline);
      if (length > maxLineBytes) {
        pending = [];
        pendingBytes = 0;
        oversized = length;
        if (newline === -1) continue;
        yield { firstLine, lineCount: 1, bytes: new Uint8Array(0), oversizedBytes: length };
        firstLine++;
        oversized = undefined;
        bytes = bytes.subarray(newline + 1);
      }
    }
    const lastNewline = bytes.lastIndexOf(0x0a);
    if (lastNewline === -1) {
      if (bytes.length > 0) {
        pending.push(bytes);
        pendingBytes += bytes.length;
      }
      continue;
    }
    const head = bytes.subarray(0, lastNewline + 1);
    const whole = pending.length === 0 ? head : Buffer.concat([...pending, head]);
    pending = lastNewline + 1 < bytes.length ? [bytes.subarray(lastNewline + 1)] : [];
    pendingBytes = bytes.length - lastNewline - 1;
    // The bytes held back hold no LF, so the lines are those `head` ends.
    const lineCount = countNewlines(head);
    yield { firstLine, lineCount, bytes: whole };
    firstLine += lineCount;
  }
  if (oversized !== undefined) {
    yield { firstLine, lineCount: 1, bytes: new Uint8Array(0), oversizedBytes: oversized };
  } else if (pending.length > 0) yield { firstLine, lineCount: 1, bytes: Buffer.concat(pending) };
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
export function linesOfChunk(chunk: NdjsonChunk, maxLineBytes: number = lineBytesAtMost): NdjsonLine[] {
  if (chunk.oversizedBytes !== undefined) {
    return [{ line: chunk.firstLine, kind: 'too-long', bytes: chunk.oversizedBytes }];
  }
  const bytes = asBuffer(chunk.bytes);
  const lines: NdjsonLine[] = [];
  let start = 0;
  for (let index = 0; index < chunk.lineCount; index++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    const raw = bytes.subarray(start, end);
    // A source that hands over more than the limit at once: the same verdict as for a line counted going by.
    const line = chunk.firstLine + index;
    lines.push(
      raw.length > maxLineBytes ? { line, kind: 'too-long', bytes: raw.length } : decodeLine(raw, line),
    );
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
