import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { planRemediation } from '../remediation/plan-remediation.js';
import type { EvaluationResult } from '../result/types.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { UnevidencedPolicy } from '../rule-set/types.js';
import { whatIf } from './what-if.js';

const permit = '建设用地批准文件';

/** The sample rubric, its policing room requiring a permit, under the given policy. */
function ruleSetWith(policy: UnevidencedPolicy) {
  const document = sampleRuleSet();
  return defineRuleSet({
    ...document,
    scoring: { ...document.scoring, unevidenced: policy },
    aspects: document.aspects.map((aspect) => ({
      ...aspect,
      requirements: aspect.requirements.map((requirement) => ({
        ...requirement,
        standards: requirement.standards.map((standard) =>
          standard.id === 's-policing-room' ? { ...standard, evidence: [permit] } : standard,
        ),
      })),
    })),
  } as RuleSetInput);
}

describe('whatIf and planRemediation on a standard unmet for want of its evidence', () => {
  const ruleSet = ruleSetWith('unmet');
  const result = compileRuleSet(ruleSet).evaluate(assessmentOf(perfectFacts()));

  it('is the evaluation the tests start from: ineligible only for the missing permit', () => {
    expect(result.unevidenced).toEqual(['s-policing-room']);
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((reason) => reason.code)).toEqual(['BELOW_THRESHOLD', 'EVIDENCE_MISSING']);
  });

  it('whatIf keeps the unevidenced standard and its reason while another changes', () => {
    const changed = whatIf(ruleSet, result, { 's-heating': 'unmet' });
    expect(changed.unevidenced).toEqual(['s-policing-room']);
    expect(changed.reasons.filter((reason) => reason.code === 'EVIDENCE_MISSING')).toEqual([
      expect.objectContaining({ standardId: 's-policing-room', missing: [permit] }),
    ]);
  });

  it('whatIf with the standard met is the evidence supplied: eligible, nothing unevidenced', () => {
    const supplied = whatIf(ruleSet, result, { 's-policing-room': 'met' });
    expect(supplied.unevidenced).toEqual([]);
    expect(supplied.eligible).toBe(true);
    const evaluated = compileRuleSet(ruleSet).evaluate({
      ...assessmentOf(perfectFacts()),
      evidence: { 's-policing-room': [{ kind: permit, name: '批复.pdf' }] },
    });
    const verdict = ({
      eligible,
      compliance,
      requirements,
      aspects,
      reasons,
      unevidenced,
    }: EvaluationResult) => ({
      eligible,
      compliance,
      requirements,
      aspects,
      reasons,
      unevidenced,
    });
    expect(verdict(supplied)).toEqual(verdict(evaluated));
  });

  it('planRemediation names the document to provide', () => {
    const plan = planRemediation(ruleSet, result);
    expect(plan.steps).toEqual([
      expect.objectContaining({ standardId: 's-policing-room', outcome: 'unmet', evidence: [permit] }),
    ]);
  });

  it('a step to fix a standard whose conditions fail names no document', () => {
    const failing = compileRuleSet(ruleSet).evaluate(
      assessmentOf({ ...perfectFacts(), hasPolicingRoom: false }),
    );
    expect(failing.unevidenced).toEqual([]);
    expect(planRemediation(ruleSet, failing).steps[0]).not.toHaveProperty('evidence');
  });
});

describe('a result stored before evidence existed (no unevidenced)', () => {
  const ruleSet = defineRuleSet(sampleRuleSet());
  const fresh = compileRuleSet(ruleSet).evaluate(assessmentOf({ ...perfectFacts(), hasPolicingRoom: false }));
  const { unevidenced: _new, ...stored } = JSON.parse(JSON.stringify(fresh)) as EvaluationResult;

  it('still reads and checks in whatIf and planRemediation, as having none', () => {
    const changed = whatIf(ruleSet, stored as EvaluationResult, { 's-policing-room': 'met' });
    expect(changed.unevidenced).toEqual([]);
    expect(changed.eligible).toBe(true);
    expect(planRemediation(ruleSet, stored as EvaluationResult).steps.map((step) => step.standardId)).toEqual(
      ['s-policing-room'],
    );
  });

  it('a stored result listing a standard the rule set does not have is refused at its path', () => {
    const listed = { ...stored, unevidenced: ['S99'] } as EvaluationResult;
    expect(() => whatIf(ruleSet, listed, {})).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        issues: [expect.objectContaining({ path: ['result', 'unevidenced', 0] })],
      }),
    );
  });
});
