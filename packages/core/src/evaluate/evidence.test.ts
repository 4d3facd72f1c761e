import { afterAll, describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { importStandalone, removeStandaloneModules } from '../../test/standalone-module.js';
import type { Assessment } from '../assessment/schema.js';
import { RubricError } from '../errors/rubric-error.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import type { EvaluationResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { RuleSet, UnevidencedPolicy } from '../rule-set/types.js';
import { generateStandaloneEvaluator } from '../standalone/generate-standalone-evaluator.js';
import { compileRuleSet } from './compile-rule-set.js';

afterAll(removeStandaloneModules);

const photo = '警务室照片';
const ledger = '警务室台账';
const contract = '供暖合同';

/** The sample rubric with evidence required on two standards, under the given policy. */
function withEvidence(policy?: UnevidencedPolicy): RuleSet {
  const document = sampleRuleSet();
  const scoring = policy === undefined ? document.scoring : { ...document.scoring, unevidenced: policy };
  const required: Record<string, string[]> = { 's-policing-room': [photo, ledger], 's-heating': [contract] };
  const aspects = document.aspects.map((aspect) => ({
    ...aspect,
    requirements: aspect.requirements.map((requirement) => ({
      ...requirement,
      standards: requirement.standards.map((standard) =>
        required[standard.id] ? { ...standard, evidence: required[standard.id] } : standard,
      ),
    })),
  }));
  return defineRuleSet({ ...document, scoring, aspects } as RuleSetInput);
}

const allEvidence = {
  's-policing-room': [
    { kind: photo, name: '警务室.jpg', hash: `sha256:${'0'.repeat(64)}`, date: '2021-05-01' },
    { kind: ledger, name: '台账.pdf', note: '2021 年' },
  ],
  's-heating': [{ kind: contract, name: '供暖合同.pdf' }],
};

/** The compiled evaluator's result, checked deep-equal to the reference backend's and a standalone module's. */
async function evaluateEverywhere(
  ruleSet: RuleSet,
  assessment: Assessment,
  explain = true,
): Promise<EvaluationResult> {
  const compiled = compileRuleSet(ruleSet).evaluate(assessment, { explain });
  const reference = await createJsonRulesEngineEvaluator(ruleSet, { explain }).evaluate(assessment);
  const standalone = await importStandalone(generateStandaloneEvaluator(ruleSet));
  expect(reference).toEqual(compiled);
  expect(standalone.evaluate(assessment, { explain })).toEqual(compiled);
  return compiled;
}

const byId = (result: EvaluationResult, id: string) =>
  result.standards.find((standard) => standard.id === id)!;

describe('the evidence of a standard in a result', () => {
  it('says what it requires, what was provided, what is missing and what covers nothing', async () => {
    const assessment = {
      ...assessmentOf(perfectFacts()),
      evidence: {
        's-policing-room': [allEvidence['s-policing-room'][0]!, { kind: '其他材料', name: '说明.docx' }],
      },
    };
    const result = await evaluateEverywhere(withEvidence(), assessment);
    expect(byId(result, 's-policing-room').evidence).toEqual({
      required: [photo, ledger],
      provided: [allEvidence['s-policing-room'][0], { kind: '其他材料', name: '说明.docx' }],
      missing: [ledger],
      extra: ['其他材料'],
    });
    expect(byId(result, 's-heating').evidence).toEqual({
      required: [contract],
      provided: [],
      missing: [contract],
      extra: [],
    });
    expect(byId(result, 's-security-staff')).not.toHaveProperty('evidence');
    expect(result.unevidenced).toEqual(['s-policing-room', 's-heating']);
  });

  it('is given for a standard that requires none when the assessment cites some for it', async () => {
    const assessment = {
      ...assessmentOf(perfectFacts()),
      evidence: { 's-kindergarten': [{ kind: '托育照片', name: '托育.jpg' }] },
    };
    const result = await evaluateEverywhere(withEvidence(), assessment);
    expect(byId(result, 's-kindergarten').evidence).toEqual({
      required: [],
      provided: [{ kind: '托育照片', name: '托育.jpg' }],
      missing: [],
      extra: ['托育照片'],
    });
    expect(result.unevidenced).not.toContain('s-kindergarten');
  });

  it('is kept with explain: false, and is a copy of the entries, not the assessment’s own objects', async () => {
    const assessment = { ...assessmentOf(perfectFacts()), evidence: allEvidence };
    const result = await evaluateEverywhere(withEvidence(), assessment, false);
    const shown = byId(result, 's-heating').evidence!;
    expect(shown.provided).toEqual(allEvidence['s-heating']);
    expect(shown.provided[0]).not.toBe(allEvidence['s-heating'][0]);
    expect(result.unevidenced).toEqual([]);
  });

  it('makes no standard unevidenced unless its conditions hold', async () => {
    const facts = { ...perfectFacts(), hasPolicingRoom: false, heating: null };
    const result = await evaluateEverywhere(withEvidence(), assessmentOf(facts));
    expect(byId(result, 's-policing-room').outcome).toBe('unmet');
    expect(byId(result, 's-heating').outcome).toBe('missing-data');
    expect(result.unevidenced).toEqual([]);
  });
});

describe('scoring.unevidenced', () => {
  it("'shown' (and its default) lists unevidenced standards and changes nothing else", async () => {
    const bare = compileRuleSet(defineRuleSet(sampleRuleSet())).evaluate(assessmentOf(perfectFacts()));
    for (const ruleSet of [withEvidence(), withEvidence('shown')]) {
      const result = await evaluateEverywhere(ruleSet, assessmentOf(perfectFacts()));
      expect(result.unevidenced).toEqual(['s-policing-room', 's-heating']);
      expect(byId(result, 's-policing-room').outcome).toBe('met');
      const { standards: _standards, unevidenced: _unevidenced, ...verdict } = result;
      const { standards: _bareStandards, unevidenced: _none, ...bareVerdict } = bare;
      expect(verdict).toEqual(bareVerdict);
      expect(bare.unevidenced).toEqual([]);
    }
  });

  it("'shown' finds the unevidenced standards when `unevidenced` is first read, then keeps them", () => {
    const result = compileRuleSet(withEvidence('shown')).evaluate(assessmentOf(perfectFacts()));
    // Bounded work: the verdict does not depend on them, so evaluating leaves them to an accessor.
    expect(Object.getOwnPropertyDescriptor(result, 'unevidenced')).toHaveProperty('get');
    expect(Object.keys(result).at(-1)).toBe('unevidenced');
    const first = result.unevidenced;
    expect(first).toEqual(['s-policing-room', 's-heating']);
    expect(result.unevidenced).toBe(first);
    expect(JSON.parse(JSON.stringify(result)).unevidenced).toEqual(first);
  });

  it("'unmet' counts them as unmet, with a reason naming each missing document", async () => {
    const partial = { 's-policing-room': [allEvidence['s-policing-room'][0]!] };
    const assessment = { ...assessmentOf(perfectFacts()), evidence: partial };
    const result = await evaluateEverywhere(withEvidence('unmet'), assessment);
    expect(result.unevidenced).toEqual(['s-policing-room', 's-heating']);
    expect(byId(result, 's-policing-room').outcome).toBe('unmet');
    expect(byId(result, 's-policing-room').explanation?.condition.result).toBe(true);
    expect(result.compliance).toMatchObject({ met: 4, applicable: 6 });
    expect(result.eligible).toBe(false);
    expect(result.requirements.find((requirement) => requirement.id === 'policing')).toMatchObject({
      met: 1,
      satisfied: true,
    });
    expect(result.aspects.map((aspect) => aspect.met)).toEqual([2, 2]);
    const evidenceReasons = result.reasons.filter((reason) => reason.code === 'EVIDENCE_MISSING');
    expect(evidenceReasons).toEqual([
      expect.objectContaining({
        standardId: 's-policing-room',
        requirementId: 'policing',
        aspectId: 'safety',
        missing: [ledger],
      }),
      expect.objectContaining({ standardId: 's-heating', missing: [contract] }),
    ]);
    expect(evidenceReasons[0]!.message.zh).toContain(`《${ledger}》`);
    expect(evidenceReasons[0]!.message.en).toContain(`“${ledger}”`);
    expect(result.reasons.at(-1)).toBe(evidenceReasons[1]);
  });

  it("'unmet' leaves a standard met once its evidence is supplied: the verdict follows", async () => {
    const result = await evaluateEverywhere(withEvidence('unmet'), {
      ...assessmentOf(perfectFacts()),
      evidence: allEvidence,
    });
    expect(result.unevidenced).toEqual([]);
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([]);
  });

  it("'unmet' counts in points mode too", async () => {
    const document = sampleRuleSet();
    const points = defineRuleSet({
      ...document,
      scoring: { mode: 'points', passMark: 6, unevidenced: 'unmet' },
      aspects: withEvidence().aspects.map((aspect) => ({
        ...aspect,
        requirements: aspect.requirements.map((requirement) => ({
          ...requirement,
          standards: requirement.standards.map((standard) => ({ ...standard, points: 1 })),
        })),
      })),
    } as RuleSetInput);
    const result = await evaluateEverywhere(points, assessmentOf(perfectFacts()));
    expect(result.score).toEqual({ points: 4, max: 6, passMark: 6 });
    expect(result.reasons.map((reason) => reason.code)).toEqual([
      'BELOW_PASS_MARK',
      'EVIDENCE_MISSING',
      'EVIDENCE_MISSING',
    ]);
  });
});

describe('evidence the rule set cannot take', () => {
  const refusal = async (evidence: unknown) => {
    const assessment = { ...assessmentOf(perfectFacts()), evidence } as Assessment;
    const ruleSet = withEvidence();
    const errors = [
      (() => {
        try {
          compileRuleSet(ruleSet).evaluate(assessment);
        } catch (error) {
          return error;
        }
      })(),
      await createJsonRulesEngineEvaluator(ruleSet)
        .evaluate(assessment)
        .catch((error: unknown) => error),
      await importStandalone(generateStandaloneEvaluator(ruleSet)).then((module) => {
        try {
          module.evaluate(assessment);
        } catch (error) {
          return error;
        }
      }),
    ];
    for (const error of errors) expect(RubricError.isInstance(error)).toBe(true);
    const [compiled, ...others] = errors as RubricError[];
    for (const other of others)
      expect({ code: other.code, issues: other.issues }).toEqual({
        code: compiled!.code,
        issues: compiled!.issues,
      });
    return compiled!;
  };

  it('refuses evidence for a standard the rule set does not have, at its path', async () => {
    const error = await refusal({ S99: [{ kind: photo, name: 'x' }], 's-heating': [] });
    expect(error.code).toBe('INVALID_ASSESSMENT');
    expect(error.issues).toEqual([
      {
        path: ['evidence', 'S99'],
        message: 'evidence for standard "S99", which the rule set does not have',
        kind: 'unknown-standard',
      },
    ]);
  });

  it('refuses a malformed entry at its field, in every backend alike', async () => {
    const error = await refusal({ 's-heating': [{ kind: contract, name: ' ', date: '2021-13-01' }] });
    expect(error.issues.map((issue) => [issue.path, issue.kind])).toEqual([
      [['evidence', 's-heating', 0, 'name'], 'invalid-evidence'],
      [['evidence', 's-heating', 0, 'date'], 'invalid-evidence'],
    ]);
  });
});

describe('a rule set without evidence, and an assessment citing none', () => {
  it('gives the result it always gave, with an empty unevidenced', async () => {
    const result = await evaluateEverywhere(defineRuleSet(sampleRuleSet()), assessmentOf(perfectFacts()));
    expect(result.unevidenced).toEqual([]);
    expect(result.standards.some((standard) => 'evidence' in standard)).toBe(false);
    expect(Object.keys(result).at(-1)).toBe('unevidenced');
  });
});
