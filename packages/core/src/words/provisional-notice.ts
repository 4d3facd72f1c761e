import type { RuleSet } from '../rule-set/types.js';
import type { Wording } from './outcome-names.js';

/**
 * The notice every output built from a provisional rule set carries, in both languages; undefined for an
 * official one. It says what the rule set is — not the official text — and credits no one: who drafted the
 * wording is the rule set's own `provenance.source`, which outputs show beside it where there is room.
 *
 * @example
 * ```ts
 * const notice = provisionalNotice(ruleSet);
 * if (notice) console.warn(notice.zh); // '注意：暂定规则集。标准措辞不是官方文本；评估结果仅供参考。'
 * ```
 */
export function provisionalNotice(ruleSet: Pick<RuleSet, 'provenance'>): Wording | undefined {
  if (ruleSet.provenance.status !== 'provisional') return undefined;
  return notice;
}

const notice: Wording = Object.freeze({
  zh: '注意：暂定规则集。标准措辞不是官方文本；评估结果仅供参考。',
  en: 'Notice: provisional rule set. Its wording is not the official text; treat the results as indicative.',
});
