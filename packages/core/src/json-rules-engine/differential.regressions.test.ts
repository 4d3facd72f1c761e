import { describe, expect, it } from 'vitest';
import { oneStandard } from '../../test/fuzz/checks.js';
import { FUZZ_TIMEOUT } from '../../test/fuzz/contract.js';
import { pointsDocument } from '../../test/fuzz/documents.js';
import { defineRuleSet, evaluate, type RuleSetInput } from '../index.js';
import { evaluateWithJsonRulesEngine } from '../json-rules-engine/index.js';

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  // BUG-7: the json-rules-engine backend decides "missing" with `factId in facts`, which also sees
  // Object.prototype: a fact named toString (or valueOf, hasOwnProperty, isPrototypeOf…) that the
  // assessment leaves out is "unmet" there but "missing-data" in the compiled evaluator.
  it('BUG-7: json-rules-engine agrees with the compiled evaluator on a missing fact named toString', async () => {
    const { scope: _scope, ...unscoped } = pointsDocument;
    const ruleSet: RuleSetInput = {
      ...unscoped,
      facts: { toString: { type: 'boolean' as const, title: { zh: 't' } } },
      scoring: { mode: 'compliance-rate', threshold: 0.5 },
      aspects: oneStandard({ fact: 'toString', operator: 'equal', value: true }),
    };
    const assessment = { id: 'a', community: { name: 'n' }, facts: {} };
    const compiled = evaluate(defineRuleSet(ruleSet), assessment);
    const reference = await evaluateWithJsonRulesEngine(defineRuleSet(ruleSet), assessment);
    expect(compiled.standards[0]?.outcome).toBe('missing-data');
    expect(reference).toEqual(compiled);
  });
});
