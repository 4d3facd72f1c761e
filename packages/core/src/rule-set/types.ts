import type { PolicyDocument } from '../provenance/policy-document.js';
/** Bilingual text. Chinese (`zh`) is the authoritative wording; `en` helps non-Chinese readers. */
export interface Text {
  readonly zh: string;
  readonly en?: string;
}

/** The value types a fact can hold. Dates are ISO `YYYY-MM-DD` strings. */
export type FactType = 'boolean' | 'integer' | 'number' | 'string' | 'date' | 'enum';

/**
 * Every {@link FactType}, in the order the format lists them: the one list the schema, the checks and the
 * operators read.
 *
 * @example
 * ```ts
 * allFactTypes.includes('date'); // true
 * ```
 */
export const allFactTypes = [
  'boolean',
  'integer',
  'number',
  'string',
  'date',
  'enum',
] as const satisfies readonly FactType[];

/** A scalar fact value, as it appears in an assessment. */
export type FactValue = boolean | number | string;

/** One entry of a rule set's fact catalog. */
export interface FactDefinition {
  readonly type: FactType;
  readonly title: Text;
  /** The allowed values of an `enum` fact. */
  readonly values?: readonly string[];
  /** Inclusive lower bound of a numeric fact. */
  readonly min?: number;
  /** Inclusive upper bound of a numeric fact. */
  readonly max?: number;
  readonly unit?: string;
}

/** The built-in operators of json-rules-engine that the format accepts. */
export type BuiltInOperator =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain';

/**
 * Another fact in place of a condition's literal value (json-rules-engine's fact reference): the leaf
 * compares its fact's value with this fact's value.
 */
export interface FactReference {
  readonly fact: string;
}

/** A comparison of one fact with a literal value, or with another fact's value. */
export interface LeafCondition {
  readonly fact: string;
  /** A built-in operator, or a custom one contributed by a plugin. */
  readonly operator: BuiltInOperator | (string & {});
  readonly value: FactValue | readonly FactValue[] | FactReference;
  /** Accepted for json-rules-engine compatibility; rejected by validation, since facts are scalar. */
  readonly path?: string;
}

/** All of the conditions hold. */
export interface AllCondition {
  readonly all: readonly Condition[];
}
/** At least one of the conditions holds. */
export interface AnyCondition {
  readonly any: readonly Condition[];
}
/** The condition does not hold. */
export interface NotCondition {
  readonly not: Condition;
}

/**
 * A reference to one of the rule set's shared conditions (`conditions: { hasLifts: … }`), as
 * json-rules-engine writes one (`engine.setCondition`): it stands for the named condition, wherever a
 * condition may stand. Format version 2.
 */
export interface ConditionReference {
  readonly condition: string;
}

/**
 * json-rules-engine's condition format: `all` / `any` / `not` trees of fact comparisons, and references to
 * the rule set's shared conditions.
 */
export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition | ConditionReference;

/** A rule set's shared conditions, by name: each defined once and referenced as `{ condition: name }`. */
export type SharedConditions = Readonly<Record<string, Condition>>;

/**
 * The versions of the rule-set format. Version 2 adds shared conditions (`conditions` and
 * `{ condition: name }`) and fact-valued comparisons (`value: { fact }`); a version 1 document means what
 * it always meant.
 */
export type FormatVersion = 1 | 2;

/** Eligible when met ÷ applicable reaches `threshold` and every requirement has enough standards met. */
export interface ComplianceRateScoring {
  readonly mode: 'compliance-rate';
  /** A share between 0 and 1, compared exactly: 17 of 20 reaches 0.85. */
  readonly threshold: number;
  /** Standards that must be met in every requirement that has an applicable standard. */
  readonly minMetPerRequirement: number;
  /** Not-applicable standards leave the denominator. */
  readonly notApplicable: 'exclude';
  /** What a standard self-assessed met without its required evidence does (see {@link UnevidencedPolicy}). */
  readonly unevidenced?: UnevidencedPolicy;
}

/** Eligible when the points of met standards reach `passMark` (and every aspect minimum). */
export interface PointsScoring {
  readonly mode: 'points';
  readonly passMark: number;
  /** Points that the met standards of an aspect must reach, by aspect id. */
  readonly aspectMinimums?: Readonly<Record<string, number>>;
  /** Standards that must be met in every requirement that has an applicable standard (default 0). */
  readonly minMetPerRequirement: number;
  /** What a standard self-assessed met without its required evidence does (see {@link UnevidencedPolicy}). */
  readonly unevidenced?: UnevidencedPolicy;
}

