import type { EvaluationResult } from '@sunshine-rubric/core';
import {
  outcomeNames,
  tierRecordNames as recordedNames,
  reviewTierNames,
  say,
  verdictInWords,
} from '@sunshine-rubric/core/words';
import type { ReviewedResult, TierVerdict } from '@sunshine-rubric/core/workflow';
import type { Language } from '../words/language.js';
import { type RuleSetIndex, text } from '../words/wording.js';
import { escapeHtml, table } from './html.js';

// The tiers' and records' words are core's, as the forms use them.
const tierNames = { self: text('自查', 'self-check'), ...reviewTierNames } as const;

/**
 * The review of the application beside the self-check: the verdict the self-check and each tier reached (by
 * the rubric's rules over the outcomes as the tier leaves them) with what the tier recorded on the route,
 * then every disagreement and rectification required, standard by standard, with its reason.
 */
export function reviewSection(review: ReviewedResult, language: Language, index: RuleSetIndex): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const score = (result: EvaluationResult) => `${result.compliance.met}/${result.compliance.applicable}`;
  const verdictRow = (
    name: ReturnType<typeof text>,
    result: EvaluationResult,
    recorded: TierVerdict['recorded'] | 'self',
  ) => [
    escapeHtml(say(name, language)),
    `<span class="${result.eligible ? 'good' : 'bad'}">${escapeHtml(say(verdictInWords(result), language))}</span>`,
    escapeHtml(score(result)),
    escapeHtml(recorded === 'self' || recorded === undefined ? '' : say(recordedNames[recorded], language)),
  ];
  const verdicts = table(
    [
      say2('环节', 'Tier'),
      say2('结论', 'Verdict'),
      say2('符合/适用', 'Met/applicable'),
      say2('记录', 'Recorded'),
    ],
    [
      verdictRow(tierNames.self, review.selfAssessed, 'self'),
      ...review.tiers.map((tier) => verdictRow(tierNames[tier.tier], tier.result, tier.recorded)),
    ],
    ['nowrap', '', 'number', 'nowrap'],
  );
  const differences = review.tiers.flatMap((tier) => tier.differences);
  const rows = differences.map((difference) => {
    const standard = index.standard(difference.standardId);
    const why =
      difference.decision === 'disagree'
        ? (difference.reason ?? '')
        : `${say2('整改', 'Fix')}: ${difference.what ?? ''} (${say2('期限', 'by')} ${difference.by ?? ''})`;
    return [
      escapeHtml(say(tierNames[difference.tier], language)),
      escapeHtml(difference.standardId),
      escapeHtml(say(standard.title, language)),
      escapeHtml(say(outcomeNames[difference.selfAssessed], language)),
      escapeHtml(say(outcomeNames[difference.reviewed], language)),
      escapeHtml(why),
      escapeHtml(`${difference.date} ${difference.actor}`),
    ];
  });
  const disagreements =
    rows.length === 0
      ? `<p class="good">${escapeHtml(say2('各级审核与自查结果一致。', 'Every tier agreed with the self-check.'))}</p>`
      : table(
          [
            say2('环节', 'Tier'),
            say2('编号', 'Id'),
            say2('标准', 'Standard'),
            say2('自查', 'Self-check'),
            say2('审核', 'Reviewed'),
            say2('理由', 'Reason'),
            say2('日期与审核人', 'Date and reviewer'),
          ],
          rows,
          ['nowrap', 'nowrap', '', 'nowrap', 'nowrap', '', 'nowrap'],
        );
  return `<h2>${escapeHtml(say2('审核情况', 'Review'))}</h2>
${verdicts}
<h3>${escapeHtml(say2('不一致与整改要求', 'Disagreements and rectifications required'))}</h3>
${disagreements}`;
}
