import type { Text } from '../rule-set/types.js';
import { type FactChecks, factChecks } from '../runtime/fact-checks.js';
import { valueWords } from '../runtime/value-words.js';
import { MAX_SHOWN_CHARACTERS } from '../util/show-value.js';

/**
 * One document an assessment cites as evidence (佐证材料) for a standard: a reference, never the file.
 *
 * @example
 * ```ts
 * const entry: EvidenceEntry = { kind: '建设用地批准文件', name: '钦州市国土资源局批复（2019）12号.pdf', date: '2019-04-02' };
 * ```
 */
export interface EvidenceEntry {
  /** Which of the standard's required documents this provides: one of its `evidence` strings (another is extra). */
  readonly kind: string;
  /** The document's own title or file name. */
  readonly name: string;
  /** Its content hash, written `sha256:<64 lowercase hex digits>`. */
  readonly hash?: string;
  /** Its date, `YYYY-MM-DD`. */
  readonly date?: string;
  /** Free text. */
  readonly note?: string;
}

/**
 * A standard's evidence in a result: what it requires, what the assessment provided, what is missing.
 *
 * @example
 * ```ts
 * const evidence: StandardEvidence = { required: ['配套设施建设规划'], provided: [], missing: ['配套设施建设规划'], extra: [] };
 * ```
 */
export interface StandardEvidence {
  /** The kinds of document the standard requires (its `evidence` in the rule set), as written there. */
  readonly required: readonly string[];
  /** Every entry the assessment gave for the standard, in its order (extra kinds included). */
  readonly provided: readonly EvidenceEntry[];
  /** Required kinds that no entry provides, in the rule set's order. */
  readonly missing: readonly string[];
  /** Kinds provided that the standard does not require, each once, in the assessment's order: they cover nothing. */
  readonly extra: readonly string[];
}

/** The reason a standard self-assessed met counts as unmet for want of its evidence (`scoring.unevidenced: 'unmet'`). */
export interface EvidenceMissingReason {
  readonly code: 'EVIDENCE_MISSING';
  readonly message: Text;
  readonly standardId: string;
  readonly requirementId: string;
  readonly aspectId: string;
  /** The required kinds of document no entry provides. */
  readonly missing: readonly string[];
}

/** One standard as the evidence rules see it: its id, where it sits, and the kinds of document it requires. */
export interface EvidenceStandard {
  readonly id: string;
  readonly requirementId: string;
  readonly aspectId: string;
  /** The standard's `evidence`: each a kind of document that shows it is met (empty when none). */
  readonly required: readonly string[];
}

/** A problem with an assessment's `evidence`, as an `INVALID_ASSESSMENT` issue. */
export interface EvidenceIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly kind: 'invalid-evidence' | 'unknown-standard';
}

/** An assessment's evidence entries by standard position (`undefined` where it gave none). */
export type EvidenceByPosition = readonly (readonly EvidenceEntry[] | undefined)[];

/**
 * The rules of evidence (佐证材料), the one place they are written: the shape of an assessment's
 * `evidence`, which standards it names, what each standard's evidence is (required, provided, missing,
 * extra), which self-assessed met standards lack theirs (unevidenced), and the reason that says so.
 * Used by core's compiled evaluator, the json-rules-engine backend and the standalone module, whose
 * generator embeds this function's source text: so it is self-contained (no imports but types), and takes
 * the runtime's words and date check rather than restating them, and the writer of the reason
 * ({@link evidenceMissingReason}, which a module whose unevidenced standards never count leaves out).
 * Core uses it bound to its own, as {@link evidenceRules}.
 *
 * @example
 * ```ts
 * const rules = evidenceRulesWith(factChecks(valueWords(60)), evidenceMissingReason);
 * rules.shapeIssues({ S01: [{ kind: '建设用地批准文件', name: '' }] }); // [{ path: ['evidence', 'S01', 0, 'name'], … }]
 * ```
 */