/**
 * What a standard whose condition holds but whose required evidence (`evidence`) the assessment does not
 * cite does to the verdict: `'shown'` (the default when absent) nothing, it is only listed in the result's
 * `unevidenced`; `'unmet'` it counts as unmet, with an `EVIDENCE_MISSING` reason naming the documents.
 *
 * @example
 * ```ts
 * const scoring: Scoring = { mode: 'compliance-rate', threshold: 0.85, minMetPerRequirement: 1, notApplicable: 'exclude', unevidenced: 'unmet' };
 * ```
 */
export type UnevidencedPolicy = 'shown' | 'unmet';

export type Scoring = ComplianceRateScoring | PointsScoring;

/** The smallest scored unit: met when its condition holds. */
export interface Standard {
  readonly id: string;
  readonly title: Text;
  readonly condition: Condition;
  /** When present and false, the standard is not applicable and leaves the denominator. */
  readonly applicableWhen?: Condition;
  /** Points earned when met (points mode). */
  readonly points?: number;
  /** Ids of the departments or bodies that own this standard and fix it when unmet. */
  readonly responsible?: readonly string[];
  /**
   * The evidence (佐证材料) the standard requires: each string names a kind of document that shows it is
   * met (e.g. `建设用地批准文件`). An assessment cites documents under `evidence[standardId]`, each entry's
   * `kind` one of these; a standard self-assessed met without one of them is *unevidenced* (see
   * `scoring.unevidenced`).
   */
  readonly evidence?: readonly string[];
  /** The clause or document this standard rests on, in words (what tables print in their 依据 column). */
  readonly basis?: string;
  /**
   * What the standard rests on, typed: clauses of a plan, other public sources, or the rule-set author's
   * own drafting. Each ground says whether its source requires the measure or only encourages it.
   */
  readonly grounds?: readonly Ground[];
  /** Values in `condition` or `applicableWhen` that the rule-set author chose (no source states them). */
  readonly drafted?: readonly DraftedValue[];
}

/**
 * One thing a standard rests on. `encouraged: true` says the source only encourages the measure (鼓励, 支持):
 * a rubric should not make such a standard the only way to satisfy its requirement.
 */
export type Ground =
  | {
      readonly kind: 'plan-clause';
      /** The clause, as the plan numbers it, e.g. `四（十）`. */
      readonly clause: string;
      /** The words of the clause the standard rests on, verbatim. */
      readonly quote?: string;
      readonly encouraged?: boolean;
    }
  | {
      readonly kind: 'public-source';
      /** What the source is, e.g. a news item of the region's housing department. */
      readonly source: string;
      /** When it was published, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
      readonly date?: string;
      readonly url?: string;
      readonly encouraged?: boolean;
    }
  | {
      readonly kind: 'project-drafting';
      /** Why the rule-set author drafted this (there is no clause to cite). */
      readonly note: string;
    };

/**
 * A value of a standard's condition that the rule-set author chose, with why: the leaf of `fact` (in
 * `condition` or `applicableWhen`) whose `value` this is. Outputs show "drafted" next to such a value.
 */
export interface DraftedValue {
  readonly fact: string;
  readonly value: FactValue | readonly FactValue[];
  readonly note: string;
}

export interface Requirement {
  readonly id: string;
  readonly title: Text;
  readonly standards: readonly Standard[];
}

export interface Aspect {
  readonly id: string;
  readonly title: Text;
  readonly requirements: readonly Requirement[];
}

/** Where a rule set's wording comes from. Every output built from a provisional rule set says so. */
export interface Provenance {
  readonly status: 'official' | 'provisional';
  readonly source: string;
  readonly notes?: string;
  /** The policy documents the rule set rests on, e.g. 桂建保〔2021〕3号. */
  readonly basis?: readonly PolicyDocument[];
}

/** A validated, normalised, deep-frozen rule set, as returned by `defineRuleSet`. */
export interface RuleSet {
  /**
   * The document's `formatVersion`; when the document gives none, the lowest version that expresses it
   * (2 when it uses shared conditions or fact-valued comparisons, else 1).
   */
  readonly formatVersion: FormatVersion;
  readonly id: string;
  readonly version: string;
  readonly title: Text;
  readonly provenance: Provenance;
  readonly effective?: { readonly from: string; readonly until?: string };
  /** `id@version` of the rule set this one was derived from by `extendRuleSet`. */
  readonly extends?: string;
  readonly facts: Readonly<Record<string, FactDefinition>>;
  /** Shared conditions, by name, referenced as `{ condition: name }` (format version 2). */
  readonly conditions?: SharedConditions;
  /** An estate must meet this to be in scope at all. */
  readonly scope?: Condition;
  /**
   * The estates a policy concentrates on (its targets count them), reported on every result as `inFocus`.
   * Never a gate: it does not change eligibility.
   */
  readonly focus?: Condition;
  readonly scoring: Scoring;
  readonly aspects: readonly Aspect[];
}
