// Type-level tests: `tsc` (pnpm typecheck) checks this file, and an unused `@ts-expect-error` is itself an
// error, so each line below fails the type check if the call it marks starts to compile.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import type { Assessment } from '../assessment/schema.js';
import { diffRuleSets } from '../diff/diff-rule-sets.js';
import { RubricError } from '../errors/rubric-error.js';
import {
  createJsonRulesEngineEvaluator,
  evaluateWithJsonRulesEngine,
} from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import { toJsonRulesEngineRules } from '../json-rules-engine/to-rules.js';
import { planRemediation } from '../remediation/plan-remediation.js';
import { defineRuleSet, safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { whatIf } from '../what-if/what-if.js';
import { compileRuleSet, type Evaluator, evaluate } from './compile-rule-set.js';

const ruleSet = defineRuleSet(sampleRuleSet());
const assessment = assessmentOf(perfectFacts());

describe('signatures', () => {
  it('take a defined RuleSet and an Assessment', () => {
    expectTypeOf(compileRuleSet).parameter(0).toEqualTypeOf<RuleSet>();
    expectTypeOf(evaluate).parameter(0).toEqualTypeOf<RuleSet>();
    expectTypeOf(evaluate).parameter(1).toEqualTypeOf<Assessment>();
    expectTypeOf<Evaluator['evaluate']>().parameter(0).toEqualTypeOf<Assessment>();
    expectTypeOf(planRemediation).parameter(0).toEqualTypeOf<RuleSet>();
    expectTypeOf(whatIf).parameter(0).toEqualTypeOf<RuleSet>();
    expectTypeOf(diffRuleSets).parameters.toEqualTypeOf<[RuleSet, RuleSet]>();
    expectTypeOf(toJsonRulesEngineRules).parameter(0).toEqualTypeOf<RuleSet>();
    expectTypeOf(createJsonRulesEngineEvaluator).parameter(0).toEqualTypeOf<RuleSet>();
    expectTypeOf(evaluateWithJsonRulesEngine).parameter(1).toEqualTypeOf<Assessment>();
  });

  it('take a rule-set document only through defineRuleSet (at run time it is validated on each call)', () => {
    // @ts-expect-error a document is not a RuleSet: its defaults are not filled in
    expect(compileRuleSet(sampleRuleSet()).ruleSet).toEqual(ruleSet);
    expect(compileRuleSet(defineRuleSet(sampleRuleSet())).ruleSet).toEqual(ruleSet);
  });

  it('leave unknown to the entry points that validate', () => {
    expectTypeOf(defineRuleSet).parameter(0).toBeUnknown();
    expectTypeOf(safeDefineRuleSet).parameter(0).toBeUnknown();
  });

  it('refuse what is not a rule set or an assessment, at compile time', () => {
    const refused = [
      // @ts-expect-error a bare object is not a rule set, and 42 is not an assessment
      () => evaluate({ id: 'x' }, 42),
      // @ts-expect-error an assessment needs id, community and facts
      () => compileRuleSet(ruleSet).evaluate({ facts: {} }),
      // @ts-expect-error a fact value is a boolean, number or string
      () => evaluate(ruleSet, { ...assessment, facts: { occupied: [true] } }),
      // @ts-expect-error
      () => planRemediation({ id: 'x' }, evaluate(ruleSet, assessment)),
      // @ts-expect-error
      () => whatIf('guangxi-2021', evaluate(ruleSet, assessment), {}),
      // @ts-expect-error
      () => diffRuleSets(ruleSet, {}),
    ];
    // At run time the checks stay, for JavaScript callers: each call is refused with a RubricError.
    for (const call of refused) {
      expect(() => call()).toThrow();
      try {
        call();
      } catch (error) {
        expect(RubricError.isInstance(error)).toBe(true);
      }
    }
  });
});
