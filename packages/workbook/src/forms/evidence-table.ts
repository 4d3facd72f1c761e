import type { Assessment, EvaluationResult, RuleSet } from '@sunshine-rubric/core';
import {
  evidenceEntryInWords,
  evidenceStatusInWords,
  unevidencedPolicyInWords,
} from '@sunshine-rubric/core/words';
import { evidenceByStandard, unevidencedOf } from '../cells/evidence-text.js';
import type { WorkbookLanguage } from '../cells/wording.js';
import { type FormBlock, wordsOf } from './form-document.js';

/** What the evidence list is made from. */
export interface EvidenceTableInput {
  readonly ruleSet: RuleSet;
  readonly assessment: Assessment;
  readonly result: EvaluationResult;
  readonly language: WorkbookLanguage;
}

/**
 * The evidence list (佐证材料清单): one row per standard that requires evidence or was given some, in the
 * rule set's order — the kinds it requires, each document provided (name, date, the start of its hash),
 * and what is missing; a standard self-assessed met without its evidence says what the rule set does
 * about it.
 */
export function evidenceTable(title: string, input: EvidenceTableInput): FormBlock {
  const { ruleSet, assessment, result, language } = input;
  const words = (text: { zh: string; en?: string }) => wordsOf(text, language);
  const headers = [
    words({ zh: '编号', en: 'Id' }),
    words({ zh: '标准', en: 'Standard' }),
    words({ zh: '所需材料', en: 'Required' }),
    words({ zh: '提供的材料', en: 'Provided' }),
    words({ zh: '情况', en: 'Status' }),
  ];
  const evidence = evidenceByStandard(ruleSet, assessment, result);
  const unevidenced = new Set(unevidencedOf(result));
  const policy = unevidencedPolicyInWords(ruleSet.scoring.unevidenced);
  const rows = ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) =>
      requirement.standards.flatMap((standard) => {
        const standardEvidence = evidence.get(standard.id);
        if (standardEvidence === undefined) return [];
        const status = words(evidenceStatusInWords(standardEvidence));
        return [
          [
            standard.id,
            words(standard.title),
            standardEvidence.required.join('\n'),
            standardEvidence.provided.map((entry) => words(evidenceEntryInWords(entry))).join('\n'),
            unevidenced.has(standard.id) ? `${status}\n${words(policy)}` : status,
          ],
        ];
      }),
    ),
  );
  if (rows.length === 0) {
    rows.push([
      words({ zh: '（规则集不要求佐证材料，评估也未提供）', en: '(no evidence required, none given)' }),
      '',
      '',
      '',
      '',
    ]);
  }
  return { title, kind: 'table', headers, rows, widths: [8, 30, 22, 34, 26] };
}