export function evidenceRulesWith(
  { quote, isIsoDate, ownKeysOnly }: Pick<FactChecks, 'quote' | 'isIsoDate' | 'ownKeysOnly'>,
  missingReason: typeof evidenceMissingReason | undefined,
) {
  type Issue = EvidenceIssue;
  const fields = ['kind', 'name', 'hash', 'date', 'note'];
  const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const isNamed = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

  const hashPattern = /^sha256:[0-9a-f]{64}$/;

  /**
   * The problems of one entry, the `index`th of a standard's: none found at the cost of a few loads (most
   * entries are well formed), each problem at its path.
   */
  const entryIssues = (entry: unknown, standardId: string, index: number, issues: Issue[]): void => {
    const fail = (field: string | undefined, message: string) =>
      issues.push({
        path: field === undefined ? ['evidence', standardId, index] : ['evidence', standardId, index, field],
        message,
        kind: 'invalid-evidence',
      });
    if (!isPlainObject(entry)) {
      fail(undefined, 'an evidence entry is an object { kind, name, hash?, date?, note? }');
      return;
    }
    if (!isNamed(entry.kind))
      fail('kind', "kind names which of the standard's required documents this is (not blank)");
    if (!isNamed(entry.name)) fail('name', "name is the document's own title or file name (not blank)");
    if (entry.hash !== undefined && !(typeof entry.hash === 'string' && hashPattern.test(entry.hash)))
      fail('hash', 'hash is the content hash written sha256:<64 lowercase hex digits>');
    if (entry.date !== undefined && !isIsoDate(entry.date))
      fail('date', 'date is a real date written YYYY-MM-DD');
    if (entry.note !== undefined && typeof entry.note !== 'string') fail('note', 'note is text');
    const ownOnly = ownKeysOnly(entry);
    for (const key in entry)
      if ((ownOnly || Object.hasOwn(entry, key)) && !fields.includes(key))
        fail(key, `unknown field ${quote(key)} of an evidence entry (fields: ${fields.join(', ')})`);
  };

  /**
   * The shape of an assessment's `evidence` (an object of standard id to a list of entries), whatever
   * the rule set: the assessment envelope's check of the field.
   */
  const shapeIssues = (evidence: unknown): Issue[] => {
    const issues: Issue[] = [];
    if (!isPlainObject(evidence)) {
      issues.push({
        path: ['evidence'],
        message: 'evidence is an object of standard id to a list of evidence entries',
        kind: 'invalid-evidence',
      });
      return issues;
    }
    // for-in, not a keyed load over Object.keys: V8 then reads each list by its field index.
    const ownOnly = ownKeysOnly(evidence);
    for (const standardId in evidence) {
      if (!ownOnly && !Object.hasOwn(evidence, standardId)) continue;
      const entries = evidence[standardId];
      if (!Array.isArray(entries)) {
        issues.push({
          path: ['evidence', standardId],
          message: 'the evidence of a standard is a list of entries { kind, name, hash?, date?, note? }',
          kind: 'invalid-evidence',
        });
        continue;
      }
      for (let index = 0; index < entries.length; index++)
        entryIssues(entries[index], standardId, index, issues);
    }
    return issues;
  };

  /** An entry copied with its fields in the format's order, so a result never shares the assessment's. */
  const copyEntry = (entry: Record<string, unknown>): EvidenceEntry => {
    const copy: { -readonly [Key in keyof EvidenceEntry]: EvidenceEntry[Key] } = {
      kind: entry.kind as string,
      name: entry.name as string,
    };
    if (entry.hash !== undefined) copy.hash = entry.hash as string;
    if (entry.date !== undefined) copy.date = entry.date as string;
    if (entry.note !== undefined) copy.note = entry.note as string;
    return copy;
  };

  /** The rules bound to one rule set's standards, in rule-set order. */
  const forStandards = (standards: readonly EvidenceStandard[]) => {
    const positionOf = new Map(standards.map((standard, position) => [standard.id, position]));
    /** Positions of the standards that require evidence: the only ones that can be unevidenced. */
    const requiring: number[] = [];
    standards.forEach((standard, position) => {
      if (standard.required.length > 0) requiring.push(position);
    });

    /**
     * An assessment's evidence read against the rule set: its entries by standard position (copied), or
     * the issues (every standard id the rule set does not have). Only for evidence whose shape the
     * envelope's check ({@link shapeIssues}) has passed, as every reader of an assessment checks it first.
     * `undefined` evidence reads as no entries at all.
     */
    const read = (evidence: unknown): { issues: Issue[]; entries: EvidenceByPosition | undefined } => {
      if (evidence === undefined) return { issues: [], entries: undefined };
      const issues: Issue[] = [];
      const given = evidence as Record<string, readonly Record<string, unknown>[]>;
      const entries: (EvidenceEntry[] | undefined)[] = new Array(standards.length).fill(undefined);
      const ownOnly = ownKeysOnly(given);
      for (const standardId in given) {
        if (!ownOnly && !Object.hasOwn(given, standardId)) continue;
        const position = positionOf.get(standardId);
        if (position === undefined) {
          issues.push({
            path: ['evidence', standardId],
            message: `evidence for standard ${quote(standardId)}, which the rule set does not have`,
            kind: 'unknown-standard',
          });
          continue;
        }
        entries[position] = given[standardId]!.map(copyEntry);
      }
      return issues.length > 0 ? { issues, entries: undefined } : { issues, entries };
    };

    /** The required kinds no entry provides. */
    const missingAt = (position: number, entries: EvidenceByPosition | undefined): string[] => {
      const required = standards[position]!.required;
      const given = entries?.[position];
      if (given === undefined || given.length === 0) return required.slice();
      return required.filter((kind) => !given.some((entry) => entry.kind === kind));
    };

    /**
     * Positions of the standards decided met (`outcomes[position] === metCode`) that lack a required
     * document, in rule-set order: only standards that require evidence are looked at.
     */
    const unevidenced = (
      outcomes: ArrayLike<number>,
      metCode: number,
      entries: EvidenceByPosition | undefined,
    ): number[] => {
      const found: number[] = [];
      for (let index = 0; index < requiring.length; index++) {
        const position = requiring[index]!;
        if (
          outcomes[position] === metCode &&
          (entries === undefined ||
            entries[position] === undefined ||
            missingAt(position, entries).length > 0)
        )
          found.push(position);
      }
      return found;
    };

    /**
     * A standard's evidence for its result, or `undefined` when it requires none and the assessment gave
     * none for it.
     */
    const standardEvidence = (
      position: number,
      entries: EvidenceByPosition | undefined,
    ): StandardEvidence | undefined => {
      const required = standards[position]!.required;
      const given = entries?.[position];
      if (required.length === 0 && given === undefined) return undefined;
      const provided = given === undefined ? [] : given.map((entry) => ({ ...entry }));
      const extra: string[] = [];
      for (const entry of provided)
        if (!required.includes(entry.kind) && !extra.includes(entry.kind)) extra.push(entry.kind);
      return { required: required.slice(), provided, missing: missingAt(position, entries), extra };
    };

    /**
     * The reason an unevidenced standard counts as unmet (`scoring.unevidenced: 'unmet'`), naming the
     * documents it lacks (`missing`, as its evidence in the result lists them).
     */
    const reasonFor = (position: number, missing: readonly string[]): EvidenceMissingReason =>
      missingReason!(standards[position]!, missing);

    /**
     * One evaluation's evidence: the entries read and the unevidenced standards among those decided met;
     * when they count (`scoring.unevidenced: 'unmet'`), their outcomes set to `unmetCode` in place. Or the
     * issues, when the evidence is refused.
     */
    const decide = (
      given: unknown,
      outcomes: number[],
      metCode: number,
      unmetCode: number,
      counted: boolean,
    ): { issues: Issue[]; entries: EvidenceByPosition | undefined; unevidenced: number[] } => {
      const { issues, entries } = read(given);
      if (issues.length > 0) return { issues, entries, unevidenced: [] };
      const found = unevidenced(outcomes, metCode, entries);
      if (counted) for (const position of found) outcomes[position] = unmetCode;
      return { issues, entries, unevidenced: found };
    };

    return {
      requiresAny: requiring.length > 0,
      read,
      decide,
      missingAt,
      unevidenced,
      standardEvidence,
      reasonFor,
    };
  };

  return { shapeIssues, forStandards };
}

