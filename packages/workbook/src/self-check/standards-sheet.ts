import type { Assessment, RuleSet, Standard } from '@sunshine-rubric/core';
import { factsReadBy } from '@sunshine-rubric/core/internal';
import { say } from '@sunshine-rubric/core/words';
import type { Workbook, Worksheet } from 'exceljs';
import { cellText, readCell, setText, showContent } from '../cells/cells.js';
import { type EvidenceLineEntry, formatEvidenceLines, parseEvidenceLines } from '../cells/evidence-lines.js';
import { findHeaderRow } from '../cells/headers.js';
import { selfCheckHeaders, selfCheckSheetNames } from '../cells/sheet-names.js';
import { hasPoints, responsibleText } from '../cells/standard-columns.js';
import { type Column, headerRowNumber, inputFill, startSheet, styleDataRow } from '../cells/styles.js';
import type { WorkbookLanguage } from '../cells/wording.js';
import type { WorkbookIssues } from '../file/workbook-io.js';
import { draftedText, groundsText } from './grounds-text.js';

/**
 * The facts a standard reads, in its applicability condition and its condition (through the rule set's
 * shared conditions), without repeats.
 */
export function factsOfStandard(standard: Standard, conditions?: RuleSet['conditions']): string[] {
  return [
    ...new Set([
      ...factsReadBy(standard.applicableWhen, conditions),
      ...factsReadBy(standard.condition, conditions),
    ]),
  ];
}

/**
 * Writes 标准: every standard in order with its aspect and requirement (merged down their standards,
 * as printed standard tables do), points, responsible departments, basis, the facts it reads, the
 * evidence that proves it, what it rests on (each ground's kind and clause, source or note, and whether the
 * source only encourages it), the values its author drafted, with why, and — to fill in — the evidence the
 * estate provides (提供的佐证材料, pre-filled from `assessment`), one document a line. Columns added later
 * come after the others, so a sheet exported before them keeps its columns where they were.
 */
export function writeStandardsSheet(
  workbook: Workbook,
  ruleSet: RuleSet,
  language: WorkbookLanguage,
  assessment?: Assessment,
): void {
  const sheet = workbook.addWorksheet(selfCheckSheetNames.standards);
  const names = selfCheckHeaders.standards;
  const points = hasPoints(ruleSet);
  const columns: Column[] = [
    { header: say({ zh: names.serial, en: 'No.' }, language), width: 6 },
    { header: say({ zh: names.id, en: 'Id' }, language), width: 8 },
    { header: say({ zh: names.aspect, en: 'Aspect' }, language), width: 12 },
    { header: say({ zh: names.requirement, en: 'Requirement' }, language), width: 24 },
    { header: say({ zh: names.standard, en: 'Standard' }, language), width: 46 },
    ...(points ? [{ header: say({ zh: names.points, en: 'Points' }, language), width: 7 }] : []),
    { header: say({ zh: names.responsible, en: 'Responsible' }, language), width: 16 },
    { header: say({ zh: names.basis, en: 'Basis' }, language), width: 22 },
    { header: say({ zh: names.facts, en: 'Facts read' }, language), width: 24 },
    { header: say({ zh: names.evidence, en: 'Evidence' }, language), width: 26 },
    { header: say({ zh: names.grounds, en: 'Grounds' }, language), width: 40 },
    { header: say({ zh: names.drafted, en: 'Drafted values' }, language), width: 36 },
    { header: say({ zh: names.provided, en: 'Evidence provided' }, language), width: 40 },
  ];
  startSheet(sheet, `标准：${ruleSet.title.zh}`, ruleSet, columns);
  const providedColumn = columns.length;
  sheet.getRow(headerRowNumber).getCell(providedColumn).note = providedFormatNote;
  let rowNumber = headerRowNumber + 1;
  let serial = 1;
  for (const aspect of ruleSet.aspects) {
    const aspectStart = rowNumber;
    for (const requirement of aspect.requirements) {
      const requirementStart = rowNumber;
      for (const standard of requirement.standards) {
        const row = sheet.getRow(rowNumber);
        const cells = [
          serial,
          standard.id,
          say(aspect.title, language),
          say(requirement.title, language),
          say(standard.title, language),
          ...(points ? [standard.points ?? ''] : []),
          responsibleText(standard),
          standard.basis ?? '',
          factsOfStandard(standard, ruleSet.conditions).join('\n'),
          (standard.evidence ?? []).join('\n'),
          groundsText(standard, language),
          draftedText(standard, ruleSet),
          formatEvidenceLines(evidenceOf(assessment, standard.id)),
        ];
        cells.forEach((value, index) => {
          const cell = row.getCell(index + 1);
          if (typeof value === 'number') cell.value = value;
          else if (value !== '') setText(cell, value);
        });
        styleDataRow(row, columns.length, [3, 4]);
        row.getCell(providedColumn).fill = inputFill;
        row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
        rowNumber += 1;
        serial += 1;
      }
      if (rowNumber - 1 > requirementStart) sheet.mergeCells(requirementStart, 4, rowNumber - 1, 4);
    }
    if (rowNumber - 1 > aspectStart) sheet.mergeCells(aspectStart, 3, rowNumber - 1, 3);
  }
}

