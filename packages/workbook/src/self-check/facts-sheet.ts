import type { Assessment, FactValue, RuleSet } from '@sunshine-rubric/core';
import { say } from '@sunshine-rubric/core/words';
import type { Workbook, Worksheet } from 'exceljs';
import { cellText, readCell, setText } from '../cells/cells.js';
import {
  answerValidation,
  inlineListOrUndefined,
  rangeText,
  readAnswer,
  writeAnswer,
} from '../cells/fact-answers.js';
import { findHeaderRow } from '../cells/headers.js';
import { selfCheckHeaders, selfCheckSheetNames } from '../cells/sheet-names.js';
import { type Column, font, headerRowNumber, inputFill, startSheet, styleDataRow } from '../cells/styles.js';
import { factTypeNames, unitText, type WorkbookLanguage } from '../cells/wording.js';
import type { WorkbookIssues } from '../file/workbook-io.js';

const sheetName = selfCheckSheetNames.facts;

/** The column letter of the answers on 事实, as written. */
export const answerColumnLetter = 'E';

/** The row of each fact on 事实, as written: catalog order, below the header. */
export function factRowNumbers(ruleSet: RuleSet): Map<string, number> {
  return new Map(Object.keys(ruleSet.facts).map((factId, index) => [factId, headerRowNumber + 1 + index]));
}

function factColumns(language: WorkbookLanguage): Column[] {
  const { id, question, type, range, answer, unit } = selfCheckHeaders.facts;
  return [
    { header: say({ zh: id, en: 'Fact id' }, language), width: 34 },
    { header: say({ zh: question, en: 'Question' }, language), width: 48 },
    { header: say({ zh: type, en: 'Type' }, language), width: 9 },
    { header: say({ zh: range, en: 'Allowed' }, language), width: 26 },
    { header: say({ zh: answer, en: 'Answer' }, language), width: 18 },
    { header: say({ zh: unit, en: 'Unit' }, language), width: 12 },
  ];
}

/**
 * Writes 事实: one row per fact of the catalog, with a data validation on each answer cell and the
 * assessment's answers filled in. An enum whose values do not fit an inline dropdown gets its list on
 * the hidden 选项 sheet.
 */
export function writeFactsSheet(
  workbook: Workbook,
  ruleSet: RuleSet,
  assessment: Assessment | undefined,
  language: WorkbookLanguage,
): void {
  const sheet = workbook.addWorksheet(sheetName);
  const columns = factColumns(language);
  startSheet(
    sheet,
    `事实（自查问题）：请在「${selfCheckHeaders.facts.answer}」列填写，空白表示未填`,
    ruleSet,
    columns,
  );
  let lists: Worksheet | undefined;
  Object.entries(ruleSet.facts).forEach(([factId, definition], index) => {
    const row = sheet.getRow(headerRowNumber + 1 + index);
    setText(row.getCell(1), factId);
    setText(row.getCell(2), say(definition.title, language));
    setText(row.getCell(3), say(factTypeNames[definition.type], language));
    setText(row.getCell(4), rangeText(definition));
    setText(row.getCell(6), unitText(definition.unit));
    const answer = row.getCell(5);
    const value = assessment?.facts[factId];
    if (value !== undefined && value !== null) writeAnswer(answer, value, definition);
    if (definition.type === 'date') answer.numFmt = 'yyyy-mm-dd';
    if (definition.type === 'string') answer.numFmt = '@';
    let listFormula: string | undefined;
    const values = definition.values ?? [];
    if (definition.type === 'enum' && inlineListOrUndefined(values) === undefined) {
      lists ??= addListsSheet(workbook);
      const column = lists.getColumn(lists.actualColumnCount + 1);
      values.forEach((choice, position) => {
        setText(lists!.getCell(position + 1, column.number), choice);
      });
      listFormula = `'${selfCheckSheetNames.lists}'!$${column.letter}$1:$${column.letter}$${values.length}`;
    }
    const validation = answerValidation(definition, listFormula);
    if (validation) answer.dataValidation = validation;
    styleDataRow(row, columns.length);
    answer.fill = inputFill;
    row.getCell(1).font = font({ color: { argb: 'FF606060' } });
  });
}

function addListsSheet(workbook: Workbook): Worksheet {
  const sheet = workbook.addWorksheet(selfCheckSheetNames.lists);
  sheet.state = 'hidden';
  return sheet;
}

/**
 * Reads the answers on 事实. Every row with a fact id must name a fact of the catalog, once; a blank
 * answer is an unanswered question; every wrong answer is reported with its cell.
 */
export function readFactsSheet(
  sheet: Worksheet,
  ruleSet: RuleSet,
  issues: WorkbookIssues,
): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  const { id, answer } = selfCheckHeaders.facts;
  const search = findHeaderRow(sheet, {
    id: { names: [id], required: true },
    answer: { names: [answer], required: true },
  });
  if (!search.found) {
    issues.sheet(
      sheetName,
      `header ${search.missing.map((name) => `"${name}"`).join(', ')} not found in rows 1–10`,
      'missing-header',
    );
    return facts;
  }
  const { row: headerRow, columns } = search.header;
  const seen = new Map<string, number>();
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const idCell = row.getCell(columns.id!);
    const answerCell = row.getCell(columns.answer!);
    const factId = cellText(idCell);
    const { content, form } = readCell(answerCell);
    if (factId === '') {
      if (content !== null)
        issues.cell(sheetName, idCell.address, 'this row has an answer but no fact id', 'missing-fact-id');
      continue;
    }
    const definition = Object.hasOwn(ruleSet.facts, factId) ? ruleSet.facts[factId] : undefined;
    if (definition === undefined) {
      issues.cell(
        sheetName,
        idCell.address,
        `unknown fact "${factId}": not in the fact catalog of ${ruleSet.id}`,
        'unknown-fact',
      );
      continue;
    }
    const first = seen.get(factId);
    if (first !== undefined) {
      issues.cell(
        sheetName,
        idCell.address,
        `fact "${factId}" appears twice (first in row ${first})`,
        'duplicate-fact',
      );
      continue;
    }
    seen.set(factId, rowNumber);
    const read = readAnswer(content, definition, { form, subject: `fact "${factId}"` });
    if (read === undefined) continue;
    if ('problem' in read) issues.cell(sheetName, answerCell.address, read.problem, read.kind);
    else facts[factId] = read.value;
  }
  return facts;
}
