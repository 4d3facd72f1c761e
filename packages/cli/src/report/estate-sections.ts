import type { EvaluationResult, RemediationPlan, RuleSet, Standard } from '@sunshine-rubric/core';
import {
  evidenceEntryInWords,
  explanationInWords,
  factInWords,
  missingEvidenceInWords,
  outcomeNames,
  resultMark,
  say,
} from '@sunshine-rubric/core/words';
import { missingEvidenceLine, unevidencedHeading, unevidencedStandards } from '../words/evidence-wording.js';
import type { Language } from '../words/language.js';
import { departmentTitle, type RuleSetIndex, text } from '../words/wording.js';
import { escapeHtml, shareBar, table } from './html.js';

/** Each requirement's coverage: met of applicable standards, and whether it is satisfied. */
export function requirementsSection(
  ruleSet: RuleSet,
  result: EvaluationResult,
  language: Language,
  index: RuleSetIndex,
): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const minimum = ruleSet.scoring.minMetPerRequirement;
  const rows = result.requirements.map((requirement) => {
    const share = requirement.applicable === 0 ? 0 : requirement.met / requirement.applicable;
    const status =
      requirement.applicable === 0
        ? `<span class="muted">${escapeHtml(say2('无适用标准', 'nothing applicable'))}</span>`
        : requirement.satisfied
          ? `<span class="good">✓ ${escapeHtml(say2('已覆盖', 'covered'))}</span>`
          : `<span class="bad">✗ ${escapeHtml(say2('未覆盖', 'uncovered'))}</span>`;
    return [
      escapeHtml(requirement.id),
      escapeHtml(say(index.requirementTitle(requirement.id), language)),
      escapeHtml(say(index.aspectTitle(requirement.aspectId), language)),
      `${requirement.met}/${requirement.applicable}`,
      shareBar(share, requirement.satisfied),
      status,
    ];
  });
  const note = say2(
    `每项要求至少需 ${minimum} 项标准符合。`,
    `Every requirement needs at least ${minimum} standard(s) met.`,
  );
  return `<h2>${escapeHtml(say2('各项要求的覆盖情况', 'Coverage of each requirement'))}</h2>
<p class="muted">${escapeHtml(note)}</p>
${table(
  [
    say2('编号', 'Id'),
    say2('要求', 'Requirement'),
    say2('方面', 'Aspect'),
    say2('符合/适用', 'Met/applicable'),
    '',
    say2('状态', 'Status'),
  ],
  rows,
  ['nowrap', '', 'nowrap', 'number', 'nowrap', 'nowrap'],
)}`;
}

/** Every standard not met (or missing data): its explanation in words and who is responsible. */
export function unmetSection(
  ruleSet: RuleSet,
  result: EvaluationResult,
  language: Language,
  index: RuleSetIndex,
): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const open = result.standards.filter(
    (standard) => standard.outcome === 'unmet' || standard.outcome === 'missing-data',
  );
  const heading = `<h2>${escapeHtml(say2('未符合的标准', 'Standards not met'))} (${open.length})</h2>`;
  const missingEvidence = new Map(
    unevidencedStandards(result, index).map((entry) => [entry.standard.id, entry.missing]),
  );
  if (open.length === 0)
    return `${heading}<p class="good">${escapeHtml(say2('全部适用标准均已符合。', 'Every applicable standard is met.'))}</p>`;
  const rows = open.map((standardResult) => {
    const standard = index.standard(standardResult.id);
    const owners = (standard.responsible ?? []).map((id) => escapeHtml(departmentTitle(id, language)));
    return [
      escapeHtml(standard.id),
      `${escapeHtml(say(standard.title, language))}<br><span class="muted">${escapeHtml(say(index.requirementTitle(standardResult.requirementId), language))}</span>`,
      `<span class="bad">${escapeHtml(say(outcomeNames[standardResult.outcome], language))}</span>`,
      `${explanationList(standardResult.explanation, ruleSet, standard, language)}${missingEvidenceNote(ruleSet, missingEvidence.get(standard.id), language)}`,
      owners.join('<br>') || `<span class="muted">—</span>`,
    ];
  });
  return `${heading}
${table(
  [
    say2('编号', 'Id'),
    say2('标准', 'Standard'),
    say2('结果', 'Outcome'),
    say2('说明', 'Explanation'),
    say2('责任部门', 'Responsible'),
  ],
  rows,
  ['nowrap', '', 'nowrap', '', ''],
)}`;
}

function missingEvidenceNote(
  ruleSet: RuleSet,
  missing: readonly string[] | undefined,
  language: Language,
): string {
  if (missing === undefined) return '';
  return `<p class="bad">${escapeHtml(missingEvidenceLine(ruleSet, missing, language))}</p>`;
}

/**
 * The standards self-assessed met without their required evidence: the documents missing, those provided,
 * and whether the rule set counts them as not met. Nothing when there are none.
 */
