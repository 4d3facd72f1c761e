import { type Assessment, evaluate, type RuleSet, summariseSelfCheck } from '@sunshine-rubric/core';
import {
  outcomeNames,
  reviewTierNames,
  say,
  tierRecordNames,
  verdictInWords,
} from '@sunshine-rubric/core/words';
import { foldApplication, foldCampaignYear, reviewedResult } from '@sunshine-rubric/core/workflow';
import { qinzhouFictionalEstates, qinzhouPlan, qinzhouWorkflow } from '@sunshine-rubric/qinzhou';
import { lateLines, statusCounts } from '../text/campaign-text.js';
import { statusNames as progressStatusNames } from '../text/timeline-text.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';

// The review side of the demo, on Qinzhou's fictional self-checks: a fictional 2021 round of the estates
// whose self-check is eligible, each with a route of its own. Nothing here is a record of a real review.
const city = { actor: '钦州市创建工作领导小组（虚构）', tier: 'city' };
const region = { actor: '自治区住房城乡建设厅（虚构）', tier: 'region' };
const asOf = '2021-12-31';

const at = (type: string, date: string, extra: Record<string, unknown> = {}) => ({
  type,
  date,
  actor: '小区物业（虚构）',
  ...extra,
});

/** The route of each fictional estate (by its position among the eligible ones) after it applied. */
const routes: readonly (readonly Record<string, unknown>[])[] = [
  // Two tiers that disagree with the self-check, each on a standard of its own.
  [
    at('standard-reviewed', '2021-10-08', {
      ...city,
      standard: 'S28',
      decision: 'disagree',
      outcome: 'unmet',
      reason: '监控未覆盖出入口',
    }),
    at('city-review-passed', '2021-10-10', city),
    at('standard-reviewed', '2021-11-15', { ...region, standard: 'S28', decision: 'agree' }),
    at('standard-reviewed', '2021-11-15', {
      ...region,
      standard: 'S56',
      decision: 'disagree',
      outcome: 'unmet',
      reason: '绿地率不足',
    }),
    at('region-recheck-passed', '2021-11-15', region),
    at('certified', '2021-12-20', region),
  ],
  ...[1, 2, 3].map(() => [
    at('city-review-passed', '2021-10-10', city),
    at('region-recheck-passed', '2021-11-15', region),
    at('certified', '2021-12-20', region),
  ]),
  [at('city-review-returned', '2021-10-10', { ...city, reasons: ['材料不全'] })],
  [
    at('city-review-passed', '2021-10-10', city),
    at('rectification-required', '2021-11-15', { ...region, standards: ['S54'] }),
  ],
  [],
  [at('city-review-passed', '2021-11-02', city)],
  [at('city-review-passed', '2021-10-10', city)],
];

/** The fictional logs: self-check, application, then the route. */
function fictionalRound(ruleSet: RuleSet): { assessment: Assessment; events: Record<string, unknown>[] }[] {
  const eligible = qinzhouFictionalEstates
    .map((assessment) => ({ assessment, result: evaluate(ruleSet, assessment) }))
    .filter(({ result }) => result.eligible);
  return eligible.slice(0, routes.length).map(({ assessment, result }, index) => ({
    assessment,
    events: [
      at('self-check-completed', '2021-08-20', { evaluation: summariseSelfCheck(result) }),
      at('applied', '2021-09-01'),
      ...routes[index]!,
    ],
  }));
}

/**
 * At most eight lines: one fictional application's route with each tier's verdict and what it recorded,
 * each disagreement with its reason, then the fictional round at a glance — how many at each step, the late
 * (Qinzhou's drafted deadlines marked), and the progress against Qinzhou's plan.
 */
export function demoReviewLines(ruleSet: RuleSet, language: Language): string[] {
  const said = (zh: string, en: string) => say(text(zh, en), language);
  const round = fictionalRound(ruleSet);
  const options = { ruleSet, plan: qinzhouPlan, workflow: qinzhouWorkflow };
  const first = round[0]!;
  const review = reviewedResult(
    ruleSet,
    evaluate(ruleSet, first.assessment),
    foldApplication(first.events, options),
  );
  const verdict = (result: typeof review.selfAssessed) =>
    `${say(verdictInWords(result), language)} ${result.compliance.met}/${result.compliance.applicable}`;
  const route = [
    `${said('自查', 'self-check')} ${verdict(review.selfAssessed)}`,
    ...review.tiers.map(
      (tier) =>
        `${say(reviewTierNames[tier.tier], language)} ${verdict(tier.result)}${tier.recorded === undefined ? '' : said(`（${tierRecordNames[tier.recorded].zh}）`, ` (${tierRecordNames[tier.recorded].en})`)}`,
    ),
  ];
  const lines = [
    said(
      `申报审核示例（自查与审核记录均为虚构；标准措辞为暂定）：${first.assessment.community.name}`,
      `A review, step by step (fictional self-check and records; provisional wording): ${first.assessment.community.name}`,
    ),
    `  ${route.join(' → ')}`,
    ...review.tiers.flatMap((tier) =>
      tier.differences.map(
        (difference) =>
          `  ${said(`分歧 ${difference.standardId}：`, `disagreement ${difference.standardId}: `)}${say(reviewTierNames[tier.tier], language)} ${say(outcomeNames[difference.reviewed], language)}${said(`（此前 ${say(outcomeNames[difference.before], 'zh')}）`, ` (was ${say(outcomeNames[difference.before], 'en')})`)} — ${difference.reason ?? difference.what ?? ''}`,
      ),
    ),
  ];
  const view = foldCampaignYear(
    round.map(({ assessment, events }) => ({ id: assessment.community.name, events })),
    { ...options, year: 2021, asOf },
  );
  const counts = statusCounts(view).map(({ name, count }) => `${say(name, language)} ${count}`);
  lines.push(
    said(
      `钦州 2021 年度申报一览（虚构数据，统计日期 ${asOf}）：${view.applications} 份申报，${counts.join('，')}`,
      `Qinzhou's 2021 round at a glance (fictional data, as of ${asOf}): ${view.applications} applications, ${counts.join(', ')}`,
    ),
  );
  const late = view.late.flatMap((application) => lateLines({ communities: {} }, application));
  lines.push(
    `  ${said('逾期：', 'late: ')}${late.map((line) => say(line, language)).join(said('；', '; '))}`,
  );
  const year = view.progress?.years.find((entry) => entry.year === 2021);
  if (year !== undefined)
    lines.push(
      `  ${said(
        `进度：至 2021 年底目标 ${year.target} 个，已认定 ${year.certified} 个，${progressStatusNames[year.status].zh}`,
        `Progress: target ${year.target} by the end of 2021, ${year.certified} certified, ${progressStatusNames[year.status].en}`,
      )}`,
    );
  return lines;
}
