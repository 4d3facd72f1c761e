import { assessmentEvidence } from '../assessment/read-facts.js';
import { RubricError } from '../errors/rubric-error.js';
import type { EvidenceByPosition, EvidenceRulesForStandards } from '../evidence/evidence-rules.js';
import type { Reason, StandardEvidence, StandardResult } from '../result/types.js';
import type { RubricLayout } from './layout.js';
import { OutcomeCode, outcomeCode, outcomeNames } from './outcome-codes.js';

const byLayout = new WeakMap<RubricLayout, EvidenceRulesForStandards>();

/**
 * The evidence rules bound to a laid-out rule set's standards, made once per layout.
 *
 * @example
 * ```ts
 * const forLayout = evidenceRulesOf(layout);
 * forLayout.requiresAny; // true for guangxi-2021: every standard requires documents
 * ```
 */
export function evidenceRulesOf(layout: RubricLayout): EvidenceRulesForStandards {
  let bound = byLayout.get(layout);
  if (bound === undefined) {
    bound = assessmentEvidence.forStandards(
      layout.standards.map((standard) => ({
        id: standard.id,
        requirementId: standard.requirementId,
        aspectId: standard.aspectId,
        // A copy, not the rule set's deep-frozen list: V8 slices and filters a frozen array on a generic
        // path some 20× slower, and each standard's evidence in a result copies its required list.
        required: standard.evidence === undefined ? [] : [...standard.evidence],
      })),
    );
    byLayout.set(layout, bound);
  }
  return bound;
}

/** What one evaluation decided about evidence: the entries read, and which met standards lack theirs. */
export interface ResultEvidence {
  readonly rules: EvidenceRulesForStandards;
  readonly entries: EvidenceByPosition | undefined;
  /**
   * Positions of the unevidenced standards, in rule-set order; `undefined` under `'shown'`, where they
   * change no outcome and are found when first asked for ({@link unevidencedIds}).
   */
  readonly unevidenced: readonly number[] | undefined;
  /** Whether they count as unmet (`scoring.unevidenced: 'unmet'`). */
  readonly counted: boolean;
}

/**
 * Reads an assessment's evidence against the rule set and finds the unevidenced standards among those
 * decided met (`outcomes[position] === metCode`); under `scoring.unevidenced: 'unmet'` it sets their
 * outcome to `unmetCode` in place. `undefined`, at no cost, when the assessment cites no evidence and no
 * standard requires any. `given` is the evidence as `readFactSlots` (or `readAssessment`) read it, its
 * shape checked on that very value.
 *
 * @throws {RubricError} `INVALID_ASSESSMENT` for a standard the rule set does not have (`['evidence', standardId]`, kind `unknown-standard`).
 * @example
 * ```ts
 * const evidence = decideEvidence(forLayout, 'unmet', readAssessment(assessment, layout.facts, 'error').evidence, outcomes, OutcomeCode.met, OutcomeCode.unmet);
 * ```
 */
export function decideEvidence(
  forLayout: EvidenceRulesForStandards,
  policy: 'shown' | 'unmet' | undefined,
  given: unknown,
  outcomes: number[],
  metCode: number,
  unmetCode: number,
): ResultEvidence | undefined {
  if (given === undefined && !forLayout.requiresAny) return undefined;
  if (policy !== 'unmet') {
    // The evidence is read (and refused) now; which standards lack theirs waits until it is asked for.
    const { issues, entries } = forLayout.read(given);
    if (issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', issues);
    return { rules: forLayout, entries, unevidenced: undefined, counted: false };
  }
  const { issues, entries, unevidenced } = forLayout.decide(given, outcomes, metCode, unmetCode, true);
  if (issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', issues);
  return { rules: forLayout, entries, unevidenced, counted: true };
}

/**
 * The result's `unevidenced`: the ids of the unevidenced standards (a new list, `[]` when none), found
 * from the outcomes `decideEvidence` was given unless it found them.
 *
 * @example
 * ```ts
 * result.unevidenced = unevidencedIds(standards, evidence, outcomes);
 * ```
 */
export function unevidencedIds(
  standards: readonly { readonly id: string }[],
  evidence: ResultEvidence | undefined,
  outcomes: ArrayLike<number>,
): string[] {
  if (evidence === undefined) return [];
  return unevidencedPositions(evidence, outcomes).map((position) => standards[position]!.id);
}

function unevidencedPositions(evidence: ResultEvidence, outcomes: ArrayLike<number>): readonly number[] {
  return evidence.unevidenced ?? evidence.rules.unevidenced(outcomes, OutcomeCode.met, evidence.entries);
}

/**
 * A standard's evidence for its result, or `undefined` when it has none to show.
 *
 * @example
 * ```ts
 * const shown = standardEvidenceOf(evidence, position); // { required, provided, missing, extra }
 * ```
 */
export function standardEvidenceOf(
  evidence: ResultEvidence | undefined,
  position: number,
): StandardEvidence | undefined {
  return evidence?.rules.standardEvidence(position, evidence.entries);
}

/**
 * The `EVIDENCE_MISSING` reasons, one per unevidenced standard in rule-set order, when they count as
 * unmet; none otherwise (under `'shown'` they never change the verdict). `missingOf` gives a standard's
 * missing documents.
 *
 * @example
 * ```ts
 * reasons.push(...evidenceReasons(evidence, (position) => evidence.rules.missingAt(position, evidence.entries)));
 * ```
 */
export function evidenceReasons(
  evidence: Pick<ResultEvidence, 'rules' | 'unevidenced' | 'counted'> | undefined,
  missingOf: (position: number) => readonly string[],
): Reason[] {
  if (evidence === undefined || !evidence.counted) return [];
  return (evidence.unevidenced ?? []).map((position) =>
    evidence.rules.reasonFor(position, missingOf(position)),
  );
}

/**
 * Standards decided by a backend that builds each result (the json-rules-engine reference) with the
 * assessment's evidence (`given`, as `readFactSlots` read it): each one's `evidence`, and under `scoring.unevidenced: 'unmet'` the unevidenced
 * ones unmet; with the positions of the unevidenced, for `assembleResult`.
 *
 * @example
 * ```ts
 * const evidenced = withEvidence(layout, readAssessment(assessment, layout.facts, 'error').evidence, standards);
 * assembleResult(layout, assessment.id, scope, evidenced.standards, missingFacts, evidenced.unevidenced);
 * ```
 */
export function withEvidence(
  layout: RubricLayout,
  given: unknown,
  decided: readonly StandardResult[],
): { standards: readonly StandardResult[]; unevidenced: readonly number[] } {
  const outcomes = decided.map((standard) => outcomeCode(standard.outcome));
  const met = outcomeCode('met');
  const evidence = decideEvidence(
    evidenceRulesOf(layout),
    layout.ruleSet.scoring.unevidenced,
    given,
    outcomes,
    met,
    outcomeCode('unmet'),
  );
  if (evidence === undefined) return { standards: decided, unevidenced: [] };
  const standards = decided.map((standard, position) => {
    const outcome = outcomeNames[outcomes[position]!]!;
    const shown = standardEvidenceOf(evidence, position);
    return shown === undefined ? { ...standard, outcome } : { ...standard, outcome, evidence: shown };
  });
  return { standards, unevidenced: unevidencedPositions(evidence, outcomes) };
}
