import type { EvaluationResult, RuleSet } from '@sunshine-rubric/core';
import {
  explanationInWords,
  factInWords,
  missingEvidenceInWords,
  outcomeNames,
  percentInWords,
  provisionalNotice,
  resultMark,
  ruleSetLabel,
  say,
  verdictInWords,
} from '@sunshine-rubric/core/words';
import type { Palette } from '../io/colour.js';
import { missingEvidenceLine, unevidencedHeading, unevidencedStandards } from '../words/evidence-wording.js';
import type { Language } from '../words/language.js';
import { departmentTitle, focusLine, indexRuleSet, text } from '../words/wording.js';
import { formatTable } from './table.js';

/** What the text of one evaluation needs besides the result. */
export interface EvaluationTextInput {
  readonly ruleSet: RuleSet;
  readonly result: EvaluationResult;
  readonly estateName: string;
  /** The file the assessment came from, as the user named it. */
  readonly source: string;
  readonly language: Language;
  readonly palette: Palette;
}

/**
 * One evaluation as text for a terminal: the verdict, the compliance rate against the threshold, each
 * aspect, the reasons, whether the estate is in the rule set's focus, each standard that is not met with
 * its explanation in words, drafted values marked, and the standards self-assessed met without their
 * required evidence, with the documents missing and whether the rule set counts them as not met.
 */
export function evaluationText(input: EvaluationTextInput): string {
  const { ruleSet, result, language, palette } = input;
  const lines: string[] = [];
  const label = (zh: string, en: string) => say(text(zh, en), language);
  lines.push(palette.strong(`${input.estateName}  [${result.assessmentId}]  ${input.source}`));
  lines.push(`${label('规则集', 'Rule set')}: ${ruleSetLabel(ruleSet)} ${say(ruleSet.title, language)}`);
  const notice = provisionalNotice(ruleSet, language);
  if (notice) lines.push(palette.warn(notice));
  const verdict = say(verdictInWords(result), language);
  lines.push(
    `${label('结论', 'Verdict')}: ${result.eligible ? palette.good(verdict) : palette.bad(verdict)}`,
  );
  const focus = focusLine(result, language);
  if (focus) lines.push(focus);
  lines.push(`${label('得分', 'Score')}: ${scoreLine(ruleSet, result, language)}`);

  const index = indexRuleSet(ruleSet);
  const aspectRows = result.aspects.map((aspect) => [
    `  ${say(index.aspectTitle(aspect.id), language)}`,
    `${aspect.met}/${aspect.applicable}`,
    percentInWords(aspect.rate),
  ]);
  lines.push(`${label('各方面', 'Aspects')}:`, formatTable(aspectRows));

  if (result.reasons.length > 0) {
    lines.push(`${label('原因', 'Reasons')}:`);
    for (const reason of result.reasons) lines.push(`  - ${say(reason.message, language)}`);
  }
  const unevidenced = unevidencedStandards(result, index);
  const missingEvidence = new Map(unevidenced.map((entry) => [entry.standard.id, entry.missing]));
  const open = result.standards.filter(
    (standard) => standard.outcome === 'unmet' || standard.outcome === 'missing-data',
  );
  if (open.length > 0) {
    lines.push(`${label('未符合的标准', 'Standards not met')} (${open.length}):`);
    for (const standardResult of open) {
      const standard = index.standard(standardResult.id);
      const owners = (standard.responsible ?? []).map((id) => departmentTitle(id, language)).join(', ');
      const outcome = say(outcomeNames[standardResult.outcome], language);
      const ownerText = owners ? `  ${label('责任', 'owner')}: ${owners}` : '';
      lines.push(`  ${standard.id} ${say(standard.title, language)} [${outcome}]${ownerText}`);
      for (const line of explanationInWords(standardResult.explanation, ruleSet, standard)) {
        lines.push(`      ${'  '.repeat(line.depth)}${resultMark(line.result)} ${say(line.text, language)}`);
      }
      const missing = missingEvidence.get(standardResult.id);
      if (missing)
        lines.push(`      ${resultMark(false)} ${missingEvidenceLine(ruleSet, missing, language)}`);
    }
  }
  if (unevidenced.length > 0) {
    lines.push(palette.warn(`${unevidencedHeading(ruleSet, unevidenced.length, language)}:`));
    for (const { standard, missing } of unevidenced) {
      lines.push(
        `  ${standard.id} ${say(standard.title, language)}: ${say(missingEvidenceInWords(missing), language)}`,
      );
    }
  }
  if (result.missingFacts.length > 0) {
    const titles = result.missingFacts.map((fact) => say(factInWords(ruleSet, fact), language));
    lines.push(`${label('缺少的事实', 'Missing facts')}: ${titles.join(language === 'en' ? '; ' : '；')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `52/64 met = 81.3% (threshold 85%)`, or points against the pass mark. */
export function scoreLine(ruleSet: RuleSet, result: EvaluationResult, language: Language): string {
  const { scoring } = ruleSet;
  if (scoring.mode === 'points' && result.score) {
    const { points, max, passMark } = result.score;
    return say(
      text(`${points}/${max} 分（及格线 ${passMark} 分）`, `${points}/${max} points (pass mark ${passMark})`),
      language,
    );
  }
  const { met, applicable, rate } = result.compliance;
  const threshold = scoring.mode === 'compliance-rate' ? percentInWords(scoring.threshold) : '';
  return say(
    text(
      `适用标准 ${applicable} 项中符合 ${met} 项，符合率 ${percentInWords(rate)}（门槛 ${threshold}）`,
      `${met} of ${applicable} applicable standards met, ${percentInWords(rate)} (threshold ${threshold})`,
    ),
    language,
  );
}
