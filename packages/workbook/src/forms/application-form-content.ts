import type { Assessment, EvaluationResult, RuleSet } from '@sunshine-rubric/core';
import { outcomeNames, percentInWords, ruleSetLabel, say, verdictInWords } from '@sunshine-rubric/core/words';
import { type ApplicationState, reviewedResult } from '@sunshine-rubric/core/workflow';
import type { WorkbookLanguage } from '../cells/wording.js';
import { evidenceTable } from './evidence-table.js';
import { type FormBlock, type FormDocument, formNotices, wordsOf } from './form-document.js';
import type { ApplicationFormField, ApplicationFormLayout } from './form-layout.js';
import { receivedByNames, recordedNames, statusNames, tierNames } from './form-words.js';

/** What the application form is filled from. */
export interface ApplicationFormInput {
  readonly ruleSet: RuleSet;
  readonly assessment: Assessment;
  readonly result: EvaluationResult;
  readonly applicationState?: ApplicationState | undefined;
  readonly layout: ApplicationFormLayout;
  readonly language: WorkbookLanguage;
}

/** The application form's content: each section of the layout, filled in. */
export function applicationFormContent(input: ApplicationFormInput): FormDocument {
  const { layout, language } = input;
  const blocks = layout.sections.map((section): FormBlock => {
    const title = wordsOf(section.title, language);
    if (section.table === 'requirements') return requirementsTable(title, input);
    if (section.table === 'reviews') return reviewsTable(title, input);
    if (section.table === 'evidence') return evidenceTable(title, input);
    return {
      title,
      kind: 'fields',
      rows: (section.rows ?? []).map(
        (row) => [wordsOf(row.label, language), fieldValue(row.field, input)] as const,
      ),
    };
  });
  return {
    title: `${wordsOf(layout.title, language)}：${input.assessment.community.name}`,
    notices: formNotices(layout, input.ruleSet),
    blocks,
  };
}

function fieldValue(field: ApplicationFormField, input: ApplicationFormInput): string {
  const { ruleSet, assessment, result, applicationState: state, language } = input;
  const words = (text: { zh: string; en?: string }) => wordsOf(text, language);
  if (field.startsWith('community.')) return shown(assessment.community[field.slice('community.'.length)]);
  switch (field) {
    case 'assessment.id':
      return assessment.id;
    case 'assessment.assessedAt':
      return shown(assessment.assessedAt);
    case 'ruleSet':
      return `${ruleSet.title.zh}（${ruleSetLabel(ruleSet)}）`;
    case 'selfCheck.verdict':
      return words(verdictInWords(result));
    case 'selfCheck.compliance':
      return complianceText(result);
    case 'selfCheck.score':
      return result.score === undefined
        ? ''
        : `${result.score.points} / ${result.score.max}（${result.score.passMark}）`;
    case 'selfCheck.reasons':
      return result.reasons.map((reason) => words(reason.message)).join('\n');
    case 'application.status':
      return state === undefined ? '' : words(statusNames[state.status]);
    case 'application.year':
      return shown(state?.year);
    case 'application.appliedOn':
      return shown(state?.appliedOn);
    case 'application.certifiedOn':
      return shown(state?.certifiedOn);
    case 'application.receivedBy':
      return state?.receivedBy === undefined ? '' : words(receivedByNames[state.receivedBy]);
    default:
      return '';
  }
}

/** `17 / 20（85%）`: standards met of those applicable, and the share. */
export function complianceText(result: Pick<EvaluationResult, 'compliance'>): string {
  const { met, applicable } = result.compliance;
  return applicable === 0 ? `${met} / 0` : `${met} / ${applicable}（${percentInWords(met / applicable)}）`;
}

function requirementsTable(title: string, input: ApplicationFormInput): FormBlock {
  const { ruleSet, result, language } = input;
  const headers = [
    wordsOf({ zh: '编号', en: 'Id' }, language),
    wordsOf({ zh: '要求', en: 'Requirement' }, language),
    wordsOf({ zh: '达标/适用', en: 'Met/applicable' }, language),
    wordsOf({ zh: '是否满足', en: 'Satisfied' }, language),
  ];
  const byId = new Map(result.requirements.map((requirement) => [requirement.id, requirement]));
  const rows = ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.map((requirement) => {
      const counted = byId.get(requirement.id);
      return [
        requirement.id,
        wordsOf(requirement.title, language),
        counted === undefined ? '' : `${counted.met} / ${counted.applicable}`,
        counted === undefined
          ? ''
          : wordsOf(counted.satisfied ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' }, language),
      ];
    }),
  );
  return { title, kind: 'table', headers, rows, widths: [8, 48, 12, 10] };
}

function reviewsTable(title: string, input: ApplicationFormInput): FormBlock {
  const { ruleSet, result, applicationState: state, language } = input;
  const headers = [
    wordsOf({ zh: '环节', en: 'Tier' }, language),
    wordsOf({ zh: '结论', en: 'Verdict' }, language),
    wordsOf({ zh: '审核意见（标准、理由）', en: 'Decisions (standard, reason)' }, language),
    wordsOf({ zh: '审核人及日期', en: 'Reviewer and date' }, language),
  ];
  if (state === undefined) {
    const none = wordsOf({ zh: '（未提供申报记录）', en: '(no application log given)' }, language);
    return { title, kind: 'table', headers, rows: [[none, '', '', '']], widths: [16, 22, 48, 20] };
  }
  const review = reviewedResult(ruleSet, result, state);
  const selfRow = [
    wordsOf({ zh: '自查', en: 'self-check' }, language),
    `${wordsOf(verdictInWords(result), language)}\n${complianceText(result)}`,
    '',
    '',
  ];
  const rows = review.tiers.map((tier) => {
    const decided = (state.decisions ?? []).filter((decision) => decision.tier === tier.tier);
    const differences = tier.differences.map((difference) => {
      const why =
        difference.decision === 'disagree'
          ? (difference.reason ?? '')
          : `${wordsOf({ zh: '整改', en: 'fix' }, language)}：${difference.what ?? ''}（${difference.by ?? ''}）`;
      return `${difference.standardId} ${say(outcomeNames[difference.before], 'zh')}→${say(outcomeNames[difference.reviewed], 'zh')}：${why}`;
    });
    const recorded =
      tier.recorded === undefined ? '' : `\n${wordsOf(recordedNames[tier.recorded], language)}`;
    const agreed = wordsOf(
      { zh: `审核标准 ${tier.decided} 项`, en: `${tier.decided} standards decided` },
      language,
    );
    const reviewers = [...new Set(decided.map((decision) => `${decision.actor} ${decision.date}`))];
    return [
      wordsOf(tierNames[tier.tier], language),
      `${wordsOf(verdictInWords(tier.result), language)}\n${complianceText(tier.result)}${recorded}`,
      [agreed, ...differences].join('\n'),
      reviewers.join('\n'),
    ];
  });
  return { title, kind: 'table', headers, rows: [selfRow, ...rows], widths: [16, 22, 48, 20] };
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}
