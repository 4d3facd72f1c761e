import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../src/evaluate/compile-rule-set.js';
import { extendRuleSet } from '../src/variants/extend-rule-set.js';

// guangxi-2021 requires evidence of all 65 standards; its eligible sample cites none. A city that counts
// a standard without its evidence as unmet is a variant that changes only scoring.unevidenced.
const strict = extendRuleSet(guangxi2021, {
  id: 'guangxi-2021-evidenced',
  version: '1.0.0',
  scoring: { unevidenced: 'unmet' },
});
const sample = guangxiSamples.eligible;
const s01 = ['配套设施建设规划（小区部分）', '配套设施建设项目库清单'];

/** The sample citing every document each of its met standards requires. */
function withAllEvidence(ruleSet: typeof guangxi2021) {
  const met = compileRuleSet(ruleSet).evaluate(sample).unevidenced;
  const kinds = new Map(
    ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) =>
        requirement.standards.map((standard) => [standard.id, standard.evidence ?? []] as const),
      ),
    ),
  );
  const evidence = Object.fromEntries(
    met.map((standardId) => [
      standardId,
      kinds.get(standardId)!.map((kind) => ({ kind, name: `${kind}.pdf`, date: '2021-08-01' })),
    ]),
  );
  return { ...sample, evidence };
}

describe('guangxi-2021 and the evidence its standards require', () => {
  it('shows every met standard as unevidenced when the sample cites nothing, and keeps its verdict', () => {
    const result = compileRuleSet(guangxi2021).evaluate(sample);
    const met = result.standards
      .filter((standard) => standard.outcome === 'met')
      .map((standard) => standard.id);
    expect(result.eligible).toBe(true);
    expect(result.unevidenced).toEqual(met);
    expect(result.standards[0]!.evidence).toEqual({ required: s01, provided: [], missing: s01, extra: [] });
    expect(result.standards.every((standard) => standard.evidence !== undefined)).toBe(true);
  });

  it('under scoring.unevidenced "unmet" makes the same sample ineligible until it cites its documents', () => {
    const bare = compileRuleSet(strict).evaluate(sample);
    expect(bare.eligible).toBe(false);
    expect(bare.compliance.met).toBe(0);
    const s01Reason = bare.reasons.find(
      (reason) => reason.code === 'EVIDENCE_MISSING' && reason.standardId === 'S01',
    );
    expect(s01Reason?.message.zh).toContain('《配套设施建设规划（小区部分）》');

    const cited = compileRuleSet(strict).evaluate(withAllEvidence(strict));
    expect(cited.unevidenced).toEqual([]);
    expect(cited.eligible).toBe(true);
    expect(cited.compliance).toEqual(compileRuleSet(guangxi2021).evaluate(sample).compliance);
  });

  it('one document short: that standard alone is unmet, and its reason names the document', () => {
    const full = withAllEvidence(strict);
    const evidence = { ...full.evidence, S01: full.evidence.S01!.slice(0, 1) };
    const result = compileRuleSet(strict).evaluate({ ...full, evidence });
    expect(result.unevidenced).toEqual(['S01']);
    expect(result.standards[0]!.outcome).toBe('unmet');
    expect(result.standards[0]!.evidence?.missing).toEqual(['配套设施建设项目库清单']);
  });
});
