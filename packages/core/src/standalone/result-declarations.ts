// Generated from core's result types by scripts/write-result-declarations.ts: do not edit.
// `pnpm standalone:declarations` writes it again; a test fails when it differs from what the types give.

/**
 * The declarations of core's `EvaluationResult` and every type it reaches (`result/types.ts`), and of an
 * error's issue (`RubricIssue`), as their source writes them: what a standalone module's `.d.mts` declares
 * in the file itself, so that its consumers need no dependency on core.
 *
 * @example
 * ```ts
 * const declarations = `${resultDeclarations}export declare function evaluate(): EvaluationResult;\n`;
 * ```
 */
export const resultDeclarations: string = `/** What became of one standard for one estate. */
export type Outcome = 'met' | 'unmet' | 'not-applicable' | 'missing-data';

/**
 * A condition node as evaluated. \`result\` is \`null\` when a fact below it is missing from the assessment:
 * the node cannot be decided, and the standard's outcome is \`missing-data\`.
 */
export type ExplanationNode =
  | {
      readonly kind: 'leaf';
      readonly fact: string;
      readonly operator: string;
      /** The condition's value: a literal, a list, or another fact (\`{ fact: 'requiredGreenArea' }\`). */
      readonly expected: FactValue | readonly FactValue[] | FactReference;
      /** The assessment's value, or \`null\` when the assessment lacks the fact. */
      readonly actual: FactValue | null;
      /**
       * Only when \`expected\` is another fact: the assessment's value of that fact, or \`null\` when the
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
       * A reference to a shared condition (\`{ condition: 'hasLifts' }\`): \`condition\` is its name and
       * \`child\` its expansion, evaluated; \`result\` is the child's.
       */
      readonly kind: 'reference';
      readonly condition: string;
      readonly result: boolean | null;
      readonly child: ExplanationNode;
    };

/** Every leaf of a standard's conditions, evaluated — including those a short circuit would skip. */
export interface StandardExplanation {
  /** The \`applicableWhen\` condition, when the standard has one. */
  readonly applicable?: ExplanationNode;
  readonly condition: ExplanationNode;
}

export interface StandardResult {
  readonly id: string;
  readonly requirementId: string;
  readonly aspectId: string;
  /**
   * The verdict. Under \`scoring.unevidenced: 'unmet'\`, a standard whose condition holds but whose required
   * evidence is missing is \`unmet\` (it is listed in the result's \`unevidenced\`).
   */
  readonly outcome: Outcome;
  /** Absent when the evaluator was asked for a verdict only (\`explain: false\`). */
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
   * Whether the estate is in the rule set's \`focus\` (the estates a policy's targets count): \`true\`, \`false\`,
   * or \`null\` when the assessment lacks a fact the focus reads (\`factsReadBy(ruleSet.focus)\` names them).
   * Absent when the rule set has no focus. Reported only: it never changes \`eligible\` or \`reasons\`, and
   * the facts it lacks are not listed in \`missingFacts\`.
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
  /** Empty exactly when \`eligible\` is true. */
  readonly reasons: readonly Reason[];
  /** Facts the assessment lacks that left a standard (or the scope) undecided, in catalog order. */
  readonly missingFacts: readonly string[];
  /**
   * Standards self-assessed met (their conditions hold) whose required evidence is missing, in rule-set
   * order; \`[]\` when none. Under \`scoring.unevidenced: 'unmet'\` they count as unmet (an \`EVIDENCE_MISSING\`
   * reason each, when not eligible); under \`'shown'\` (the default) they are only reported. Results stored
   * before evidence existed lack it: read as \`[]\`.
   */
  readonly unevidenced: readonly string[];
}

/**
 * One problem, located by a JSON path into the input that caused it. \`Kind\` is the kinds it may have: by
 * default any kind of the library's table (\`issueKinds\`); \`IssueOf<'INVALID_RULE_SET'>\` is an issue of
 * that code.
 */
export interface RubricIssue<Kind extends string = string> {
  /** Path from the root of the input, e.g. \`['aspects', 0, 'requirements', 2, 'id']\`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in words a person can act on. */
  readonly message: string;
  /** A short machine-readable tag for the kind of problem, e.g. \`unknown-operator\` (see \`issueKinds\`). */
  readonly kind?: Kind;
}

/**
 * One document an assessment cites as evidence (佐证材料) for a standard: a reference, never the file.
 *
 * @example
 * \`\`\`ts
 * const entry: EvidenceEntry = { kind: '建设用地批准文件', name: '钦州市国土资源局批复（2019）12号.pdf', date: '2019-04-02' };
 * \`\`\`
 */
export interface EvidenceEntry {
  /** Which of the standard's required documents this provides: one of its \`evidence\` strings (another is extra). */
  readonly kind: string;
  /** The document's own title or file name. */
  readonly name: string;
  /** Its content hash, written \`sha256:<64 lowercase hex digits>\`. */
  readonly hash?: string;
  /** Its date, \`YYYY-MM-DD\`. */
  readonly date?: string;
  /** Free text. */
  readonly note?: string;
}

/**
 * A standard's evidence in a result: what it requires, what the assessment provided, what is missing.
 *
 * @example
 * \`\`\`ts
 * const evidence: StandardEvidence = { required: ['配套设施建设规划'], provided: [], missing: ['配套设施建设规划'], extra: [] };
 * \`\`\`
 */
export interface StandardEvidence {
  /** The kinds of document the standard requires (its \`evidence\` in the rule set), as written there. */
  readonly required: readonly string[];
  /** Every entry the assessment gave for the standard, in its order (extra kinds included). */
  readonly provided: readonly EvidenceEntry[];
  /** Required kinds that no entry provides, in the rule set's order. */
  readonly missing: readonly string[];
  /** Kinds provided that the standard does not require, each once, in the assessment's order: they cover nothing. */
  readonly extra: readonly string[];
}

/** Bilingual text. Chinese (\`zh\`) is the authoritative wording; \`en\` helps non-Chinese readers. */
export interface Text {
  readonly zh: string;
  readonly en?: string;
}

/** A scalar fact value, as it appears in an assessment. */
export type FactValue = boolean | number | string;

/**
 * Another fact in place of a condition's literal value (json-rules-engine's fact reference): the leaf
 * compares its fact's value with this fact's value.
 */
export interface FactReference {
  readonly fact: string;
}

/** Where a rule set's wording comes from. Every output built from a provisional rule set says so. */
export interface Provenance {
  readonly status: 'official' | 'provisional';
  readonly source: string;
  readonly notes?: string;
  /** The policy documents the rule set rests on, e.g. 桂建保〔2021〕3号. */
  readonly basis?: readonly PolicyDocument[];
}

/**
 * A policy document by number and title, as a rule set's \`provenance.basis\` or a plan's \`basis\` lists it.
 *
 * @example
 * \`\`\`ts
 * const basis: PolicyDocument = { number: '桂建保〔2021〕3号', title: { zh: '…的通知' } };
 * \`\`\`
 */
export interface PolicyDocument {
  readonly number: string;
  readonly title: { readonly zh: string; readonly en?: string | undefined };
  readonly issuedBy?: { readonly zh: string; readonly en?: string | undefined } | undefined;
}
`;
