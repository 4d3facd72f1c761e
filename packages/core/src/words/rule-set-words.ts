import type { RuleSet } from '../rule-set/types.js';
import { groundsInWords, groundsSummary } from './grounds-words.js';
import { type Language, say } from './language.js';
import type { Wording } from './outcome-names.js';

/**
 * A rule set as people and tools name it: `id@version`.
 *
 * @example
 * ```ts
 * ruleSetLabel(guangxi2021); // 'guangxi-2021@1.0.0'
 * ```
 */
export function ruleSetLabel(ruleSet: { readonly id: string; readonly version: string }): string {
  return `${ruleSet.id}@${ruleSet.version}`;
}

/**
 * The notice every output built from a provisional rule set carries; undefined for an official one. Its
 * lines: that the rule set is provisional — not the official text, results indicative; who it comes from, in
 * the rule set's own words (`provenance.source`: a city's own draft is credited to the city, never to this
 * project); and, given the rule set's aspects, what its standards rest on ({@link groundsInWords}). So no
 * output claims more than the rule set has. The CLI, its reports, the flip report and the workbook all
 * print this one notice.
 *
 * @example
 * ```ts
 * provisionalNotice(guangxi2021, 'zh');
 * // '注意：暂定规则集。标准措辞不是官方文本；评估结果仅供参考。\n来源：结构依据《钦州市…》…\n依据：46 项引用方案条款，…'
 * provisionalNotice(officialRuleSet, 'en'); // undefined
 * ```
 */
export function provisionalNotice(
  ruleSet: Pick<RuleSet, 'provenance'> & { readonly aspects?: RuleSet['aspects'] },
  language: Language,
): string | undefined {
  if (ruleSet.provenance.status !== 'provisional') return undefined;
  const source = ruleSet.provenance.source.trim();
  const lines: Wording[] = [
    notice,
    { zh: `来源：${source}`, en: `Source: ${source}` },
    ...(ruleSet.aspects ? [groundsInWords(groundsSummary({ aspects: ruleSet.aspects }))] : []),
  ];
  // The source is one text in whatever language its author wrote it: said once, not once per language.
  if (language === 'zh-en') lines[1] = { zh: `来源（Source）：${source}`, en: '' };
  return lines.map((line) => say(line, language)).join('\n');
}

const notice: Wording = Object.freeze({
  zh: '注意：暂定规则集。标准措辞不是官方文本；评估结果仅供参考。',
  en: 'Notice: provisional rule set. Its wording is not the official text; treat the results as indicative.',
});
