import type { Outcome } from '../result/types.js';

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
export const outcomeNames: Readonly<Record<Outcome, Wording>> = Object.freeze({
  met: { zh: '符合', en: 'met' },
  unmet: { zh: '不符合', en: 'unmet' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  'missing-data': { zh: '缺少数据', en: 'missing data' },
});
