import { defineRuleSet, diffRuleSets, type RuleSetInput } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { tinyRuleSet } from '../../test/tiny-rule-set.js';
import { diffText } from './diff-command.js';

type Condition = RuleSetInput['aspects'][number]['requirements'][number]['standards'][number]['condition'];

/**
 * The tiny rule set with S1 reading the shared condition `hasA`, S3 reading `aOrC` (which refers to `hasA`),
 * and the given shared conditions besides, the scope and the focus reading whichever it names.
 */
function shared(hasA: Condition, extra: Record<string, Condition>, scope: string, focus?: string) {
  const input = tinyRuleSet() as unknown as RuleSetInput & { conditions: Record<string, Condition> };
  input.conditions = {
    hasA,
    aOrC: { any: [{ condition: 'hasA' }, { fact: 'c', operator: 'equal', value: true }] },
    ...extra,
  };
  const [s1, s2] = input.aspects[0]!.requirements[0]!.standards as { condition: Condition }[];
  const s3 = input.aspects[0]!.requirements[1]!.standards[0] as { condition: Condition };
  s1!.condition = { condition: 'hasA' };
  s2!.condition = { fact: 'b', operator: 'greaterThanInclusive', value: 3 };
  s3.condition = { condition: 'aOrC' };
  input.scope = { condition: scope };
  if (focus !== undefined) input.focus = { condition: focus };
  return defineRuleSet(input);
}

const atLeast = (value: number): Condition => ({
  all: [{ fact: 'b', operator: 'greaterThanInclusive', value }],
});
const before = shared(
  { all: [{ fact: 'a', operator: 'equal', value: true }] },
  { someB: atLeast(1) },
  'someB',
);
const after = shared(
  { all: [{ fact: 'a', operator: 'equal', value: false }] },
  { manyB: atLeast(5) },
  'hasA',
  'manyB',
);

describe('diff as text', () => {
  it('lists shared conditions added, removed and changed, with the standards, scope and focus each reaches', () => {
    const diff = diffRuleSets(before, after);
    // Only shared conditions, the scope and the focus changed: no standard is listed as changed.
    expect(diff.standards.changed).toEqual([]);
    expect(diffText(diff, 'en')).toBe(
      [
        'tiny-city@1.0.0 → tiny-city@1.0.0',
        'Rule set:',
        '  ~ scope: {"condition":"someB"} → {"condition":"hasA"}',
        '  ~ focus: (none) → {"condition":"manyB"}',
        'Shared conditions: 1 added, 1 removed, 2 changed',
        '  + manyB',
        '  - someB',
        '  ~ hasA',
        '      condition: {"all":[{"fact":"a","operator":"equal","value":true}]} → {"all":[{"fact":"a","operator":"equal","value":false}]}',
        '      reaches: standards S1, S3; the scope',
        '  ~ aOrC',
        '      reaches: standards S3',
        '',
      ].join('\n'),
    );
    const zh = diffText(diff, 'zh');
    expect(zh).toContain('共享条件：新增 1，删除 1，修改 2\n');
    expect(zh).toContain('\n  ~ hasA\n');
    expect(zh).toContain('\n      影响：标准 S1、S3；适用范围\n');
    expect(zh).toContain('\n      影响：标准 S3\n');
  });

  it('says when a changed shared condition reaches the focus', () => {
    const focused = shared({ all: [{ fact: 'a', operator: 'equal', value: true }] }, {}, 'aOrC', 'hasA');
    const widened = shared({ any: [{ fact: 'a', operator: 'equal', value: true }] }, {}, 'aOrC', 'hasA');
    const text = diffText(diffRuleSets(focused, widened), 'en');
    expect(text).toContain('\n  ~ hasA\n');
    expect(text).toContain('\n      reaches: standards S1, S3; the scope; the focus\n');
    expect(diffText(diffRuleSets(focused, widened), 'zh')).toContain(
      '影响：标准 S1、S3；适用范围；重点范围\n',
    );
  });
});
