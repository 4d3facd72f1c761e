import { describe, expect, it } from 'vitest';
import {
  evidenceEntryInWords,
  evidenceStatusInWords,
  missingEvidenceInWords,
  unevidencedPolicyInWords,
} from './evidence-words.js';

describe('evidence in words', () => {
  it('names the missing documents as the EVIDENCE_MISSING reason quotes them', () => {
    expect(missingEvidenceInWords(['监控点位图', '维保合同'])).toEqual({
      zh: '缺少佐证材料：《监控点位图》、《维保合同》',
      en: 'missing evidence: “监控点位图”, “维保合同”',
    });
  });

  it('says a standard’s evidence is missing, complete or not required, and names kinds it does not require', () => {
    expect(evidenceStatusInWords({ required: ['图'], missing: ['图'], extra: [] }).zh).toBe(
      '缺少佐证材料：《图》',
    );
    expect(evidenceStatusInWords({ required: ['图'], missing: [], extra: [] }).en).toBe(
      'evidence complete: “图”',
    );
    expect(evidenceStatusInWords({ required: [], missing: [], extra: ['合同'] })).toEqual({
      zh: '无需佐证材料；另附非本标准所需材料：《合同》',
      en: 'no evidence required; also given, not required here: “合同”',
    });
  });

  it('shows a document with its date, the start of its hash and its note', () => {
    const hash = `sha256:${'0123456789abcdef'.repeat(4)}`;
    expect(
      evidenceEntryInWords({ kind: '图', name: '图.pdf', date: '2021-06-01', hash, note: '原件' }),
    ).toEqual({
      zh: '《图》图.pdf（2021-06-01，sha256:0123456789ab…，备注：原件）',
      en: '“图” 图.pdf (2021-06-01, sha256:0123456789ab…, note: 原件)',
    });
    expect(evidenceEntryInWords({ kind: '图', name: '图.pdf' }).zh).toBe('《图》图.pdf');
  });

  it('says what the rule set does with a standard without its evidence', () => {
    expect(unevidencedPolicyInWords(undefined)).toEqual(unevidencedPolicyInWords('shown'));
    expect(unevidencedPolicyInWords('unmet').zh).toContain('按不符合计');
  });
});
