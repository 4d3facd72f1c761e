import type { Text } from '@sunshine-rubric/core';
import { shownInput } from '../text/terminal-safe.js';
import { CliError } from './io.js';

/** The language of text output and reports: Chinese (the default, authoritative) or English. */
export type Language = 'zh' | 'en';

/** Text in the reader's language; English falls back to the Chinese when a text has no English. */
export function say(
  text: Text | { readonly zh: string; readonly en?: string | undefined },
  language: Language,
): string {
  return language === 'en' ? (text.en ?? text.zh) : text.zh;
}

/** The `--lang` option's value, checked. */
export function parseLanguage(value: string): Language {
  if (value === 'zh' || value === 'en') return value;
  throw new CliError(
    `--lang: expected zh or en, got ${JSON.stringify(shownInput(value))} (--lang 只能是 zh 或 en)`,
  );
}
