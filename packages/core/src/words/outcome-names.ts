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

/**
 * Eligible or not, in two words each, for where only the yes or no is at stake (a fixture's expectation, an
 * estate whose verdict a rubric change turns around). {@link verdictInWords} says more when there is a result.
 *
 * @example
 * ```ts
 * eligibilityInWords(false).zh; // '不符合申报条件'
 * `${eligibilityInWords(true).en} → ${eligibilityInWords(false).en}`; // 'eligible → ineligible'
 * ```
 */
export function eligibilityInWords(eligible: boolean): Wording {
  return eligible ? eligibility.eligible : eligibility.ineligible;
}

const eligibility = deepFreeze({
  eligible: { zh: '符合申报条件', en: 'eligible' },
  ineligible: { zh: '不符合申报条件', en: 'ineligible' },
});

/**
 * Whether the estate is in the rule set's focus, in a few words: in the focus (属于重点范围), outside it
 * (不属于重点范围), or unknown because a fact the focus reads is missing. Undefined for a result of a rule
 * set without a focus. The focus never changes the verdict, so this is said beside it, not in it.
 *
 * @example
 * ```ts
 * focusInWords({ inFocus: true })?.zh; // '属于重点范围'
 * focusInWords({}); // undefined
 * ```
 */
export function focusInWords(result: Pick<EvaluationResult, 'inFocus'>): Wording | undefined {
  if (result.inFocus === undefined) return undefined;
  if (result.inFocus === null) return focusWords.unknown;
  return result.inFocus ? focusWords.inFocus : focusWords.outside;
}

const focusWords = deepFreeze({
  inFocus: { zh: '属于重点范围', en: 'in the focus' },
  outside: { zh: '不属于重点范围', en: 'outside the focus' },
  unknown: { zh: '缺少数据，无法判断是否属于重点范围', en: 'focus unknown: data missing' },
});
