import type { FactType, RuleSet, Text } from '@sunshine-rubric/core';
import { provisionalNotice as coreProvisionalNotice, unitInWords } from '@sunshine-rubric/core/words';
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

/** Chinese, and in `'zh-en'` the English on a second line when there is one. */
export function say(text: Text, language: WorkbookLanguage): string {
  return language === 'zh-en' && text.en ? `${text.zh}\n${text.en}` : text.zh;
}

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

/** A share as a percentage with up to two decimals: 0.85 → `85%`, 17/19 → `89.47%`. */
export function percentText(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

/**
 * The notice every output built from a provisional rule set carries, or undefined for an official one.
 */
export function provisionalNotice(ruleSet: RuleSet): string | undefined {
  const notice = coreProvisionalNotice(ruleSet);
  return notice && `${notice.zh}${notice.en}`;
}

/** One line on where the rule set's wording comes from. */
export function provenanceLine(ruleSet: RuleSet): string {
  const status = ruleSet.provenance.status === 'official' ? '官方文本' : '暂定（项目草拟）';
  return `标准来源（${status}）：${ruleSet.provenance.source}`;
}

/** `id@version` of a rule set. */
export function ruleSetLabel(ruleSet: RuleSet): string {
  return `${ruleSet.id}@${ruleSet.version}`;
}
