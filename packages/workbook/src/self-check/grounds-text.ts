import type { Ground, RuleSet, Standard } from '@sunshine-rubric/core';
import { factValueInWords, say } from '@sunshine-rubric/core/words';
import type { WorkbookLanguage } from '../cells/wording.js';

const kindNames = {
  'plan-clause': { zh: '方案条款', en: 'plan clause' },
  'public-source': { zh: '公开来源', en: 'public source' },
  'project-drafting': { zh: '项目起草', en: 'project drafting' },
} as const;

const encouragedOnly = { zh: '（仅为鼓励性内容）', en: ' (only encouraged)' };

/**
 * A standard's grounds for one cell of the 标准 sheet, a line each: its kind, then the clause with its quoted
 * words, the source with its date, or the drafting note, and `（仅为鼓励性内容）` when the source only
 * encourages the measure. In `'zh-en'` the kind is also named in English. Empty for a standard without
 * typed grounds.
 *
 * @example
 * ```ts
 * groundsText({ ...standard, grounds: [{ kind: 'plan-clause', clause: '五（一）', quote: '监控覆盖率、绿化率不足' }] }, 'zh');
 * // '方案条款 五（一）：“监控覆盖率、绿化率不足”'
 * ```
 */
export function groundsText(standard: Pick<Standard, 'grounds'>, language: WorkbookLanguage): string {
  return (standard.grounds ?? []).map((ground) => groundLine(ground, language)).join('\n');
}

function groundLine(ground: Ground, language: WorkbookLanguage): string {
  const kind = say(kindNames[ground.kind], language).replace('\n', ' / ');
  const encouraged =
    'encouraged' in ground && ground.encouraged === true
      ? say(encouragedOnly, language).replace('\n', '')
      : '';
  switch (ground.kind) {
    case 'plan-clause':
      return `${kind} ${ground.clause}${ground.quote === undefined ? '' : `：“${ground.quote}”`}${encouraged}`;
    case 'public-source': {
      const details = [ground.date, ground.url].filter((detail) => detail !== undefined).join('，');
      return `${kind}：${ground.source}${details === '' ? '' : `（${details}）`}${encouraged}`;
    }
    case 'project-drafting':
      return `${kind}：${ground.note}`;
  }
}

/**
 * The values of a standard that the rule-set author chose, for one cell of the 标准 sheet, a line each: the
 * fact's id and the value as a person reads it, marked `（草拟值）`, then why. Empty when nothing is drafted.
 *
 * @example
 * ```ts
 * draftedText(s28, guangxi2021);
 * // 'cctvCoverage：90%（草拟值）——90% 为项目草拟；方案只说监控覆盖率不足，未给出数值'
 * ```
 */
export function draftedText(standard: Pick<Standard, 'drafted'>, ruleSet: Pick<RuleSet, 'facts'>): string {
  return (standard.drafted ?? [])
    .map((mark) => {
      const value = factValueInWords(mark.value, ruleSet.facts[mark.fact]).zh;
      return `${mark.fact}：${value}（草拟值）——${mark.note}`;
    })
    .join('\n');
}
