import type { Assessment, EvaluationResult, RuleSet, StandardEvidence } from '@sunshine-rubric/core';
import { evidenceRules } from '@sunshine-rubric/core/internal';
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

type EvidenceStandard = Parameters<ReturnType<typeof evidenceRules>['forStandards']>[0][number];

/** The rule set's standards in order, as core's evidence rules take them. */
export function evidenceStandards(ruleSet: RuleSet): EvidenceStandard[] {
  return ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) =>
      requirement.standards.map((standard) => ({
        id: standard.id,
        title: standard.title,
        requirementId: requirement.id,
        aspectId: aspect.id,
        required: standard.evidence ?? [],
      })),
    ),
  );
}

/**
 * Each standard's evidence, by id, for the standards that require some or were given some: the result's
 * own when it carries evidence, else worked out from the assessment by core's evidence rules (a result
 * stored before evidence existed).
 */
export function evidenceByStandard(
  ruleSet: RuleSet,
  assessment: Pick<Assessment, 'evidence'>,
  result: EvaluationResult,
): Map<string, StandardEvidence> {
  const byId = new Map<string, StandardEvidence>();
  if (result.standards.some((standard) => standard.evidence !== undefined)) {
    for (const standard of result.standards) if (standard.evidence) byId.set(standard.id, standard.evidence);
    return byId;
  }
  const standards = evidenceStandards(ruleSet);
  const rules = evidenceRules().forStandards(standards);
  const { entries } = rules.read(assessment.evidence);
  standards.forEach((standard, position) => {
    const evidence = rules.standardEvidence(position, entries);
    if (evidence !== undefined) byId.set(standard.id, evidence);
  });
  return byId;
}
