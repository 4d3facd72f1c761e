import { describe, it } from 'vitest';
import { checkEvaluation, oneStandard } from '../../test/fuzz/checks.js';
import { FUZZ_TIMEOUT } from '../../test/fuzz/contract.js';
import { guangxi2021, inScopeFailingAssessment, pointsDocument } from '../../test/fuzz/documents.js';
import { cyclicValue, quarantined } from '../../test/fuzz/hostile-values.js';
import { type Assessment, compileRuleSet, defineRuleSet, evaluate, type RuleSetInput } from '../index.js';

const guangxiEvaluator = compileRuleSet(guangxi2021);

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  const withFact = (value: unknown) => ({ ...inScopeFailingAssessment, facts: { occupied: value } });

  // BUG-2: read-facts describeValue → check-semantics show() calls JSON.stringify on the wrong value, which
  // throws on a BigInt ("Do not know how to serialize a BigInt") and on a cycle ("Converting circular
  // structure to JSON"); evaluate throws a TypeError instead of INVALID_ASSESSMENT.
  it('BUG-2: a BigInt fact value gives INVALID_ASSESSMENT, not a TypeError', () => {
    checkEvaluation(() => guangxiEvaluator.evaluate(withFact(quarantined.bigint!()) as Assessment), 'bug');
  });

  it('BUG-2: a cyclic fact value gives INVALID_ASSESSMENT, not a TypeError', () => {
    checkEvaluation(() => guangxiEvaluator.evaluate(withFact(cyclicValue()) as Assessment), 'bug');
  });

  // The JSON-reachable form of BUG-2: JSON.stringify recurses, and 20,000 levels overflow the stack.
  it('BUG-2: a 20,000-deep fact value (valid JSON) gives INVALID_ASSESSMENT, not a RangeError', () => {
    const text = `{"id":"a","community":{"name":"n"},"facts":{"occupied":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    checkEvaluation(() => guangxiEvaluator.evaluate(JSON.parse(text)), 'bug');
  });

  // BUG-6: a point value whose decimal scale overflows (5e-324 needs 10^324, which is Infinity as a number)
  // makes pointsScale Infinity: the result has score.max NaN (null in JSON) and an ineligible verdict
  // with no reasons.
  it('BUG-6: points of 5e-324 give a valid result (finite score, reasons when ineligible)', () => {
    const ruleSet: RuleSetInput = {
      ...pointsDocument,
      scoring: { mode: 'points', passMark: 0 },
      aspects: oneStandard({ fact: 'occupied', operator: 'equal', value: true }, { points: 5e-324 }),
    };
    checkEvaluation(
      () =>
        evaluate(defineRuleSet(ruleSet), { id: 'a', community: { name: 'n' }, facts: { occupied: false } }),
      'bug',
    );
  });
});
