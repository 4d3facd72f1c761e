import { type IssueKind, type IssueOf, RubricError } from '@sunshine-rubric/core';
import type { Workbook, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { markMisreadCells } from '../cells/cells.js';
import { checkWorkbookSize } from './workbook-guard.js';
import { resolveLimits, type WorkbookLimits } from './workbook-limits.js';

/**
 * The bytes of an .xlsx file, as read from disk (`readFile`), a `fetch` response or a file input.
 *
 * @example
 * ```ts
 * const bytes: WorkbookBytes = await (await fetch('/self-check.xlsx')).arrayBuffer();
 * ```
 */
export type WorkbookBytes = Uint8Array | ArrayBuffer;

// exceljs declares `load(buffer: Buffer)`, but JSZip underneath takes any Uint8Array or ArrayBuffer,
// which is what browsers have.
type LoadInput = Parameters<Workbook['xlsx']['load']>[0];

/**
 * Reads .xlsx bytes, or throws `INVALID_WORKBOOK` when they are not an .xlsx file or are beyond the
 * limits (checked first, before exceljs expands anything).
 */
export async function loadWorkbook(bytes: WorkbookBytes, limits?: WorkbookLimits): Promise<Workbook> {
  // Not `instanceof`: bytes from another realm (an iframe, a worker, a test environment) are still bytes.
  const tag = Object.prototype.toString.call(bytes);
  if (tag !== '[object Uint8Array]' && tag !== '[object ArrayBuffer]') {
    throw new RubricError('INVALID_WORKBOOK', [
      {
        path: [],
        message: 'expected the bytes of an .xlsx file (Uint8Array or ArrayBuffer)',
        kind: 'not-xlsx',
      },
    ]);
  }
  const view = tag === '[object ArrayBuffer]' ? new Uint8Array(bytes as ArrayBuffer) : (bytes as Uint8Array);
  const { isoDateCells } = checkWorkbookSize(view, resolveLimits(limits));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(view as unknown as LoadInput);
  } catch (error) {
    // exceljs's own words ("Cannot read properties of undefined (reading 'richText')") help nobody who
    // holds the file; they stay on the error as its cause, for whoever debugs.
    throw new RubricError(
      'INVALID_WORKBOOK',
      [
        {
          path: [],
          message:
            'not an .xlsx workbook that can be read (Office Open XML): it may be damaged or saved in another format; open it in Excel, WPS or LibreOffice, save it as .xlsx and try again',
          kind: 'not-xlsx',
        },
      ],
      undefined,
      { cause: error },
    );
  }
  for (const [name, addresses] of isoDateCells) {
    const sheet = workbook.getWorksheet(name);
    const what = 'a cell stored as an ISO date (t="d"), which exceljs cannot read faithfully';
    if (sheet) markMisreadCells(sheet, new Map(addresses.map((address) => [address, what])));
  }
  return workbook;
}

/** The workbook as .xlsx bytes: a plain Uint8Array in every runtime (a view of Node's Buffer, not a copy). */
export async function saveWorkbook(workbook: Workbook): Promise<Uint8Array> {
  const buffer: unknown = await workbook.xlsx.writeBuffer();
  if (buffer instanceof Uint8Array)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A new workbook with its metadata filled in. */
export function createWorkbook(title: string): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sunshine-rubric';
  workbook.title = title;
  // A fixed date keeps the output a function of its inputs (no clock in the library).
  workbook.created = new Date(Date.UTC(2021, 0, 1));
  workbook.modified = workbook.created;
  return workbook;
}

/** Collects the problems of one workbook, each located at `sheet!cell`, and throws them all at once. */
export class WorkbookIssues {
  readonly issues: IssueOf<'INVALID_WORKBOOK'>[] = [];

  /** A problem with one cell, e.g. `事实!E7: expected a number between 0 and 1`. */
  cell(sheet: string, address: string, message: string, kind: IssueKind<'INVALID_WORKBOOK'>): void {
    this.issues.push({ path: [sheet, address], message: `${sheet}!${address}: ${message}`, kind });
  }

  /** A problem with a whole sheet (missing, or without its header row). */
  sheet(sheet: string, message: string, kind: IssueKind<'INVALID_WORKBOOK'>): void {
    this.issues.push({ path: [sheet], message: `${sheet}: ${message}`, kind });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new RubricError('INVALID_WORKBOOK', this.issues);
  }
}

/** The sheet with this name, or undefined after recording that it is missing. */
export function requireSheet(
  workbook: Workbook,
  name: string,
  issues: WorkbookIssues,
): Worksheet | undefined {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) {
    const present = workbook.worksheets.map((worksheet) => worksheet.name).join(', ') || 'none';
    issues.sheet(name, `missing sheet "${name}" (sheets found: ${present})`, 'missing-sheet');
  }
  return sheet;
}
