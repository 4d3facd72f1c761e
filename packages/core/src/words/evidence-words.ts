import type { EvidenceEntry, StandardEvidence } from '../result/types.js';
import type { UnevidencedPolicy } from '../rule-set/types.js';
import type { Wording } from './outcome-names.js';

// The words of evidence (佐证材料), so the CLI, its reports, the result workbook and the forms name documents,
// what is missing and what the rule set does about it the same way (kinds quoted 《…》 in Chinese, “…” in
// English, as the EVIDENCE_MISSING reason does).

const zhKinds = (kinds: readonly string[]): string => kinds.map((kind) => `《${kind}》`).join('、');
const enKinds = (kinds: readonly string[]): string => kinds.map((kind) => `“${kind}”`).join(', ');

/**
 * The required documents that no entry provides, named: `缺少佐证材料：《配套设施建设规划》`.
 *
 * @example
 * ```ts
 * missingEvidenceInWords(['监控点位图']).en; // 'missing evidence: “监控点位图”'
 * ```
 */
export function missingEvidenceInWords(missing: readonly string[]): Wording {
  return { zh: `缺少佐证材料：${zhKinds(missing)}`, en: `missing evidence: ${enKinds(missing)}` };
}

/**
 * A standard's evidence in one line: what is missing (or that it is complete, or that none is required),
 * then any kinds provided that the standard does not require (they cover nothing).
 *
 * @example
 * ```ts
 * evidenceStatusInWords({ required: ['监控点位图'], provided: [], missing: ['监控点位图'], extra: [] }).zh;
 * // '缺少佐证材料：《监控点位图》'
 * ```
 */
export function evidenceStatusInWords(
  evidence: Pick<StandardEvidence, 'required' | 'missing'> & { readonly extra?: readonly string[] },
): Wording {
  const status: Wording =
    evidence.required.length === 0
      ? { zh: '无需佐证材料', en: 'no evidence required' }
      : evidence.missing.length === 0
        ? {
            zh: `佐证材料齐全：${zhKinds(evidence.required)}`,
            en: `evidence complete: ${enKinds(evidence.required)}`,
          }
        : missingEvidenceInWords(evidence.missing);
  const extra = evidence.extra ?? [];
  if (extra.length === 0) return status;
  return {
    zh: `${status.zh}；另附非本标准所需材料：${zhKinds(extra)}`,
    en: `${status.en}; also given, not required here: ${enKinds(extra)}`,
  };
}

/**
 * One document cited, as a person reads it: its kind, its name, then its date, the start of its hash
 * (enough to tell documents apart; the full hash is in the data) and its note.
 *
 * @example
 * ```ts
 * evidenceEntryInWords({ kind: '建设用地批准文件', name: '用地批复.pdf', date: '2019-04-02' }).zh;
 * // '《建设用地批准文件》用地批复.pdf（2019-04-02）'
 * ```
 */
export function evidenceEntryInWords(entry: EvidenceEntry): Wording {
  const details = [
    ...(entry.date !== undefined ? [entry.date] : []),
    ...(entry.hash !== undefined ? [`${entry.hash.slice(0, 'sha256:'.length + 12)}…`] : []),
  ];
  const zh = [...details, ...(entry.note ? [`备注：${entry.note}`] : [])];
  const en = [...details, ...(entry.note ? [`note: ${entry.note}`] : [])];
  return {
    zh: `《${entry.kind}》${entry.name}${zh.length > 0 ? `（${zh.join('，')}）` : ''}`,
    en: `“${entry.kind}” ${entry.name}${en.length > 0 ? ` (${en.join(', ')})` : ''}`,
  };
}

/**
 * What a rule set does with a standard self-assessed met whose required evidence is missing
 * (`scoring.unevidenced`, absent meaning `'shown'`): only list it, or count it as not met.
 *
 * @example
 * ```ts
 * unevidencedPolicyInWords('unmet').zh; // '按规则集规定，缺少佐证材料的标准按不符合计'
 * ```
 */
export function unevidencedPolicyInWords(policy: UnevidencedPolicy | undefined): Wording {
  return policy === 'unmet'
    ? {
        zh: '按规则集规定，缺少佐证材料的标准按不符合计',
        en: 'the rule set counts a standard without its evidence as not met',
      }
    : {
        zh: '仅作提示：缺少佐证材料不影响结论',
        en: 'shown only: missing evidence does not change the verdict',
      };
}
