// Hardening: the workbook importers get random bytes, truncated workbooks and workbooks with flipped
// bytes. Each ends in an assessment or rule set, or a RubricError naming what is wrong — never another
// exception. FUZZ_RUNS scales the number of inputs (default 40 per property: exceljs is slow).
import { RubricError } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbookSize } from '../src/file/workbook-guard.js';
import { exportSelfCheckWorkbook, importSelfCheckWorkbook, importStandardTable } from '../src/index.js';
import { insertInSheet, sheetPart, whitespaceBomb } from './workbook-bombs.js';

const numRuns = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 200) / 5));
let workbook: Uint8Array;

beforeAll(async () => {
  workbook = await exportSelfCheckWorkbook(guangxi2021, { assessment: guangxiSamples.eligible });
});

async function settles(action: () => Promise<unknown>): Promise<'value' | 'rubric-error'> {
  try {
    await action();
    return 'value';
  } catch (error) {
    if (!RubricError.isInstance(error))
      throw new Error(`not a RubricError: ${String(error)}`, { cause: error });
    for (const issue of error.issues)
      expect(Array.isArray(issue.path) && typeof issue.message === 'string').toBe(true);
    return 'rubric-error';
  }
}

const mangled = () =>
  fc.oneof(
    fc.uint8Array({ maxLength: 4096 }),
    fc.nat().map((cut) => workbook.slice(0, cut % workbook.length)),
    fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
      .map((flips) => {
        const copy = workbook.slice();
        for (const [at, byte] of flips) copy[at % copy.length] = byte;
        return copy;
      }),
  );

describe('workbook importers on hostile bytes', () => {
  it('importSelfCheckWorkbook answers every input with an assessment or a RubricError', async () => {
    await fc.assert(
      fc.asyncProperty(mangled(), async (bytes) => {
        await settles(() => importSelfCheckWorkbook(guangxi2021, bytes));
      }),
      { numRuns },
    );
  }, 120_000);

  it('importStandardTable answers every input with a rule set or a RubricError', async () => {
    await fc.assert(
      fc.asyncProperty(mangled(), async (bytes) => {
        await settles(() => importStandardTable(bytes, { id: 'fuzzed', version: '1.0.0', source: 'fuzz' }));
      }),
      { numRuns },
    );
  }, 120_000);

  it('rejects a truncated workbook as a workbook problem', async () => {
    expect(
      await settles(() => importSelfCheckWorkbook(guangxi2021, workbook.slice(0, workbook.length >> 1))),
    ).toBe('rubric-error');
    expect(await settles(() => importSelfCheckWorkbook(guangxi2021, workbook))).toBe('value');
  });
});

describe("the workbook reader's limits", () => {
  const unlimited = { maxInflatedBytes: Number.MAX_SAFE_INTEGER, maxCells: Number.MAX_SAFE_INTEGER };
  const grown = () =>
    fc.oneof(
      fc.constant(workbook),
      fc
        .integer({ min: 1, max: 512 * 1024 })
        .map((padding) => whitespaceBomb(workbook, sheetPart(2), padding)),
      // Below the form's own rows: a row number used twice would be another problem than size.
      fc
        .tuple(fc.integer({ min: 200, max: 5000 }), fc.integer({ min: 1, max: 16_384 }))
        .map(([row, column]) =>
          insertInSheet(workbook, sheetPart(1), `<row r="${row}"><c r="${columnName(column)}${row}"/></row>`),
        ),
    );
  const limits = fc.record({
    maxInflatedBytes: fc.integer({ min: 0, max: 2 * 1024 * 1024 }),
    maxCells: fc.integer({ min: 0, max: 100_000 }),
  });

  it('refuses exactly the workbooks beyond a limit, as too-large, and reads the others', async () => {
    await fc.assert(
      fc.asyncProperty(grown(), limits, async (bytes, limit) => {
        const size = checkWorkbookSize(bytes, unlimited);
        const beyond = size.inflatedBytes > limit.maxInflatedBytes || size.cells > limit.maxCells;
        try {
          await importSelfCheckWorkbook(guangxi2021, bytes, limit);
          expect(beyond).toBe(false);
        } catch (error) {
          if (!RubricError.isInstance(error)) throw error;
          expect(beyond, error.message).toBe(true);
          expect(error.issues.map((issue) => issue.kind)).toEqual(['too-large']);
        }
      }),
      { numRuns },
    );
  }, 120_000);

  it('answers hostile bytes under tight limits with a value or a RubricError', async () => {
    await fc.assert(
      fc.asyncProperty(mangled(), limits, async (bytes, limit) => {
        await settles(() => importSelfCheckWorkbook(guangxi2021, bytes, limit));
      }),
      { numRuns },
    );
  }, 120_000);
});

function columnName(column: number): string {
  let name = '';
  for (let left = column; left > 0; left = Math.floor((left - 1) / 26)) {
    name = String.fromCharCode(65 + ((left - 1) % 26)) + name;
  }
  return name;
}
