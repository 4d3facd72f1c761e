import type { FactDefinition, FactValue } from '@sunshine-rubric/core';
import { describeFactValue, isIsoDate } from '@sunshine-rubric/core/internal';
import type { Cell, DataValidation } from 'exceljs';
import { type CellContent, type CellForm, isoDateOf, setText, showContent } from './cells.js';

/** How a boolean answer is written: the dropdown offers these two. */
export const yes = '是';
export const no = '否';

/** What an answer to this fact must be, in English, for error messages: `a number between 0 and 1`. */
export function expectation(definition: FactDefinition): string {
  switch (definition.type) {
    case 'boolean':
      return `${yes} or ${no} (yes or no)`;
    case 'integer':
      return `a whole number${boundsText(definition)}`;
    case 'number':
      return `a number${boundsText(definition)}`;
    case 'string':
      return 'text';
    case 'date':
      return 'a date (YYYY-MM-DD)';
    case 'enum':
      return `one of ${(definition.values ?? []).join(', ')}`;
  }
}

function boundsText({ min, max }: FactDefinition): string {
  if (min !== undefined && max !== undefined) return ` between ${min} and ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

/** The allowed answers, in Chinese, for the sheet's range column. */
export function rangeText(definition: FactDefinition): string {
  const { min, max } = definition;
  const bounds =
    min !== undefined && max !== undefined
      ? `${min} – ${max}`
      : min !== undefined
        ? `≥ ${min}`
        : max !== undefined
          ? `≤ ${max}`
          : '';
  switch (definition.type) {
    case 'boolean':
      return `${yes} / ${no}`;
    case 'integer':
      return bounds ? `整数，${bounds}` : '整数';
    case 'number':
      return bounds ? `数值，${bounds}` : '数值';
    case 'string':
      return '任意文本';
    case 'date':
      return '日期，如 2021-09-30';
    case 'enum':
      return (definition.values ?? []).join(' / ');
  }
}

/** Why a value from an assessment document is not a valid answer, or undefined when it is. */
export function valueProblem(value: unknown, definition: FactDefinition): string | undefined {
  // Core decides (one check for every entry point); the workbook words it as the sheet's expectation.
  return describeFactValue(value, definition) === undefined
    ? undefined
    : `expected ${expectation(definition)}, got ${JSON.stringify(value) ?? String(value)}`;
}

/** The answer a cell gives, `undefined` when it is blank, or what is wrong with it (and its issue kind). */
export type ReadAnswer =
  | { readonly value: FactValue }
  | { readonly problem: string; readonly kind: AnswerProblemKind }
  | undefined;

/**
 * `invalid-answer`: the right kind of cell with a wrong value; `formula-without-value`: a formula that
 * was never calculated and saved; `wrong-cell-type`: a cell whose kind cannot hold the fact (a date cell
 * for a number, rich text for a number, a cell exceljs cannot read faithfully).
 */
export type AnswerProblemKind = 'invalid-answer' | 'formula-without-value' | 'wrong-cell-type';

/** Where an answer came from: the cell's form (see `readCell`), and what it answers, for messages. */
export interface AnswerSource {
  readonly form?: CellForm;
  /** What the cell answers, as messages name it: `fact "cctvCoverage"` (default `the fact`). */
  readonly subject?: string;
}

// Facts whose answer is a quantity or a day: styled text (rich text, a hyperlink) is not a way to give
// one, and a spreadsheet would not compute with it either.
const quantityTypes: ReadonlySet<FactDefinition['type']> = new Set(['integer', 'number', 'date']);

/**
 * Reads one answer cell: the one place that decides how a cell maps to a fact's type. Lenient where a
 * person's typing is unambiguous (是/否 or TRUE/FALSE, numbers typed as text, `85%`, dates as 2021/9/30,
 * a formula's saved result), strict otherwise: text answers are kept exactly, spaces included; a formula
 * without a saved value, or a cell of a kind that cannot hold the fact (a date cell for a number), is a
 * problem naming the fact, never a blank or a guess.
 */
export function readAnswer(
  content: CellContent,
  definition: FactDefinition,
  source: AnswerSource = {},
): ReadAnswer {
  if (content === null) return undefined;
  const fact = source.subject ?? 'the fact';
  if (typeof content === 'object' && 'formula' in content) {
    return {
      problem: `formula (=${content.formula}) without a saved value for ${fact}; open and save the workbook in a spreadsheet program, or type the value`,
      kind: 'formula-without-value',
    };
  }
  const styled = source.form === 'rich-text' || source.form === 'hyperlink';
  const wrongKind =
    (typeof content === 'object' && 'unreadable' in content) ||
    (styled && quantityTypes.has(definition.type)) ||
    (content instanceof Date && definition.type !== 'date' && definition.type !== 'string');
  if (wrongKind) {
    const found = styled
      ? `${source.form === 'rich-text' ? 'rich text' : 'a hyperlink'} ${showContent(content)}`
      : showContent(content);
    const advice = quantityTypes.has(definition.type)
      ? `; type it as a plain ${definition.type === 'date' ? 'date' : 'number'}`
      : '';
    return {
      problem: `${fact} expects ${expectation(definition)}, got ${found}${advice}`,
      kind: 'wrong-cell-type',
    };
  }
  const value = convert(content, definition);
  if (value === undefined || describeFactValue(value, definition) !== undefined) {
    return {
      problem: `expected ${expectation(definition)}, got ${showContent(content)}`,
      kind: 'invalid-answer',
    };
  }
  return { value };
}

function convert(content: Exclude<CellContent, null>, definition: FactDefinition): FactValue | undefined {
  if (typeof content === 'object' && !(content instanceof Date)) return undefined;
  switch (definition.type) {
    case 'boolean':
      return typeof content === 'boolean'
        ? content
        : typeof content === 'string'
          ? toBoolean(content)
          : undefined;
    case 'integer': {
      const number = toNumber(content);
      return number !== undefined && Number.isInteger(number) ? number : undefined;
    }
    case 'number':
      return toNumber(content);
    case 'string':
      return content instanceof Date ? isoDateOf(content) : String(content);
    case 'date':
      return content instanceof Date
        ? isoDateOf(content)
        : typeof content === 'string'
          ? toDate(content)
          : undefined;
    case 'enum': {
      if (content instanceof Date || typeof content === 'boolean') return undefined;
      const values = definition.values ?? [];
      const text = String(content);
      return values.find((value) => value === text) ?? values.find((value) => value === text.trim());
    }
  }
}

const booleanWords: Readonly<Record<string, boolean>> = {
  是: true,
  否: false,
  true: true,
  false: false,
  yes: true,
  no: false,
};

function toBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  return Object.hasOwn(booleanWords, word) ? booleanWords[word] : undefined;
}

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const thousandsPattern = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function toNumber(content: Exclude<CellContent, null>): number | undefined {
  if (typeof content === 'number') return Number.isFinite(content) ? content : undefined;
  if (typeof content !== 'string') return undefined;
  let text = content.trim();
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1).trim();
  if (thousandsPattern.test(text)) text = text.replaceAll(',', '');
  if (!numberPattern.test(text)) return undefined;
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  return percent ? number / 100 : number;
}

const datePattern = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function toDate(text: string): string | undefined {
  const match = datePattern.exec(text.trim());
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isIsoDate(date) ? date : undefined;
}

// Spreadsheets count days from 1900 and wrongly take 1900 as a leap year, so only later dates are safe
// as date cells; earlier ones are written as text, which reads back the same.
const firstSafeDate = '1900-03-01';

/** Writes an answer the way a person would have typed it: 是/否, a number, a date cell, text. */
export function writeAnswer(cell: Cell, value: FactValue, definition: FactDefinition): void {
  if (definition.type === 'boolean') {
    cell.value = value ? yes : no;
  } else if (definition.type === 'date' && typeof value === 'string' && value >= firstSafeDate) {
    const date = new Date(0);
    date.setUTCFullYear(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
    cell.value = date;
  } else if (typeof value === 'string') {
    setText(cell, value);
  } else {
    cell.value = value;
  }
}

/**
 * The data validation of an answer cell: a dropdown for booleans and enums, whole or decimal numbers
 * within the fact's bounds, a date. `listFormula` is a range holding an enum's values when they do not
 * fit an inline list.
 */
export function answerValidation(
  definition: FactDefinition,
  listFormula?: string,
): DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '答案不符合要求',
    error: `请填写：${rangeText(definition)}`,
  };
  const { min, max } = definition;
  switch (definition.type) {
    case 'boolean':
      return { ...common, type: 'list', formulae: [`"${yes},${no}"`] };
    case 'enum': {
      const list = listFormula ?? inlineListOrUndefined(definition.values ?? []);
      return list === undefined ? undefined : { ...common, type: 'list', formulae: [list] };
    }
    case 'integer':
    case 'number': {
      const type = definition.type === 'integer' ? 'whole' : 'decimal';
      if (min !== undefined && max !== undefined)
        return { ...common, type, operator: 'between', formulae: [min, max] };
      if (min !== undefined) return { ...common, type, operator: 'greaterThanOrEqual', formulae: [min] };
      if (max !== undefined) return { ...common, type, operator: 'lessThanOrEqual', formulae: [max] };
      return { ...common, type, operator: 'between', formulae: [-1e15, 1e15] };
    }
    case 'date':
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'string':
      return undefined;
  }
}

/** An inline dropdown list, or undefined when the values cannot be one (commas, quotes, over 250 characters). */
export function inlineListOrUndefined(values: readonly string[]): string | undefined {
  const joined = values.join(',');
  if (joined.length > 250 || values.some((value) => /[,"]/.test(value))) return undefined;
  return `"${joined}"`;
}
