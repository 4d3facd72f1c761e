import { RubricError } from '@sunshine-rubric/core';
import { DecodeUTF8, Inflate } from 'fflate';
import { SheetExtent } from './sheet-extent.js';
import { sheetNamesByPart } from './sheet-parts.js';
import { tooLarge, type WorkbookLimits } from './workbook-limits.js';
import { readZipEntries } from './zip-entries.js';

// exceljs reads a part as a worksheet when its name matches this (unanchored, as it does).
const worksheetPart = /xl\/worksheets\/sheet\d+[.]xml/;
// Deflate expands at most ~1032:1, so one step of input yields at most about a megabyte before the
// count is checked again.
const inputStep = 1024;

/** What the guard saw: how much the parts inflate to and how many cells the sheets span. */
export interface WorkbookSize {
  readonly inflatedBytes: number;
  readonly cells: number;
  /** By sheet name: the ISO-date cells (`t="d"`) that exceljs misreads as numbers. */
  readonly isoDateCells: ReadonlyMap<string, readonly string[]>;
}

// The parts that name the sheets, kept as text to map worksheet parts to sheet names (exceljs reads
// them at these fixed names).
const workbookPart = 'xl/workbook.xml';
const workbookRelationsPart = 'xl/_rels/workbook.xml.rels';

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
  const texts = new Map<string, string>();
  const isoDateCells = new Map<string, readonly string[]>();
  // The parts that name the sheets first, so that a refusal can name the sheet, not its part.
  const naming = (name: string) => name === workbookPart || name === workbookRelationsPart;
  const ordered = [
    ...entries.filter((entry) => naming(entry.name)),
    ...entries.filter((entry) => !naming(entry.name)),
  ];
  let names: ReadonlyMap<string, string> | undefined;
  const sheetName = (part: string): string | undefined => {
    names ??= sheetNamesByPart(texts.get(workbookPart) ?? '', texts.get(workbookRelationsPart) ?? '');
    return names.get(part);
  };
  for (const entry of ordered) {
    const extent = worksheetPart.test(entry.name) ? new SheetExtent() : undefined;
    const decoder = naming(entry.name)
      ? new DecodeUTF8((text) => {
          texts.set(entry.name, (texts.get(entry.name) ?? '') + text);
        })
      : undefined;
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
      decoder?.push(chunk, final);
      if (extent === undefined) return;
      if (!extent.feed(chunk, final)) throw notXlsx(`${entry.name} holds an XML tag over a megabyte long`);
      cells = cellsBefore + extent.cells;
      if (cells > limits.maxCells) {
        const name = sheetName(entry.name);
        throw tooLarge(
          `the workbook spans more than ${limits.maxCells.toLocaleString('en-US')} cells (${name === undefined ? entry.name : `sheet ${name}`} reaches ${extent.furthest})`,
          'maxCells',
          limits.maxCells,
          name === undefined ? [] : [name],
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
    if (extent && extent.isoDateCells.length > 0) isoDateCells.set(entry.name, extent.isoDateCells);
  }
  const byName = new Map<string, readonly string[]>();
  for (const [part, addresses] of isoDateCells) {
    const name = sheetName(part);
    if (name !== undefined) byName.set(name, addresses);
  }
  return { inflatedBytes, cells, isoDateCells: byName };
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
