import type { EvidenceEntry, StandardEvidence } from '../evidence/evidence-rules.js';
import type { FactReference, FactValue, Provenance, Text } from '../rule-set/types.js';

export type { EvidenceEntry, StandardEvidence };

/** What became of one standard for one estate. */
export type Outcome = 'met' | 'unmet' | 'not-applicable' | 'missing-data';

/**
 * A condition node as evaluated. `result` is `null` when a fact below it is missing from the assessment:
 * the node cannot be decided, and the standard's outcome is `missing-data`.
 */
export type ExplanationNode =
  | {
      readonly kind: 'leaf';
      readonly fact: string;
      readonly operator: string;
      /** The condition's value: a literal, a list, or another fact (`{ fact: 'requiredGreenArea' }`). */
      readonly expected: FactValue | readonly FactValue[] | FactReference;
      /** The assessment's value, or `null` when the assessment lacks the fact. */
      readonly actual: FactValue | null;
      /**
       * Only when `expected` is another fact: the assessment's value of that fact, or `null` when the
       * assessment lacks it.
       */
      readonly expectedActual?: FactValue | null;
      readonly result: boolean | null;
    }
  | {
      readonly kind: 'all' | 'any';
      readonly result: boolean | null;
      readonly children: readonly ExplanationNode[];
    }
  | { readonly kind: 'not'; readonly result: boolean | null; readonly child: ExplanationNode }
  | {
      /**
       * A reference to a shared condition (`{ condition: 'hasLifts' }`): `condition` is its name and
       * `child` its expansion, evaluated; `result` is the child's.
       */
      readonly kind: 'reference';
      readonly condition: string;
      readonly result: boolean | null;
      readonly child: ExplanationNode;
    };

/** Every leaf of a standard's conditions, evaluated — including those a short circuit would skip. */
export interface StandardExplanation {
  /** The `applicableWhen` condition, when the standard has one. */
  readonly applicable?: ExplanationNode;
  readonly condition: ExplanationNode;
}

export interface StandardResult {
  readonly id: string;
  readonly requirementId: string;
  readonly aspectId: string;
  /**
   * The verdict. Under `scoring.unevidenced: 'unmet'`, a standard whose condition holds but whose required
   * evidence is missing is `unmet` (it is listed in the result's `unevidenced`).
   */
  readonly outcome: Outcome;
  /** Absent when the evaluator was asked for a verdict only (`explain: false`). */
  readonly explanation?: StandardExplanation;
  /** Present when the standard requires evidence or the assessment gave entries for it. */
  readonly evidence?: StandardEvidence;
}

export interface RequirementResult {
  readonly id: string;
  readonly aspectId: string;
  readonly met: number;
  readonly applicable: number;
  /** True when the requirement has no applicable standard (exempt) or enough met ones. */
  readonly satisfied: boolean;
}

export interface AspectResult {
  readonly id: string;
  readonly met: number;
  readonly applicable: number;
  /** met ÷ applicable, 0 when nothing is applicable. */
  readonly rate: number;
  /** Points of met standards (points mode). */
  readonly points?: number;
  /** Points of applicable standards (points mode). */
  readonly maxPoints?: number;
}

/** Why an estate is not eligible, with the numbers to act on and a sentence in Chinese and English. */
export type Reason =
  | ReasonBase<'OUT_OF_SCOPE', { readonly facts: readonly string[] }>
  | ReasonBase<'SCOPE_UNKNOWN', { readonly missingFacts: readonly string[] }>
  | ReasonBase<
      'BELOW_THRESHOLD',
      {
        readonly met: number;
        readonly applicable: number;
        readonly threshold: number;
        readonly required: number;
        readonly shortfall: number;
      }
    >
  | ReasonBase<
      'REQUIREMENT_UNCOVERED',
      {
        readonly requirementId: string;
        readonly aspectId: string;
        readonly met: number;
        readonly required: number;
      }
    >
  | ReasonBase<
      'BELOW_PASS_MARK',
      { readonly points: number; readonly passMark: number; readonly shortfall: number }
    >
  | ReasonBase<
      'BELOW_ASPECT_MINIMUM',
      { readonly aspectId: string; readonly points: number; readonly minimum: number }
    >
  | ReasonBase<'NO_APPLICABLE_STANDARDS', Record<never, never>>
  | ReasonBase<
      'MISSING_DATA',
      { readonly missingFacts: readonly string[]; readonly standards: readonly string[] }
    >
  | ReasonBase<
      'EVIDENCE_MISSING',
      {
        readonly standardId: string;
        readonly requirementId: string;
        readonly aspectId: string;
        /** The required kinds of document no entry provides. */
        readonly missing: readonly string[];
      }
    >;

export type ReasonCode = Reason['code'];

/** The fields every reason has: its code and a sentence in Chinese and English. */
export type ReasonBase<Code extends string, Details> = {
  readonly code: Code;
  readonly message: Text;
} & Details;

/** The verdict on one estate under one rule set, and everything that explains it. */
export interface EvaluationResult {
  readonly ruleSet: { readonly id: string; readonly version: string; readonly provenance: Provenance };
  readonly assessmentId: string;
  readonly inScope: boolean;
  /**
   * Whether the estate is in the rule set's `focus` (the estates a policy's targets count): `true`, `false`,
   * or `null` when the assessment lacks a fact the focus reads (`factsReadBy(ruleSet.focus)` names them).
   * Absent when the rule set has no focus. Reported only: it never changes `eligible` or `reasons`, and
   * the facts it lacks are not listed in `missingFacts`.
   */
  readonly inFocus?: boolean | null;
  readonly eligible: boolean;
  readonly compliance: {
    readonly met: number;
    readonly applicable: number;
    readonly total: number;
    readonly rate: number;
  };
  readonly score?: { readonly points: number; readonly max: number; readonly passMark: number };
  readonly standards: readonly StandardResult[];
  readonly requirements: readonly RequirementResult[];
  readonly aspects: readonly AspectResult[];
  /** Empty exactly when `eligible` is true. */
  readonly reasons: readonly Reason[];
  /** Facts the assessment lacks that left a standard (or the scope) undecided, in catalog order. */
  readonly missingFacts: readonly string[];
  /**
   * Standards self-assessed met (their conditions hold) whose required evidence is missing, in rule-set
   * order; `[]` when none. Under `scoring.unevidenced: 'unmet'` they count as unmet (an `EVIDENCE_MISSING`
   * reason each, when not eligible); under `'shown'` (the default) they are only reported. Results stored
   * before evidence existed lack it: read as `[]`.
   */
  readonly unevidenced: readonly string[];
}