export function unevidencedSection(
  ruleSet: RuleSet,
  result: EvaluationResult,
  language: Language,
  index: RuleSetIndex,
): string {
  const unevidenced = unevidencedStandards(result, index);
  if (unevidenced.length === 0) return '';
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const rows = unevidenced.map(({ standard, missing, provided }) => [
    escapeHtml(standard.id),
    escapeHtml(say(standard.title, language)),
    `<span class="bad">${escapeHtml(say(missingEvidenceInWords(missing), language))}</span>`,
    provided.map((entry) => escapeHtml(say(evidenceEntryInWords(entry), language))).join('<br>') ||
      `<span class="muted">—</span>`,
  ]);
  return `<h2>${escapeHtml(unevidencedHeading(ruleSet, unevidenced.length, language))}</h2>
${table([say2('编号', 'Id'), say2('标准', 'Standard'), say2('缺少', 'Missing'), say2('已提供', 'Provided')], rows, ['nowrap', '', '', ''])}`;
}

function explanationList(
  explanation: EvaluationResult['standards'][number]['explanation'],
  ruleSet: RuleSet,
  standard: Standard,
  language: Language,
): string {
  const lines = explanationInWords(explanation, ruleSet, standard);
  if (lines.length === 0) return '';
  const items = lines.map((line) => {
    const className = line.result === null ? 'muted' : line.result ? 'good' : 'bad';
    const indent = line.depth > 0 ? ` style="padding-left:${line.depth * 16}px"` : '';
    return `<li${indent}><span class="mark ${className}">${resultMark(line.result)}</span>${escapeHtml(say(line.text, language))}</li>`;
  });
  return `<ul class="explanation">${items.join('')}</ul>`;
}

/** The cheapest set of fixes that makes the estate eligible, by responsible department. */
export function remediationSection(
  plan: RemediationPlan,
  result: EvaluationResult,
  language: Language,
  index: RuleSetIndex,
  costsGiven: boolean,
): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const heading = `<h2>${escapeHtml(say2('最省整改方案', 'Cheapest remediation plan'))}</h2>`;
  if (result.eligible)
    return `${heading}<p class="good">${escapeHtml(say2('已符合申报条件，无需整改。', 'Already eligible: nothing to fix.'))}</p>`;
  if (!plan.feasible) {
    const why: Record<NonNullable<RemediationPlan['blockedBy']>, [string, string]> = {
      OUT_OF_SCOPE: [
        '小区不在创建范围内，整改标准无法使其符合申报条件。',
        'The estate is out of scope: fixing standards cannot make it eligible.',
      ],
      SCOPE_UNKNOWN: [
        '缺少判断创建范围所需的数据，请先补充。',
        'The data to decide the scope is missing: answer it first.',
      ],
      UNREACHABLE: [
        '即使整改全部未符合的标准也无法达到申报条件。',
        'Even fixing every unmet standard would not make the estate eligible.',
      ],
    };
    const [zh, en] = why[plan.blockedBy ?? 'UNREACHABLE'];
    return `${heading}<p class="bad">${escapeHtml(say2(zh, en))}</p>`;
  }
  const costWords = costsGiven
    ? say2(`总成本 ${plan.totalCost}`, `total cost ${plan.totalCost}`)
    : say2('（未给出成本，按每项标准成本 1 计）', '(no costs given: each standard counts 1)');
  const summary = say2(
    `需整改 ${plan.steps.length} 项标准，${costWords}。`,
    `Fix ${plan.steps.length} standard(s), ${costWords}.`,
  );
  const byStandard = new Map(plan.steps.map((step) => [step.standardId, step]));
  const rows = Object.entries(plan.byResponsible).map(([department, standardIds]) => [
    escapeHtml(departmentTitle(department, language)),
    standardIds
      .map((id) => {
        const step = byStandard.get(id);
        const cost = costsGiven && step ? ` <span class="muted">(${escapeHtml(step.cost)})</span>` : '';
        const missing =
          step?.outcome === 'missing-data'
            ? ` <span class="muted">[${escapeHtml(say2('补充数据', 'answer the missing facts'))}]</span>`
            : '';
        // Unmet only for want of its evidence: providing the documents is the whole fix.
        const documents =
          step?.evidence !== undefined && step.evidence.length > 0
            ? ` <span class="muted">[${escapeHtml(say(missingEvidenceInWords(step.evidence), language))}]</span>`
            : '';
        return `${escapeHtml(id)} ${escapeHtml(say(index.standard(id).title, language))}${cost}${missing}${documents}`;
      })
      .join('<br>'),
  ]);
  return `${heading}<p>${escapeHtml(summary)}</p>
${table([say2('责任部门', 'Responsible'), say2('需整改的标准', 'Standards to fix')], rows, ['nowrap', ''])}`;
}

/** The facts the assessment lacks, which left standards undecided. */
export function missingFactsSection(ruleSet: RuleSet, result: EvaluationResult, language: Language): string {
  if (result.missingFacts.length === 0) return '';
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const items = result.missingFacts.map(
    (fact) => `<li>${escapeHtml(say(factInWords(ruleSet, fact), language))}</li>`,
  );
  return `<h2>${escapeHtml(say2('缺少的数据', 'Missing data'))}</h2>
<p class="muted">${escapeHtml(say2('以下事实未填写，相关标准按不符合计。', 'These facts are not answered; the standards that need them count as not met.'))}</p>
<ul>${items.join('')}</ul>`;
}
