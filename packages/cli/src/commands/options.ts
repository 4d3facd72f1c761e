import { Option } from 'commander';
import type { Language } from '../words/language.js';

/** `--lang zh|en`: the language of text output and reports (Chinese by default). */
export function languageOption(): Option {
  return new Option('--lang <language>', 'output language 输出语言').choices(['zh', 'en']).default('zh');
}

/** `--format …` with the formats a command writes. */
export function formatOption(formats: readonly string[], fallback: string): Option {
  return new Option('--format <format>', 'output format 输出格式').choices(formats).default(fallback);
}

/** `--rule-set <id|file>`: a registered id (`guangxi-2021`, `guangxi-2021@^1`) or a rule-set JSON file. */
export function ruleSetOption(
  description = 'rule set: registered id or JSON file 规则集（编号或文件）',
): Option {
  return new Option('-r, --rule-set <id|file>', description);
}

/** Help text after a command's options: an example or two, each a runnable line. */
export function examples(...lines: string[]): string {
  return `\nExamples 示例:\n${lines.map((line) => `  $ sunshine-rubric ${line}`).join('\n')}\n`;
}

/** The options every command reads its language from. */
export interface LanguageOptions {
  readonly lang: Language;
}
