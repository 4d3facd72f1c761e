import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import { deepEqual } from '../util/deep-equal.js';
import { diffRuleSets } from './diff-rule-sets.js';

describe('diffRuleSets', () => {
  it('finds nothing between a rule set and itself', () => {
    const diff = diffRuleSets(defineRuleSet(sampleRuleSet()), defineRuleSet(sampleRuleSet()));
    expect(diff.identical).toBe(true);
    expect(diff.standards).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports standards added, removed, changed and moved, scoring and fact changes', () => {
    const before = defineRuleSet(sampleRuleSet());
    const input = sampleRuleSet();
    input.version = '1.1.0';
    input.scoring = { mode: 'compliance-rate', threshold: 0.9 };
    const policing = input.aspects[0]!.requirements[0]!;
    policing.standards[0]!.title = { zh: '设立社区警务室' };
    policing.standards[1]!.points = 2;
    const [moved] = input.aspects[1]!.requirements[0]!.standards.splice(2, 1);
    policing.standards.push(moved!);
    input.aspects[1]!.requirements[0]!.standards.splice(1, 1);
    input.aspects[1]!.requirements[0]!.standards.push({
      id: 's-new',
      title: { zh: '新标准' },
      condition: { fact: 'recyclingPoint', operator: 'equal', value: true },
      responsible: ['supply-marketing-coop'],
    });
    input.facts.recyclingPoint = { type: 'boolean', title: { zh: '是否设有再生资源回收点' } };
    input.facts.cctvCoverage = { type: 'number', title: { zh: '监控覆盖率' }, min: 0, max: 100 };
    const diff = diffRuleSets(before, defineRuleSet(input));
    expect(diff.from).toEqual({ id: 'sample-rubric', version: '1.0.0' });
    expect(diff.to).toEqual({ id: 'sample-rubric', version: '1.1.0' });
    expect(diff.identical).toBe(false);
    expect(diff.ruleSet).toEqual([{ field: 'scoring.threshold', before: 0.85, after: 0.9 }]);
    expect(diff.standards.added).toEqual(['s-new']);
    expect(diff.standards.removed).toEqual(['s-heating']);
    expect(diff.standards.changed).toEqual([
      {
        id: 's-policing-room',
        changes: [{ field: 'title', before: { zh: '设警务室' }, after: { zh: '设立社区警务室' } }],
      },
      { id: 's-security-staff', changes: [{ field: 'points', before: undefined, after: 2 }] },
      {
        id: 's-inspection-date',
        changes: [{ field: 'requirementId', before: 'childcare', after: 'policing' }],
      },
    ]);
    expect(diff.facts).toEqual({
      added: ['recyclingPoint'],
      removed: [],
      changed: [{ id: 'cctvCoverage', changes: [{ field: 'max', before: 1, after: 100 }] }],
    });
  });

  it('reports condition changes', () => {
    const input = sampleRuleSet();
    input.aspects[0]!.requirements[0]!.standards[0]!.condition = {
      fact: 'hasPolicingRoom',
      operator: 'notEqual',
      value: false,
    };
    expect(diffRuleSets(defineRuleSet(sampleRuleSet()), defineRuleSet(input)).standards.changed).toEqual([
      expect.objectContaining({
        id: 's-policing-room',
        changes: [expect.objectContaining({ field: 'condition' })],
      }),
    ]);
  });
});

describe('diffRuleSets and shared conditions', () => {
  /** The sample rubric with its scope and the lift standard's applicability as shared conditions. */
  function shared(liftsPresent: unknown) {
    const input = sampleRuleSet() as RuleSetInput & { conditions?: unknown };
    input.conditions = {
      liftsPresent,
      inScope: { all: [{ fact: 'occupied', operator: 'equal', value: true }, { condition: 'liftsPresent' }] },
    };
    input.scope = { condition: 'inScope' };
    const standard = input.aspects[0]!.requirements[1]!.standards[0]! as { applicableWhen: unknown };
    standard.applicableWhen = { condition: 'liftsPresent' };
    return defineRuleSet(input);
  }

  it('shows a changed shared condition, each one that refers to it, and every standard it reaches', () => {
    const before = shared({ all: [{ fact: 'hasLifts', operator: 'equal', value: true }] });
    const after = shared({ any: [{ fact: 'hasLifts', operator: 'equal', value: true }] });
    const diff = diffRuleSets(before, after);
    expect(diff.identical).toBe(false);
    expect(diff.standards.changed).toEqual([]);
    expect(diff.conditions).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: 'liftsPresent',
          changes: [
            {
              field: 'condition',
              before: { all: [{ fact: 'hasLifts', operator: 'equal', value: true }] },
              after: { any: [{ fact: 'hasLifts', operator: 'equal', value: true }] },
            },
          ],
          reaches: { standards: ['s-lift-inspection'], scope: true, focus: false },
        },
        { id: 'inScope', changes: [], reaches: { standards: [], scope: true, focus: false } },
      ],
    });
    expect(diffRuleSets(before, before).identical).toBe(true);
  });
});

describe('deepEqual', () => {
  it('ignores key order and undefined keys, not values', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: [] }, { a: {} })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
