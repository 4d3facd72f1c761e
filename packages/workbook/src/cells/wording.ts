import type { FactType, Text } from '@sunshine-rubric/core';
import { unitInWords } from '@sunshine-rubric/core/words';
import { departmentById } from '@sunshine-rubric/guangxi';

/**
 * The language of a workbook's text: `'zh'` (the default) writes Chinese only; `'zh-en'` adds the
 * English wording, where the rule set has it, on a second line. Sheet names and the first line of each
 * header stay Chinese either way, so the importer reads both.
 *
 * @example
 * ```ts
 * const lang: WorkbookLanguage = 'zh-en';
 * await exportSelfCheckWorkbook(guangxi2021, { lang });
 * ```
 */
export type WorkbookLanguage = 'zh' | 'zh-en';

export const factTypeNames: Readonly<Record<FactType, Text>> = {
  boolean: { zh: '是/否', en: 'yes/no' },
  integer: { zh: '整数', en: 'whole number' },
  number: { zh: '数值', en: 'number' },
  string: { zh: '文本', en: 'text' },
  date: { zh: '日期', en: 'date' },
  enum: { zh: '选项', en: 'choice' },
};

/** A fact's unit for the form's unit column, in Chinese (`m` → `米`); a share is asked for as 0–1. */
export function unitText(unit: string | undefined): string {
  return unit === 'share' ? '比例（0–1）' : unitInWords(unit).zh;
}

/** The name of a responsible body: the Guangxi department's title when the id is one, else the id. */
export function responsibleTitle(id: string): string {
  if (id === 'unassigned') return '未指定';
  return departmentById(id)?.title.zh ?? id;
}
