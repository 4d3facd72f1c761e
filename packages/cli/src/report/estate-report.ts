import type { Assessment, EvaluationResult, RemediationPlan, RuleSet } from '@sunshine-rubric/core';
import {
  focusInWords,
  percentInWords,
  provisionalNotice,
  resultMark,
  ruleSetLabel,
  say,
  verdictInWords,
} from '@sunshine-rubric/core/words';
import type { ReviewedResult } from '@sunshine-rubric/core/workflow';
import { scoreLine } from '../text/evaluation-text.js';
import type { Language } from '../words/language.js';
import { indexRuleSet, text } from '../words/wording.js';
import { aspectRadarOption, renderChart, thresholdBarsOption } from './charts.js';
import {
  missingFactsSection,
  remediationSection,
  requirementsSection,
  unevidencedSection,
  unmetSection,
} from './estate-sections.js';
import { escapeHtml, page } from './html.js';
import { reviewSection } from './review-section.js';

/** What the report on one estate is made of. */
export interface EstateReportInput {
  readonly ruleSet: RuleSet;
  readonly assessment: Assessment;
  readonly result: EvaluationResult;
  /** The cheapest remediation (`planRemediation`), with the costs the user gave or one per standard. */
  readonly plan: RemediationPlan;
  readonly language: Language;
  /** Whether the plan's costs are the user's (from `--costs`) or the default of one per standard. */
  readonly costsGiven?: boolean;
  /** The application's review (from its event log), shown beside the self-check when given. */
  readonly review?: ReviewedResult;
}

/**
 * The report on one estate as a self-contained HTML page: the verdict and its reasons, the compliance rate
 * against the threshold, a radar of the aspects' rates, each requirement's coverage, the standards not met
 * with their explanation in words (drafted values marked) and their responsible departments, the cheapest
 * remediation plan, the standards self-assessed met without their evidence (and whether the rule set counts
 * them as not met), whether the estate is in the rule set's focus, and a notice on a provisional rule set with
 * what its standards rest on; given the application's review, the verdict of the self-check and of each tier
 * and every disagreement. Every text from data is escaped.
 */
export function estateReport(input: EstateReportInput): string {
  const { ruleSet, assessment, result, language } = input;
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const index = indexRuleSet(ruleSet);
  const estate = assessment.community.name;
  const title = `${estate} — ${say2('创建自查评估报告', 'self-check evaluation report')}`;
  const meta: [string, string][] = [
    [say2('评估编号', 'Assessment'), result.assessmentId],
    ...(assessment.community.district
      ? [[say2('所在区县', 'District'), assessment.community.district] as [string, string]]
      : []),
    ...(assessment.assessedAt
      ? [[say2('自查日期', 'Assessed'), assessment.assessedAt] as [string, string]]
      : []),
    [say2('规则集', 'Rule set'), `${ruleSetLabel(ruleSet)} ${say(ruleSet.title, language)}`],
  ];
  const verdictClass = result.eligible ? 'good' : 'bad';
  const reasons =
    result.reasons.length === 0
      ? `<p class="good">${escapeHtml(say2('满足全部申报条件。', 'Meets every condition to apply.'))}</p>`
      : `<ul class="reasons">${result.reasons.map((reason) => `<li>${escapeHtml(say(reason.message, language))}</li>`).join('')}</ul>`;

  const body = `
<header>
<p class="subtitle">${escapeHtml(say2('阳光社区·美丽家园 创建自查评估报告', 'Sunshine Community · Beautiful Home — self-check evaluation report'))}</p>
<h1>${escapeHtml(estate)}</h1>
<dl class="meta">${meta.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
</header>
<section class="verdict" aria-label="${escapeHtml(say2('结论', 'Verdict'))}">
<div><div class="muted">${escapeHtml(say2('结论', 'Verdict'))}</div><div class="word ${verdictClass}">${escapeHtml(say(verdictInWords(result), language))}</div></div>
${focusBlock(result, language)}<div><div class="muted">${escapeHtml(say2('得分', 'Score'))}</div><div>${escapeHtml(scoreLine(ruleSet, result, language))}</div></div>
<div style="flex-basis:100%"><div class="muted">${escapeHtml(say2('原因', 'Reasons'))}</div>${reasons}</div>
</section>
${input.review === undefined ? '' : reviewSection(input.review, language, index)}
<h2>${escapeHtml(say2('符合率与门槛', 'Compliance against the threshold'))}</h2>
${chartsSection(input, index)}
${requirementsSection(ruleSet, result, language, index)}
${unmetSection(ruleSet, result, language, index)}
${unevidencedSection(ruleSet, result, language, index)}
${remediationSection(input.plan, result, language, index, input.costsGiven ?? false)}
${missingFactsSection(ruleSet, result, language)}
<footer>
<p>${escapeHtml(say2('标准来源', 'Source of the standard'))} (${escapeHtml(ruleSet.provenance.status)}): ${escapeHtml(ruleSet.provenance.source)}</p>
<p>${escapeHtml(say2('由 sunshine-rubric 生成。本报告为自包含文件，打开时不访问网络。', 'Made by sunshine-rubric. This report is self-contained: viewing it makes no network request.'))}</p>
</footer>`;
  return page({ title, language, notice: provisionalNotice(ruleSet, language), body });
}

/** Whether the estate is in the rule set's focus, beside the verdict; nothing for a rule set without one. */
function focusBlock(result: EvaluationResult, language: Language): string {
  const words = focusInWords(result);
  if (words === undefined) return '';
  const value = `${resultMark(result.inFocus ?? null)} ${escapeHtml(say(words, language))}`;
  return `<div><div class="muted">${escapeHtml(say(text('重点', 'Focus'), language))}</div><div>${value}</div></div>
`;
}

function chartsSection(input: EstateReportInput, index: ReturnType<typeof indexRuleSet>): string {
  const { ruleSet, result, language } = input;
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const { scoring } = ruleSet;
  const threshold =
    scoring.mode === 'compliance-rate'
      ? scoring.threshold
      : result.score && result.score.max > 0
        ? result.score.passMark / result.score.max
        : 0;
  const overall =
    scoring.mode === 'points' && result.score && result.score.max > 0
      ? result.score.points / result.score.max
      : result.compliance.rate;
  const aspects = result.aspects.map((aspect) => ({
    title: say(index.aspectTitle(aspect.id), language),
    rate:
      scoring.mode === 'points' && aspect.maxPoints ? (aspect.points ?? 0) / aspect.maxPoints : aspect.rate,
  }));
  const thresholdLabel = scoring.mode === 'points' ? say2('及格线', 'pass mark') : say2('门槛', 'threshold');
  const radar = renderChart(
    aspectRadarOption(aspects, threshold, {
      rate: say2('符合率', 'compliance rate'),
      threshold: thresholdLabel,
    }),
    440,
    340,
  );
  const bars = renderChart(
    thresholdBarsOption(
      [
        { label: say2('总体', 'Overall'), share: overall },
        ...aspects.map((aspect) => ({ label: aspect.title, share: aspect.rate })),
      ],
      threshold,
      thresholdLabel,
    ),
    480,
    340,
  );
  const caption = (words: string) => `<figcaption>${escapeHtml(words)}</figcaption>`;
  return `<div class="charts">
<figure class="chart">${radar}${caption(say2('各方面符合率（雷达图）', 'Compliance rate of each aspect (radar)'))}</figure>
<figure class="chart">${bars}${caption(`${say2('总体及各方面符合率，虚线为', 'Overall and per-aspect rate; dashed line:')} ${thresholdLabel} ${percentInWords(threshold)}`)}</figure>
</div>`;
}
