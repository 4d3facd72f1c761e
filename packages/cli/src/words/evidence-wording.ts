import type { EvaluationResult, EvidenceEntry, RuleSet, Standard } from '@sunshine-rubric/core';
import { missingEvidenceInWords, say, unevidencedPolicyInWords } from '@sunshine-rubric/core/words';
import type { Language } from './language.js';
import { type RuleSetIndex, text } from './wording.js';

// The standards self-assessed met without their required evidence, as the CLI's text and its HTML report
// list them: the words are core's, so both say what the result workbook and the forms say.

/**
 * The standards self-assessed met without their evidence: `[]` for a result without the field (evaluated
 * before evidence existed).
 *
 * @example
 * ```ts
 * unevidencedIn(evaluator.evaluate(assessment)); // ['S01', 'S07']
 * ```
 */
export function unevidencedIn(result: Pick<EvaluationResult, 'unevidenced'>): readonly string[] {
  return (result.unevidenced as readonly string[] | undefined) ?? [];
}

/** A standard self-assessed met whose required evidence is missing, with what is missing. */
export interface UnevidencedStandard {
  readonly standard: Standard;
  readonly missing: readonly string[];
  readonly provided: readonly EvidenceEntry[];
}

/**
 * The result's unevidenced standards in rule-set order: none for a result stored before evidence existed
 * (it lacks the field).
 */
export function unevidencedStandards(result: EvaluationResult, index: RuleSetIndex): UnevidencedStandard[] {
  const unevidenced = unevidencedIn(result);
  const byId = new Map(result.standards.map((standard) => [standard.id, standard]));
  return unevidenced.map((id) => {
    const standard = index.standard(id);
    const evidence = byId.get(id)?.evidence;
    return {
      standard,
      missing: evidence?.missing ?? standard.evidence ?? [],
      provided: evidence?.provided ?? [],
    };
  });
}

/** `缺少佐证材料的标准 (3)（仅作提示：缺少佐证材料不影响结论）`: the heading, with what the rule set does. */
export function unevidencedHeading(ruleSet: RuleSet, count: number, language: Language): string {
  const policy = say(unevidencedPolicyInWords(ruleSet.scoring.unevidenced), language);
  return say(
    text(
      `缺少佐证材料的标准 (${count})（${policy}）`,
      `Standards self-assessed met without their evidence (${count}) (${policy})`,
    ),
    language,
  );
}

/** `缺少佐证材料：《监控点位图》`, and when the rule set counts it as unmet, that this is why. */
export function missingEvidenceLine(
  ruleSet: RuleSet,
  missing: readonly string[],
  language: Language,
): string {
  const words = say(missingEvidenceInWords(missing), language);
  if (ruleSet.scoring.unevidenced !== 'unmet') return words;
  return `${words}${say(text('（因此按不符合计）', ' (which is why it counts as not met)'), language)}`;
}
