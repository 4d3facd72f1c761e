import { RubricError } from '@sunshine-rubric/core';
import { Inflate } from 'fflate';
import { SheetExtent } from './sheet-extent.js';
import { tooLarge, type WorkbookLimits } from './workbook-limits.js';
import { readZipEntries } from './zip-entries.js';

// exceljs reads a part as a worksheet when its name matches this (unanchored, as it does).
const worksheetPart = /xl\/worksheets\/sheet\d+[.]xml/;
// Deflate expands at most ~1032:1, so one step of input yields at most a few MB before the count is
// checked again.
const inputStep = 4096;

/** What the guard saw: how much the parts inflate to and how many cells the sheets span. */
export interface WorkbookSize {
  readonly inflatedBytes: number;
  readonly cells: number;
}

/**
 * Inflates every part of the .xlsx as the spreadsheet library would, counting bytes as they come out and
 * stopping at the limit, and follows each worksheet's XML for the cells it spans: a workbook beyond
 * either limit is refused before the library expands it. The sizes the zip declares are not trusted (a
 * bomb lies in them). Bytes that are not a zip at all are refused as not an .xlsx file.
 *
 * `onInflated` hears of every inflated chunk (tests assert on the bounded work with it).
 *
 * @throws {RubricError} `INVALID_WORKBOOK` with one issue of kind `too-large` naming the limit and its
 * option, or of kind `not-xlsx`.
 */
export function checkWorkbookSize(
  bytes: Uint8Array,
  limits: Required<WorkbookLimits>,
  onInflated?: (bytes: number) => void,
): WorkbookSize {
  const entries = readZipEntries(bytes);
  if (typeof entries === 'string') throw notXlsx(entries);
  let inflatedBytes = 0;
  let cells = 0;
  for (const entry of entries) {
    const extent = worksheetPart.test(entry.name) ? new SheetExtent() : undefined;
    const cellsBefore = cells;
    const take = (chunk: Uint8Array, final: boolean): void => {
      inflatedBytes += chunk.length;
      onInflated?.(chunk.length);
      if (inflatedBytes > limits.maxInflatedBytes) {
        throw tooLarge(
          `the workbook inflates to more than ${limits.maxInflatedBytes.toLocaleString('en-US')} bytes`,
          'maxInflatedBytes',
          limits.maxInflatedBytes,
        );
      }
      if (extent === undefined) return;
      if (!extent.feed(chunk, final)) throw notXlsx(`${entry.name} holds an XML tag over a megabyte long`);
      cells = cellsBefore + extent.cells;
      if (cells > limits.maxCells) {
        throw tooLarge(
          `the workbook spans more than ${limits.maxCells.toLocaleString('en-US')} cells (${entry.name} reaches ${extent.furthest})`,
          'maxCells',
          limits.maxCells,
        );
      }
    };
    if (entry.method !== 0 && entry.method !== 8) {
      throw notXlsx(`${entry.name} uses compression method ${entry.method}, which .xlsx files do not use`);
    }
    try {
      if (entry.method === 0) pushInSteps(entry.data, take);
      else {
        const inflater = new Inflate(take);
        pushInSteps(entry.data, (chunk, final) => inflater.push(chunk, final));
      }
    } catch (error) {
      if (RubricError.isInstance(error)) throw error;
      throw notXlsx(`${entry.name} is damaged`, error);
    }
  }
  return { inflatedBytes, cells };
}

/** Hands `data` on a step at a time, so that no single step can inflate far beyond a limit. */
function pushInSteps(data: Uint8Array, push: (chunk: Uint8Array, final: boolean) => void): void {
  for (let at = 0; at < data.length || at === 0; at += inputStep) {
    const end = Math.min(at + inputStep, data.length);
    push(data.subarray(at, end), end === data.length);
  }
}

function notXlsx(detail: string, cause?: unknown): RubricError {
  return new RubricError(
    'INVALID_WORKBOOK',
    [
      {
        path: [],
        message: `not an .xlsx workbook (Office Open XML): ${detail}; save it as .xlsx and try again`,
        kind: 'not-xlsx',
      },
    ],
    undefined,
    cause === undefined ? undefined : { cause },
  );
}
