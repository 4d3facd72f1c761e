import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { patchRejection } from '../../test/patch-rejection.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { Condition } from '../rule-set/types.js';
import { extendRuleSet } from './extend-rule-set.js';

const liftsPresent: Condition = { all: [{ fact: 'hasLifts', operator: 'equal', value: true }] };

/** The sample rubric with its lift standard's applicability moved into a shared condition. */
function sharedBase() {
  const document = sampleRuleSet() as RuleSetInput & { conditions?: unknown };
  document.conditions = { liftsPresent };
  const standard = document.aspects[0]!.requirements[1]!.standards[0]! as { applicableWhen: unknown };
  standard.applicableWhen = { condition: 'liftsPresent' };
  return defineRuleSet(document);
}

const variantId = { id: 'sample-city', version: '1.0.0' } as const;

describe('extendRuleSet and shared conditions', () => {
  it('keeps the base’s shared conditions, and an added standard may refer to them', () => {
    const base = sharedBase();
    const variant = extendRuleSet(base, {
      ...variantId,
      add: [
        {
          to: 'lifts',
          standard: {
            id: 's-lift-staff',
            title: { zh: '电梯安全管理员' },
            applicableWhen: { condition: 'liftsPresent' },
            condition: { fact: 'securityStaff', operator: 'greaterThanInclusive', value: 1 },
          },
        },
      ],
    });
    expect(variant.conditions).toEqual({ liftsPresent });
    expect(variant.formatVersion).toBe(2);
    const result = evaluate(variant, assessmentOf({ ...perfectFacts(), hasLifts: false }));
    expect(
      result.standards.filter((standard) => standard.outcome === 'not-applicable').map(({ id }) => id),
    ).toEqual(['s-lift-inspection', 's-lift-staff']);
  });

  it('replaces a shared condition by name: every standard that refers to it follows', () => {
    const base = sharedBase();
    const variant = extendRuleSet(base, {
      ...variantId,
      conditions: {
        liftsPresent: {
          all: [
            { fact: 'hasLifts', operator: 'equal', value: true },
            { fact: 'securityStaff', operator: 'greaterThanInclusive', value: 10 },
          ],
        },
      },
    });
    const outcome = (ruleSet: typeof base) =>
      evaluate(ruleSet, assessmentOf(perfectFacts())).standards.find(({ id }) => id === 's-lift-inspection')!
        .outcome;
    expect(outcome(base)).toBe('met');
    expect(outcome(variant)).toBe('not-applicable');
  });

  it('removes a shared condition with null, and the variant is format version 1 again when nothing needs 2', () => {
    const base = sharedBase();
    const variant = extendRuleSet(base, {
      ...variantId,
      conditions: { liftsPresent: null },
      replace: [
        {
          id: 's-lift-inspection',
          title: { zh: '电梯年检' },
          applicableWhen: liftsPresent,
          condition: { fact: 'liftsInspected', operator: 'equal', value: true },
        },
      ],
    });
    expect(variant.conditions).toBeUndefined();
    expect(variant.formatVersion).toBe(1);
  });

  it('adds a shared condition', () => {
    const variant = extendRuleSet(defineRuleSet(sampleRuleSet()), {
      ...variantId,
      conditions: { liftsPresent },
      replace: [
        {
          id: 's-lift-inspection',
          title: { zh: '电梯年检' },
          applicableWhen: { condition: 'liftsPresent' },
          condition: { fact: 'liftsInspected', operator: 'equal', value: true },
        },
      ],
    });
    expect(variant.conditions).toEqual({ liftsPresent });
    expect(variant.formatVersion).toBe(2);
  });

  it('refuses to remove a shared condition the base lacks, and says how to drop one the variant no longer uses', () => {
    expect(patchRejection(sharedBase(), { ...variantId, conditions: { liftPresent: null } })).toEqual({
      code: 'INVALID_PATCH',
      issues: [
        {
          path: ['conditions', 'liftPresent'],
          message: 'the base has no shared condition named "liftPresent", so there is nothing to remove',
          kind: 'unknown-id',
        },
      ],
    });
    const orphaned = patchRejection(sharedBase(), { ...variantId, remove: ['lifts'] });
    expect(orphaned.code).toBe('INVALID_RULE_SET');
    expect(orphaned.issues).toEqual([
      {
        path: ['conditions', 'liftsPresent'],
        message: expect.stringContaining('remove it with conditions: { "liftsPresent": null }'),
        kind: 'unused-condition',
      },
    ]);
    const dangling = patchRejection(sharedBase(), { ...variantId, conditions: { liftsPresent: null } });
    expect(dangling.issues).toEqual([
      {
        path: ['aspects', 0, 'requirements', 1, 'standards', 0, 'applicableWhen', 'condition'],
        message: expect.stringContaining('no shared condition is named "liftsPresent"'),
        kind: 'unknown-condition',
      },
    ]);
  });
});
