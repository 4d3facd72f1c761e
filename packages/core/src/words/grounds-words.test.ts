import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import { groundsInWords, groundsSummary } from './grounds-words.js';

function withGrounds(): RuleSetInput {
  const ruleSet = structuredClone(sampleRuleSet()) as RuleSetInput;
  const standards = ruleSet.aspects.flatMap((aspect) => aspect.requirements.flatMap((r) => r.standards));
  Object.assign(standards[0]!, {
    grounds: [
      { kind: 'plan-clause', clause: '六（二）', encouraged: true },
      { kind: 'project-drafting', note: 'drafted as mandatory' },
    ],
  });
  Object.assign(standards[1]!, {
    grounds: [
      { kind: 'public-source', source: 'a news item' },
      { kind: 'project-drafting', note: 'thresholds' },
    ],
    drafted: [
      { fact: 'securityStaff', value: 4, note: '4 为草拟' },
      { fact: 'cctvCoverage', value: 0.9, note: '90% 为草拟' },
    ],
  });
  Object.assign(standards[2]!, { grounds: [{ kind: 'project-drafting', note: 'common practice' }] });
  return ruleSet;
}

describe('groundsSummary', () => {
  it('counts standards by their strongest ground, those resting on encouragement, and drafted values', () => {
    const ruleSet = defineRuleSet(withGrounds());
    const total = ruleSet.aspects.flatMap((aspect) => aspect.requirements.flatMap((r) => r.standards)).length;
    const summary = groundsSummary(ruleSet);
    expect(summary).toEqual({
      standards: { planClause: 1, publicSource: 1, projectDrafting: 1, untyped: total - 3 },
      encouragedOnly: [ruleSet.aspects[0]!.requirements[0]!.standards[0]!.id],
      drafted: { values: 2, numbers: 2 },
    });
    expect(groundsInWords(summary)).toEqual({
      zh: `依据：1 项引用方案条款，1 项依据其他公开来源，1 项为项目起草，${total - 3} 项未注明依据类型；1 项只依据鼓励性内容；草拟取值 2 处（其中数字 2 个）`,
      en: `Grounds: 1 cite a plan clause, 1 another public source, 1 project drafting only, ${total - 3} untyped; 1 rest only on encouragements; 2 drafted values (2 numbers)`,
    });
  });

  it('calls a standard with a required source beside an encouraged one not encouragement-only', () => {
    const ruleSet = withGrounds();
    const first = ruleSet.aspects[0]!.requirements[0]!.standards[0]!;
    Object.assign(first, {
      grounds: [...(first.grounds ?? []), { kind: 'plan-clause', clause: '四（三）' }],
    });
    expect(groundsSummary(defineRuleSet(ruleSet)).encouragedOnly).toEqual([]);
  });
});
