import type { EvidenceEntry, Reason, StandardEvidence } from '../result/types.js';
import type { Text } from '../rule-set/types.js';

/** One standard as the evidence rules see it: its id, title and the kinds of document it requires. */
export interface EvidenceStandard {
  readonly id: string;
  readonly title: Text;
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
 * generator embeds this function's source text: so it is self-contained (no imports but types).
 *
 * @example
 * ```ts
 * const rules = evidenceRules();
 * rules.shapeIssues({ S01: [{ kind: '建设用地批准文件', name: '' }] }); // [{ path: ['evidence', 'S01', 0, 'name'], … }]
 * const forRuleSet = rules.forStandards(standards);
 * const entries = forRuleSet.read(assessment.evidence); // throws nothing: returns { issues, entries }
 * ```
 */
export function evidenceRules() {
  type Issue = EvidenceIssue;
  const fields = ['kind', 'name', 'hash', 'date', 'note'];
  const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const quote = (text: string): string => {
    if (text.length <= 60) return JSON.stringify(text);
    const code = text.charCodeAt(59);
    const end = code >= 0xd800 && code <= 0xdbff ? 59 : 60;
    return `${JSON.stringify(`${text.slice(0, end)}…`)} (${text.length} characters)`;
  };
  const isIsoDate = (value: unknown): boolean => {
    if (typeof value !== 'string') return false;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const february = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    const length = month === 2 ? february : 30 + ((month + (month > 7 ? 1 : 0)) % 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= length;
  };
  const isNamed = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

  /** The problems of one entry, at its path. */
  const entryIssues = (entry: unknown, path: (string | number)[], issues: Issue[]): void => {
    const fail = (at: (string | number)[], message: string) =>
      issues.push({ path: at, message, kind: 'invalid-evidence' });
    if (!isPlainObject(entry)) {
      fail(path, 'an evidence entry is an object { kind, name, hash?, date?, note? }');
      return;
    }
    if (!isNamed(entry.kind))
      fail([...path, 'kind'], "kind names which of the standard's required documents this is (not blank)");
    if (!isNamed(entry.name))
      fail([...path, 'name'], "name is the document's own title or file name (not blank)");
    if (
      entry.hash !== undefined &&
      !(typeof entry.hash === 'string' && /^sha256:[0-9a-f]{64}$/.test(entry.hash))
    )
      fail([...path, 'hash'], 'hash is the content hash written sha256:<64 lowercase hex digits>');
    if (entry.date !== undefined && !isIsoDate(entry.date))
      fail([...path, 'date'], 'date is a real date written YYYY-MM-DD');
    if (entry.note !== undefined && typeof entry.note !== 'string') fail([...path, 'note'], 'note is text');
    for (const key of Object.keys(entry))
      if (!fields.includes(key))
        fail(
          [...path, key],
          `unknown field ${quote(key)} of an evidence entry (fields: ${fields.join(', ')})`,
        );
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
    for (const standardId of Object.keys(evidence)) {
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
        entryIssues(entries[index], ['evidence', standardId, index], issues);
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
     * the issues (its shape, and every standard id the rule set does not have). `undefined` evidence
     * reads as no entries at all.
     */
    const read = (evidence: unknown): { issues: Issue[]; entries: EvidenceByPosition | undefined } => {
      if (evidence === undefined) return { issues: [], entries: undefined };
      const issues = shapeIssues(evidence);
      if (issues.length > 0) return { issues, entries: undefined };
      const given = evidence as Record<string, readonly Record<string, unknown>[]>;
      const entries: (EvidenceEntry[] | undefined)[] = new Array(standards.length).fill(undefined);
      for (const standardId of Object.keys(given)) {
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
     * Positions of the standards decided met (`isMet`) that lack a required document, in rule-set
     * order: only standards that require evidence are looked at.
     */
    const unevidenced = (
      isMet: (position: number) => boolean,
      entries: EvidenceByPosition | undefined,
    ): number[] => {
      const found: number[] = [];
      for (const position of requiring) {
        if (!isMet(position)) continue;
        const given = entries?.[position];
        if (given === undefined || missingAt(position, entries).length > 0) found.push(position);
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

    /** The reason an unevidenced standard counts as unmet (scoring.unevidenced 'unmet'), naming its documents. */
    const reasonFor = (position: number, entries: EvidenceByPosition | undefined): Reason => {
      const standard = standards[position]!;
      const missing = missingAt(position, entries);
      const title = standard.title;
      return {
        code: 'EVIDENCE_MISSING',
        standardId: standard.id,
        requirementId: standard.requirementId,
        aspectId: standard.aspectId,
        missing,
        message: {
          zh: `标准 ${standard.id}「${title.zh}」自评符合，但缺少佐证材料：${missing.map((kind) => `《${kind}》`).join('、')}（按不符合计）`,
          en: `standard ${standard.id} (${title.en ?? title.zh}) is self-assessed as met but lacks its evidence: ${missing.map((kind) => `“${kind}”`).join(', ')} (counted as not met)`,
        },
      };
    };

    return { requiresAny: requiring.length > 0, read, unevidenced, standardEvidence, reasonFor };
  };

  return { shapeIssues, forStandards };
}

/** The evidence rules bound to one rule set's standards. */
export type EvidenceRulesForStandards = ReturnType<ReturnType<typeof evidenceRules>['forStandards']>;
