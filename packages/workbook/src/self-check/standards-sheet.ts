import type { RuleSet, Standard } from '@sunshine-rubric/core';
import { factsReadBy } from '@sunshine-rubric/core/internal';
import { say } from '@sunshine-rubric/core/words';
import type { Workbook } from 'exceljs';
import { setText } from '../cells/cells.js';
import { selfCheckHeaders, selfCheckSheetNames } from '../cells/sheet-names.js';
import { hasPoints, responsibleText } from '../cells/standard-columns.js';
import { type Column, headerRowNumber, startSheet, styleDataRow } from '../cells/styles.js';
import type { WorkbookLanguage } from '../cells/wording.js';
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
 * source only encourages it) and the values its author drafted, with why. The last two columns come after
 * the others, so a sheet exported before them keeps its columns where they were.
 */
export function writeStandardsSheet(workbook: Workbook, ruleSet: RuleSet, language: WorkbookLanguage): void {
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
  ];
  startSheet(sheet, `标准：${ruleSet.title.zh}`, ruleSet, columns);
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
        ];
        cells.forEach((value, index) => {
          const cell = row.getCell(index + 1);
          if (typeof value === 'number') cell.value = value;
          else if (value !== '') setText(cell, value);
        });
        styleDataRow(row, columns.length, [3, 4]);
        row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
        rowNumber += 1;
        serial += 1;
      }
      if (rowNumber - 1 > requirementStart) sheet.mergeCells(requirementStart, 4, rowNumber - 1, 4);
    }
    if (rowNumber - 1 > aspectStart) sheet.mergeCells(aspectStart, 3, rowNumber - 1, 3);
  }
}
