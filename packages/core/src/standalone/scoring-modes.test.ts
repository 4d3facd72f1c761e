import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { afterAll, describe, expect, it } from 'vitest';
import { importStandalone, removeStandaloneModules } from '../../test/standalone-module.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

afterAll(removeStandaloneModules);

/**
 * Points mode with half points and a minimum on each aspect, a shared condition, a fact comparison and
 * evidence that counts: every part a module can carry.
 */
const everyFeature: RuleSetInput = {
  id: 'every-feature',
  version: '1.0.0',
  title: { zh: '全部功能' },
  provenance: { status: 'provisional', source: 'test' },
  facts: {
    a: { type: 'boolean', title: { zh: '甲', en: 'A' } },
    b: { type: 'boolean', title: { zh: '乙' } },
    c: { type: 'integer', title: { zh: '丙' } },
    d: { type: 'integer', title: { zh: '丁' } },
  },
  conditions: {
    both: {
      all: [
        { fact: 'a', operator: 'equal', value: true },
        { fact: 'b', operator: 'equal', value: true },
      ],
    },
  },
  scoring: {
    mode: 'points',
    passMark: 3,
    minMetPerRequirement: 1,
    aspectMinimums: { A1: 1.5, A2: 0.5 },
    unevidenced: 'unmet',
  },
  aspects: [
    {
      id: 'A1',
      title: { zh: '方面一', en: 'Aspect one' },
      requirements: [
        {
          id: 'R1',
          title: { zh: '要求一' },
          standards: [
            {
              id: 'S1',
              title: { zh: '标准一' },
              condition: { fact: 'a', operator: 'equal', value: true },
              points: 1.5,
            },
            {
              id: 'S2',
              title: { zh: '标准二' },
              condition: { condition: 'both' },
              points: 1,
              evidence: ['照片'],
            },
          ],
        },
      ],
    },
    {
      id: 'A2',
      title: { zh: '方面二' },
      requirements: [
        {
          id: 'R2',
          title: { zh: '要求二' },
          standards: [
            {
              id: 'S3',
              title: { zh: '标准三' },
              condition: { fact: 'c', operator: 'greaterThan', value: { fact: 'd' } },
              points: 0.5,
            },
            {
              id: 'S4',
              title: { zh: '标准四' },
              condition: { not: { fact: 'b', operator: 'equal', value: true } },
              applicableWhen: { fact: 'c', operator: 'greaterThanInclusive', value: 1 },
              points: 2,
            },
          ],
        },
      ],
    },
  ],
};

/** Every combination of the facts, some left out, with and without the evidence S2 requires. */
function assessmentsOf(): unknown[] {
  const assessments: unknown[] = [];
  for (const a of [true, false, undefined])
    for (const b of [true, false])
      for (const [c, d] of [
        [2, 1],
        [0, 1],
        [1, undefined],
      ])
        for (const evidence of [undefined, { S2: [{ kind: '照片', name: 'p.jpg' }] }])
          assessments.push({
            id: `a${assessments.length}`,
            community: { name: '小区' },
            facts: Object.fromEntries(
              Object.entries({ a, b, c, d }).filter(([, value]) => value !== undefined),
            ),
            ...(evidence ? { evidence } : {}),
          });
  return assessments;
}

describe('a standalone module', () => {
  it('scores points mode, with aspect minimums and every kind of condition, as the compiled evaluator does', async () => {
    const ruleSet = defineRuleSet(everyFeature);
    const standalone = await importStandalone(generateStandaloneEvaluator(ruleSet));
    const compiled = compileRuleSet(ruleSet);
    const codes = new Set<string>();
    for (const assessment of assessmentsOf()) {
      const expected = compiled.evaluate(assessment as never);
      for (const reason of expected.reasons) codes.add(reason.code);
      expect(JSON.stringify(standalone.evaluate(assessment))).toBe(JSON.stringify(expected));
      expect(standalone.evaluate(assessment, { explain: false })).toEqual(
        compiled.evaluate(assessment as never, { explain: false }),
      );
    }
    // The reasons of every feature were compared, not only some.
    expect([...codes].sort()).toEqual([
      'BELOW_ASPECT_MINIMUM',
      'BELOW_PASS_MARK',
      'EVIDENCE_MISSING',
      'MISSING_DATA',
      'REQUIREMENT_UNCOVERED',
    ]);
  });

  it('carries the runtime of the features its rule set uses, and no other', () => {
    // A runtime function is a `const` of the module or a part in the object its evaluator is given.
    const defined = (source: string) =>
      [...source.matchAll(/^(?:const (\w+) = | {2}(\w+): )\(/gm)].map((match) => match[1] ?? match[2]);
    const optional = ['factComparisons', 'sharedConditions', 'evidenceMissingReason'];
    expect(defined(generateStandaloneEvaluator(defineRuleSet(everyFeature)))).toEqual(
      expect.arrayContaining(optional),
    );
    const guangxi = generateStandaloneEvaluator(guangxi2021);
    expect(defined(guangxi).filter((name) => optional.includes(name!))).toEqual([]);
    // Compliance-rate mode: its own reasons' words, not those of points mode.
    expect(guangxi).toContain('BELOW_THRESHOLD');
    expect(guangxi).not.toContain('BELOW_PASS_MARK');
    expect(generateStandaloneEvaluator(defineRuleSet(everyFeature))).not.toContain('BELOW_THRESHOLD');
  });
});
