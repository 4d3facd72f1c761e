import type { EvaluationResult, RuleSet, StandardEvidence } from '@sunshine-rubric/core';
import { evidenceEntryInWords, evidenceStatusInWords, say } from '@sunshine-rubric/core/words';
import type { WorkbookLanguage } from './wording.js';

// A result's evidence as the result workbook and the forms show it, in core's words.

/** True when evidence is worth a column: the rule set requires some, or the result carries some. */
export function showsEvidence(ruleSet: RuleSet, result: EvaluationResult): boolean {
  return (
    ruleSet.aspects.some((aspect) =>
      aspect.requirements.some((requirement) =>
        requirement.standards.some((standard) => (standard.evidence ?? []).length > 0),
      ),
    ) || result.standards.some((standard) => standard.evidence !== undefined)
  );
}

/**
 * The standards self-assessed met whose required evidence is missing: `[]` for a result stored before
 * evidence existed, which lacks the field.
 */
export function unevidencedOf(result: Pick<EvaluationResult, 'unevidenced'>): readonly string[] {
  return (result.unevidenced as readonly string[] | undefined) ?? [];
}

/** A standard's evidence in a cell: its status, then each document provided on a line of its own. */
export function evidenceCellText(evidence: StandardEvidence | undefined, language: WorkbookLanguage): string {
  if (evidence === undefined) return '';
  return [
    say(evidenceStatusInWords(evidence), language),
    ...evidence.provided.map((entry) => `· ${say(evidenceEntryInWords(entry), language)}`),
  ].join('\n');
}
