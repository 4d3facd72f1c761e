import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { lazyResultRuleSet } from '../../test/lazy-result-checks.js';
import type { Assessment } from '../assessment/schema.js';
import { RubricError } from '../errors/rubric-error.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { compileRuleSet } from './compile-rule-set.js';

// An assessment's fields are read once, before anything is decided: a getter or Proxy trap that answers
// differently on another read, or runs the caller's code, changes nothing once evaluating has begun.

const cited = { 's-policing-room': [{ kind: '照片', name: 'room.jpg' }] };
const unmetFacts = { ...perfectFacts(), cctvCoverage: 0.2, securityStaff: 0, hasPolicingRoom: false };

/** The assessment with an `evidence` getter giving `first` on its first read and `later` after. */
function evidenceChangingOnReread(base: Assessment, first: unknown, later: unknown): Assessment {
  let reads = 0;
  const assessment = { ...base } as Record<string, unknown>;
  Object.defineProperty(assessment, 'evidence', {
    get: () => (reads++ === 0 ? first : later),
    enumerable: true,
    configurable: true,
  });
  return assessment as unknown as Assessment;
}

/** What `evaluate` throws, as code and issues; the result when it throws nothing. */
function settle(evaluate: () => unknown): unknown {
  try {
    return { result: evaluate() };
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    return { code: error.code, issues: error.issues };
  }
}

describe("an assessment's evidence", () => {
  const evaluator = compileRuleSet(lazyResultRuleSet);

  it('is decided as read once, even when a getter gives a wrong shape on another read', () => {
    const base = assessmentOf(perfectFacts(), 'reread');
    const assessment = evidenceChangingOnReread(base, cited, { 's-policing-room': 5 });
    const expected = evaluator.evaluate({ ...base, evidence: cited });
    expect(settle(() => evaluator.evaluate(assessment))).toEqual({ result: expected });
  });

  it('is read once and decided as read, on the slow path too, in both backends', async () => {
    // An envelope with a prototype of its own is read by readAssessment, not by the common case. Its one
    // read of `evidence` (of the wrong shape) is the one checked and decided on; later reads would be fine.
    const wrong = { 's-policing-room': [{ kind: '照片' }] };
    const reads = { count: 0 };
    const slowInput = () => {
      reads.count = 0;
      const assessment = Object.assign(Object.create({}), assessmentOf(perfectFacts(), 'slow'));
      Object.defineProperty(assessment, 'evidence', {
        get: () => (reads.count++ === 0 ? wrong : cited),
        enumerable: true,
      });
      return assessment as Assessment;
    };
    const refused = {
      code: 'INVALID_ASSESSMENT',
      issues: [
        {
          path: ['evidence', 's-policing-room', 0, 'name'],
          message: "name is the document's own title or file name (not blank)",
          kind: 'invalid-evidence',
        },
      ],
    };
    expect(settle(() => evaluator.evaluate(slowInput()))).toEqual(refused);
    expect(reads.count).toBe(1);
    const reference = createJsonRulesEngineEvaluator(lazyResultRuleSet);
    await expect(reference.evaluate(slowInput())).rejects.toMatchObject(refused);
    expect(reads.count).toBe(1);
  });

  it("runs no caller's code once standards are counted: an evaluation within a getter leaves the verdict alone", () => {
    const plain = compileRuleSet(defineRuleSet(sampleRuleSet()));
    const eligible = assessmentOf(perfectFacts(), 'eligible');
    const unmet = assessmentOf(unmetFacts, 'unmet');
    const expected = plain.evaluate(unmet);
    expect(expected.eligible).toBe(false);
    const reentrant = { ...unmet } as Record<string, unknown>;
    Object.defineProperty(reentrant, 'evidence', {
      get: () => {
        plain.evaluate(eligible);
        return undefined;
      },
    });
    const result = plain.evaluate(reentrant as unknown as Assessment);
    expect(result.eligible).toBe(false);
    expect(result).toEqual(expected);
  });
});