const providedFormatNote = [
  '每行一份材料 (one document a line)：',
  '种类：名称；日期；sha256:哈希；备注：说明',
  '如 建设用地批准文件：用地批复.pdf；2019-04-02',
  '种类 is one of the 证明材料 of the standard; 日期, sha256 and 备注 are optional.',
].join('\n');

function evidenceOf(assessment: Assessment | undefined, standardId: string): readonly EvidenceLineEntry[] {
  const evidence = assessment?.evidence;
  return evidence !== undefined && Object.hasOwn(evidence, standardId) ? (evidence[standardId] ?? []) : [];
}

const sheetName = selfCheckSheetNames.standards;

/**
 * Reads the evidence the estate listed on 标准 (提供的佐证材料), by standard id: `undefined` when the sheet
 * has no such column (a workbook exported before it). Every malformed line, a list on a row without a
 * standard of the rule set, and a standard listed twice are issues naming the cell (and the line).
 */
export function readStandardsSheet(
  sheet: Worksheet,
  ruleSet: RuleSet,
  issues: WorkbookIssues,
): Record<string, EvidenceLineEntry[]> | undefined {
  const names = selfCheckHeaders.standards;
  const search = findHeaderRow(sheet, {
    id: { names: [names.id], required: true },
    provided: { names: [names.provided], required: true },
  });
  if (!search.found) return undefined;
  const { row: headerRow, columns } = search.header;
  const standardIds = new Set(
    ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
    ),
  );
  const evidence: Record<string, EvidenceLineEntry[]> = {};
  const seen = new Map<string, number>();
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cell = row.getCell(columns.provided!);
    const { content } = readCell(cell);
    if (content === null) continue;
    const at = cell.address;
    if (typeof content !== 'string') {
      issues.cell(
        sheetName,
        at,
        `expected the evidence as text, one document a line (种类：名称；日期；sha256:…；备注：…), got ${showContent(content)}`,
        'invalid-cell',
      );
      continue;
    }
    const standardId = cellText(row.getCell(columns.id!));
    if (!standardIds.has(standardId)) {
      const what =
        standardId === ''
          ? 'a row without a standard id'
          : `"${standardId}", not a standard of ${ruleSet.id}`;
      issues.cell(sheetName, at, `evidence listed on ${what}`, 'unknown-field');
      continue;
    }
    const first = seen.get(standardId);
    if (first !== undefined) {
      issues.cell(
        sheetName,
        at,
        `standard ${standardId} appears twice (first in row ${first})`,
        'duplicate-field',
      );
      continue;
    }
    seen.set(standardId, rowNumber);
    const { entries, problems } = parseEvidenceLines(content);
    for (const problem of problems) {
      issues.cell(sheetName, at, `line ${problem.line}: ${problem.message}`, 'invalid-cell');
    }
    if (entries.length > 0) evidence[standardId] = entries;
  }
  return evidence;
}
