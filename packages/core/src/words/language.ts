import type { Text } from '../rule-set/types.js';

/**
 * The language of words for people: Chinese (`'zh'`, the authoritative wording), English (`'en'`, falling
 * back to the Chinese where a text has no English), or both (`'zh-en'`: the Chinese, then the English on a
 * second line where there is one — what a workbook or a printed form shows).
 *
 * @example
 * ```ts
 * const language: Language = 'zh-en';
 * ```
 */
export type Language = 'zh' | 'en' | 'zh-en';

/**
 * A bilingual text in the reader's language: the one way the CLI, its reports and the workbook pick a
 * language, so that `'en'` falls back to the Chinese everywhere and `'zh-en'` puts the English on its own
 * line everywhere.
 *
 * @example
 * ```ts
 * say({ zh: '符合', en: 'met' }, 'en'); // 'met'
 * say({ zh: '符合' }, 'en'); // '符合'
 * say({ zh: '符合', en: 'met' }, 'zh-en'); // '符合\nmet'
 * ```
 */
export function say(
  text: Text | { readonly zh: string; readonly en?: string | undefined },
  language: Language,
): string {
  if (language === 'zh') return text.zh;
  if (language === 'en') return text.en ?? text.zh;
  return text.en ? `${text.zh}\n${text.en}` : text.zh;
}
