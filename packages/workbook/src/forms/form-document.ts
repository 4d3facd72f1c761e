import type { RuleSet, Text } from '@sunshine-rubric/core';
import { provisionalNotice } from '@sunshine-rubric/core/words';
import type { WorkbookLanguage } from '../cells/wording.js';

// A form as plain content — its title, notices and blocks — so that the .xlsx and the HTML writer lay out
// the same thing and cannot drift apart.

/** A block of a form: labelled values, or a table. */
export type FormBlock =
  | { readonly title: string; readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | {
      readonly title: string;
      readonly kind: 'table';
      readonly headers: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly widths?: readonly number[];
    };

/** A form's content, in the language asked for. */
export interface FormDocument {
  readonly title: string;
  /** The layout's drafted notice and the rule set's provisional notice: every output shows them. */
  readonly notices: readonly string[];
  readonly blocks: readonly FormBlock[];
}

/** A text in the form's language: Chinese, or Chinese and the English on a second line. */
export function wordsOf(text: Text, language: WorkbookLanguage): string {
  return language === 'zh-en' && text.en !== undefined && text.en !== '' ? `${text.zh}\n${text.en}` : text.zh;
}

/** The notices a form carries: its layout's (when drafted) and its rule set's (when provisional). */
export function formNotices(
  layout: { readonly provisional: boolean; readonly notice?: Text },
  ruleSet: RuleSet | undefined,
): string[] {
  const notices: string[] = [];
  if (layout.notice !== undefined) notices.push(wordsOf(layout.notice, 'zh-en'));
  const ruleSetNotice = ruleSet === undefined ? undefined : provisionalNotice(ruleSet, 'zh-en');
  if (ruleSetNotice !== undefined) notices.push(ruleSetNotice);
  return notices;
}
