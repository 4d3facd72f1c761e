import { fc, test } from '@fast-check/vitest';
import { assessmentArbitrary, ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect } from 'vitest';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { extendRuleSet } from './extend-rule-set.js';

const cases = ruleSetArbitrary().chain((ruleSet) =>
  fc.tuple(
    fc.constant(ruleSet),
    fc.array(assessmentArbitrary(defineRuleSet(ruleSet)), { minLength: 1, maxLength: 4 }),
  ),
);

/** What a variant shares with its base: everything but its name, its `extends` and its provenance notes. */
function content(ruleSet: RuleSet) {
  const { id: _id, version: _version, extends: _extends, provenance, ...rest } = ruleSet;
  const { notes: _notes, ...provenanceRest } = provenance;
  return { ...rest, provenance: provenanceRest };
}

describe('an empty patch', () => {
  test.prop([cases])(
    'gives the base under a new name, evaluating every assessment the same',
    ([input, assessments]) => {
      const base = defineRuleSet(input);
      const variant = extendRuleSet(base, { id: 'random-variant', version: '2.0.0' });
      expect(variant.extends).toBe(`${base.id}@${base.version}`);
      expect(content(variant)).toEqual(content(base));
      const baseEvaluator = compileRuleSet(base);
      const variantEvaluator = compileRuleSet(variant);
      for (const assessment of assessments) {
        const { ruleSet: _base, ...expected } = baseEvaluator.evaluate(assessment);
        const { ruleSet: _variant, ...actual } = variantEvaluator.evaluate(assessment);
        expect(actual).toEqual(expected);
      }
    },
  );
});
