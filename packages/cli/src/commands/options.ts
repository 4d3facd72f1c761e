import { Option } from 'commander';
import { CliError } from '../io/run-io.js';
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

/** `--year <year>`: a round's year, four digits. */
export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim()))
    throw new CliError(
      `--year: expected a four-digit year, e.g. 2021, got ${JSON.stringify(value.slice(0, 20))}`,
    );
  return Number(value);
}

/** `--as-of <date>`: a calendar day, `YYYY-MM-DD`. */
export function parseDay(value: string): string {
  const day = value.trim();
  const date = new Date(`${day}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== day
  )
    throw new CliError(`--as-of: expected a date, YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 20))}`);
  return day;
}
