import type { Text } from '@sunshine-rubric/core';

/** The language of text output and reports: Chinese (the default, authoritative) or English. */
export type Language = 'zh' | 'en';

/** Text in the reader's language; English falls back to the Chinese when a text has no English. */
export function say(
  text: Text | { readonly zh: string; readonly en?: string | undefined },
  language: Language,
): string {
  return language === 'en' ? (text.en ?? text.zh) : text.zh;
}