/**
 * The reason a standard self-assessed met counts as unmet for want of its evidence, naming the documents
 * it lacks. Self-contained, like {@link evidenceRulesWith}.
 *
 * @example
 * ```ts
 * evidenceMissingReason(standard, ['运行制度']).code; // 'EVIDENCE_MISSING'
 * ```
 */
export function evidenceMissingReason(
  standard: EvidenceStandard,
  missing: readonly string[],
): EvidenceMissingReason {
  return {
    code: 'EVIDENCE_MISSING',
    standardId: standard.id,
    requirementId: standard.requirementId,
    aspectId: standard.aspectId,
    missing: missing.slice(),
    message: {
      zh: `标准 ${standard.id} 自评符合，但缺少佐证材料${missing.map((kind) => `《${kind}》`).join('、')}，按不符合计`,
      en: `standard ${standard.id} is self-assessed as met but lacks its evidence (${missing.map((kind) => `“${kind}”`).join(', ')}), so it counts as not met`,
    },
  };
}

/** What {@link evidenceRulesWith} makes. */
export type EvidenceRules = ReturnType<typeof evidenceRulesWith>;

/** The evidence rules bound to one rule set's standards. */
export type EvidenceRulesForStandards = ReturnType<EvidenceRules['forStandards']>;

/**
 * The rules of evidence with core's words (values quoted to {@link MAX_SHOWN_CHARACTERS} characters): see
 * {@link evidenceRulesWith}.
 *
 * @example
 * ```ts
 * const rules = evidenceRules();
 * rules.shapeIssues({ S01: [{ kind: '建设用地批准文件', name: '' }] }); // [{ path: ['evidence', 'S01', 0, 'name'], … }]
 * const forRuleSet = rules.forStandards(standards);
 * const entries = forRuleSet.read(assessment.evidence); // throws nothing: returns { issues, entries }
 * ```
 */
export function evidenceRules(): EvidenceRules {
  return evidenceRulesWith(factChecks(valueWords(MAX_SHOWN_CHARACTERS)), evidenceMissingReason);
}
