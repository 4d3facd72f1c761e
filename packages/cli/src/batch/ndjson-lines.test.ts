import { describe, expect, test } from 'vitest';
import {
  linesOfChunk,
  type NdjsonLine,
  ndjsonChunks,
  ndjsonLineBatches,
  ndjsonLines,
} from './ndjson-lines.js';

/** The bytes as a source cut at the given offsets (each cut starts a new chunk). */
async function* cutAt(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
}

async function linesOf(bytes: Uint8Array, cuts: readonly number[]): Promise<NdjsonLine[]> {
  const lines: NdjsonLine[] = [];
  for await (const entry of ndjsonLines(cutAt(bytes, cuts))) lines.push(entry);
  return lines;
}

/** Every way of cutting the input into two chunks gives the same lines as reading it whole. */
async function expectSameAtEveryCut(bytes: Uint8Array): Promise<NdjsonLine[]> {
  const whole = await linesOf(bytes, []);
  for (let cut = 0; cut <= bytes.length; cut++) expect(await linesOf(bytes, [cut])).toEqual(whole);
  for (let cut = 1; cut < bytes.length; cut++) expect(await linesOf(bytes, [cut - 1, cut])).toEqual(whole);
  return whole;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('ndjsonLines across chunk boundaries', () => {
  test('a line split across chunks comes out whole', async () => {
    expect(await expectSameAtEveryCut(utf8('{"a":1}\n{"b":2}\n'))).toEqual([
      { line: 1, kind: 'text', text: '{"a":1}' },
      { line: 2, kind: 'text', text: '{"b":2}' },
    ]);
  });

  test('a multi-byte character split across chunks is decoded, not an encoding error', async () => {
    expect(await expectSameAtEveryCut(utf8('{"名":"阳光社区"}\n'))).toEqual([
      { line: 1, kind: 'text', text: '{"名":"阳光社区"}' },
    ]);
  });

  test('a CRLF split across chunks ends one line, leaving neither a CR nor an extra blank line', async () => {
    expect(await expectSameAtEveryCut(utf8('{"a":1}\r\n{"b":2}\r\n'))).toEqual([
      { line: 1, kind: 'text', text: '{"a":1}' },
      { line: 2, kind: 'text', text: '{"b":2}' },
    ]);
  });

  test('a byte-order mark split across chunks is dropped from line 1 only', async () => {
    expect(await expectSameAtEveryCut(utf8('\uFEFF{"a":1}\n\uFEFF{"b":2}\n'))).toEqual([
      { line: 1, kind: 'text', text: '{"a":1}' },
      { line: 2, kind: 'text', text: '\uFEFF{"b":2}' },
    ]);
  });

  test('a final line without a newline is read, whichever chunk it ends in', async () => {
    expect(await expectSameAtEveryCut(utf8('{"a":1}\n{"b":"桂"}'))).toEqual([
      { line: 1, kind: 'text', text: '{"a":1}' },
      { line: 2, kind: 'text', text: '{"b":"桂"}' },
    ]);
  });

  test('invalid UTF-8 at a chunk edge fails that line only, at the same byte', async () => {
    const bytes = new Uint8Array([...utf8('{"a":"'), 0xe9, 0x98, ...utf8('"}\n{"b":1}\n')]);
    expect(await expectSameAtEveryCut(bytes)).toEqual([
      { line: 1, kind: 'invalid-utf8', byteOffset: 9 },
      { line: 2, kind: 'text', text: '{"b":1}' },
    ]);
  });
});

describe('ndjsonLines strict UTF-8', () => {
  test('an encoded surrogate, an overlong form and a code point past U+10FFFF are not UTF-8', async () => {
    const bytes = new Uint8Array([0xed, 0xa0, 0x80, 0x0a, 0xc0, 0x80, 0x0a, 0xf4, 0x90, 0x80, 0x80, 0x0a]);
    const lines = await linesOf(bytes, []);
    expect(lines.map((entry) => entry.kind)).toEqual(['invalid-utf8', 'invalid-utf8', 'invalid-utf8']);
  });
});

describe('ndjsonLineBatches', () => {
  test('gives the lines each chunk completes together, so a reader handles a chunk at a time', async () => {
    const batches: number[][] = [];
    const source = cutAt(utf8('{"a":1}\n{"b":2}\n{"c":3}\n\n{"d"'), [12, 20]);
    for await (const lines of ndjsonLineBatches(source)) batches.push(lines.map((entry) => entry.line));
    expect(batches).toEqual([[1], [2], [3, 4], [5]]);
  });
});

describe('a line longer than the limit', () => {
  const limit = 8;

  /** The lines, and the most bytes any chunk held, with a limit of 8 bytes a line. */
  async function limitedLinesOf(bytes: Uint8Array, cuts: readonly number[]) {
    const lines: NdjsonLine[] = [];
    let held = 0;
    for await (const chunk of ndjsonChunks(cutAt(bytes, cuts), limit)) {
      held = Math.max(held, chunk.bytes.length);
      lines.push(...linesOfChunk(chunk, limit));
    }
    return { lines, held };
  }

  test('is one too-long line, of the same length however the input is cut; the others are read', async () => {
    const bytes = utf8('{"a":1}\n0123456789abc\r\n{"b":2}\n12345678\n123456789');
    const whole = await limitedLinesOf(bytes, []);
    expect(whole.lines).toEqual([
      { line: 1, kind: 'text', text: '{"a":1}' },
      { line: 2, kind: 'too-long', bytes: 14 },
      { line: 3, kind: 'text', text: '{"b":2}' },
      { line: 4, kind: 'text', text: '12345678' },
      { line: 5, kind: 'too-long', bytes: 9 },
    ]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect((await limitedLinesOf(bytes, [cut])).lines).toEqual(whole.lines);
      for (let next = cut; next <= bytes.length; next++) {
        expect((await limitedLinesOf(bytes, [cut, next])).lines).toEqual(whole.lines);
      }
    }
  });

  test('is counted as it goes by, never held: read a byte at a time, no chunk holds more than a line of the limit', async () => {
    const bytes = utf8(`{"a":1}\n${'x'.repeat(1000)}\n{"b":2}\n`);
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    const { lines, held } = await limitedLinesOf(bytes, everyByte);
    expect(lines.map((entry) => entry.kind)).toEqual(['text', 'too-long', 'text']);
    expect(held).toBeLessThanOrEqual(limit + 1);
  });
});
