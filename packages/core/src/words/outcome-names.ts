import type { EvaluationResult, Outcome } from '../result/types.js';
import { deepFreeze } from '../util/deep-freeze.js';

/**
 * Bilingual text with both languages present: what the library's own wording returns.
 *
 * @example
 * ```ts
 * const met: Wording = { zh: '符合', en: 'met' };
 * ```
 */
export interface Wording {
  readonly zh: string;
  readonly en: string;
}

/**
 * A standard's outcome in a word, in Chinese and English.
 *
 * @example
 * ```ts
 * outcomeNames['missing-data'].zh; // '缺少数据'
 * outcomeNames.unmet.en; // 'unmet'
 * ```
 */
export const outcomeNames: Readonly<Record<Outcome, Wording>> = deepFreeze({
  met: { zh: '符合', en: 'met' },
  unmet: { zh: '不符合', en: 'unmet' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  'missing-data': { zh: '缺少数据', en: 'missing data' },
});

/**
 * The verdict on an estate in a few words: eligible (符合申报条件); out of scope (不在创建范围); scope
 * unknown, when facts the scope needs are missing (缺少数据，无法判断是否在创建范围); or not eligible yet
 * (暂不符合申报条件).
 *
 * @example
 * ```ts
 * verdictInWords(evaluate(ruleSet, assessment)).zh; // '暂不符合申报条件'
 * ```
 */
export function verdictInWords(result: Pick<EvaluationResult, 'eligible' | 'inScope' | 'reasons'>): Wording {
  if (result.eligible) return verdicts.eligible;
  if (result.reasons.some((reason) => reason.code === 'SCOPE_UNKNOWN')) return verdicts.scopeUnknown;
  return result.inScope ? verdicts.notEligible : verdicts.outOfScope;
}

const verdicts = deepFreeze({
  eligible: { zh: '符合申报条件', en: 'eligible' },
  outOfScope: { zh: '不在创建范围', en: 'out of scope' },
  scopeUnknown: { zh: '缺少数据，无法判断是否在创建范围', en: 'scope unknown: data missing' },
  notEligible: { zh: '暂不符合申报条件', en: 'not eligible' },
});
