import { describe, expect, it } from 'vitest';
import type { Assessment } from '../assessment/schema.js';
import { formatPath, RubricError } from '../errors/rubric-error.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import { EvaluationResultSchema } from '../result/schema.js';
import { factsReadBy, leavesOf } from '../rule-set/conditions.js';
import { defineRuleSet, safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { Condition } from '../rule-set/types.js';
import { explanationInWords } from '../words/explanation-words.js';
import { compileRuleSet, evaluate } from './compile-rule-set.js';

const hasLifts: Condition = { all: [{ fact: 'liftCount', operator: 'greaterThan', value: 0 }] };

/** Two standards that apply only to estates with lifts, one shared condition for both. */
function liftRuleSet(changes: Record<string, unknown> = {}): RuleSetInput {
  return {
    id: 'lift-rubric',
    version: '1.0.0',
    title: { zh: '电梯' },
    provenance: { status: 'provisional', source: 'test' },
    facts: {
      liftCount: { type: 'integer', title: { zh: '电梯数量', en: 'lifts' }, min: 0 },
      liftInspected: { type: 'boolean', title: { zh: '电梯已年检', en: 'lifts inspected' } },
      liftInsured: { type: 'boolean', title: { zh: '电梯已投保', en: 'lifts insured' } },
    },
    conditions: { hasLifts },
    scoring: { mode: 'compliance-rate', threshold: 1 },
    aspects: [
      {
        id: 'lifts',
        title: { zh: '电梯' },
        requirements: [
          {
            id: 'lift-safety',
            title: { zh: '电梯安全' },
            standards: [
              {
                id: 's-inspected',
                title: { zh: '电梯年检' },
                applicableWhen: { condition: 'hasLifts' },
                condition: { fact: 'liftInspected', operator: 'equal', value: true },
              },
              {
                id: 's-insured',
                title: { zh: '电梯投保' },
                applicableWhen: { condition: 'hasLifts' },
                condition: { fact: 'liftInsured', operator: 'equal', value: true },
              },
            ],
          },
        ],
      },
    ],
    ...changes,
  } as RuleSetInput;
}

function issuesOf(document: RuleSetInput) {
  const result = safeDefineRuleSet(document);
  if (result.ok) throw new Error('expected the rule set to be rejected');
  return result.error.issues.map((issue) => ({ path: formatPath(issue.path), kind: issue.kind }));
}

// Facts as a caller sends them, unchecked: the evaluator checks them at run time.
const assessment = (facts: Record<string, unknown>) =>
  ({ id: 'a1', community: { name: '示例' }, facts }) as Assessment;

describe('shared conditions: evaluation', () => {
  it('a reference stands for its shared condition, in both backends alike', async () => {
    const ruleSet = defineRuleSet(liftRuleSet());
    const reference = createJsonRulesEngineEvaluator(ruleSet);
    for (const facts of [
      { liftCount: 0 },
      { liftCount: 2, liftInspected: true, liftInsured: false },
      { liftCount: 2, liftInspected: true },
      {},
    ]) {
      const result = evaluate(ruleSet, assessment(facts));
      expect(result).toEqual(await reference.evaluate(assessment(facts)));
      expect(EvaluationResultSchema.safeParse(result).success).toBe(true);
    }
    const noLifts = evaluate(ruleSet, assessment({ liftCount: 0 }));
    expect(noLifts.standards.map((standard) => standard.outcome)).toEqual([
      'not-applicable',
      'not-applicable',
    ]);
    const unknown = evaluate(ruleSet, assessment({}));
    expect(unknown.standards.map((standard) => standard.outcome)).toEqual(['missing-data', 'missing-data']);
    expect(unknown.missingFacts).toEqual(['liftCount']);
  });

  it('explains a reference as its name over its expansion, and in words', () => {
    const ruleSet = defineRuleSet(liftRuleSet());
    const result = evaluate(ruleSet, assessment({ liftCount: 2, liftInspected: true, liftInsured: true }));
    expect(result.standards[0]!.explanation!.applicable).toEqual({
      kind: 'reference',
      condition: 'hasLifts',
      result: true,
      child: {
        kind: 'all',
        result: true,
        children: [
          { kind: 'leaf', fact: 'liftCount', operator: 'greaterThan', expected: 0, actual: 2, result: true },
        ],
      },
    });
    const lines = explanationInWords(result.standards[0]!.explanation, ruleSet);
    expect(lines.map((line) => [line.depth, line.text.en])).toEqual([
      [0, 'Applies when:'],
      [1, 'Shared condition "hasLifts":'],
      [2, 'All of these:'],
      [3, expect.stringContaining('“lifts”')],
      [0, 'Met when:'],
      [1, expect.stringContaining('“lifts inspected”')],
    ]);
  });

  it('reads facts and leaves through references (factsReadBy, leavesOf)', () => {
    const ruleSet = defineRuleSet(liftRuleSet());
    const standard = ruleSet.aspects[0]!.requirements[0]!.standards[0]!;
    expect(factsReadBy(standard.applicableWhen, ruleSet.conditions)).toEqual(['liftCount']);
    expect(leavesOf(standard.applicableWhen!, ruleSet.conditions).map((leaf) => leaf.fact)).toEqual([
      'liftCount',
    ]);
    expect(() => factsReadBy(standard.applicableWhen)).toThrow(/no shared condition is named "hasLifts"/);
  });

  it('a shared condition may refer to another; scope and focus may refer to one', async () => {
    const ruleSet = defineRuleSet(
      liftRuleSet({
        conditions: {
          hasLifts,
          liftsSafe: {
            all: [{ condition: 'hasLifts' }, { fact: 'liftInspected', operator: 'equal', value: true }],
          },
        },
        scope: { not: { condition: 'liftsSafe' } },
      }),
    );
    const facts = { liftCount: 1, liftInspected: false, liftInsured: true };
    const result = evaluate(ruleSet, assessment(facts));
    expect(result.inScope).toBe(true);
    expect(result).toEqual(await createJsonRulesEngineEvaluator(ruleSet).evaluate(assessment(facts)));
  });

  it('a plugin operator failing inside a shared condition is reported where the condition is written, by both backends', async () => {
    const flaky: OperatorDefinition = {
      name: 'flaky',
      factTypes: ['integer'],
      valueKind: 'scalar',
      evaluate: () => {
        throw new Error('down');
      },
    };
    const document = liftRuleSet({
      conditions: { hasLifts: { all: [{ fact: 'liftCount', operator: 'flaky', value: 0 }] } },
    });
    const facts = assessment({ liftCount: 1, liftInspected: true, liftInsured: true });
    const compiled = (() => {
      try {
        compileRuleSet(defineRuleSet(document, { operators: [flaky] }), { operators: [flaky] }).evaluate(
          facts,
        );
      } catch (error) {
        return error;
      }
    })();
    const reference = await createJsonRulesEngineEvaluator(defineRuleSet(document, { operators: [flaky] }), {
      operators: [flaky],
    })
      .evaluate(facts)
      .catch((error: unknown) => error);
    expect(RubricError.isInstance(compiled) && compiled.code).toBe('PLUGIN_FAILED');
    expect((compiled as RubricError).issues[0]!.path).toEqual(['conditions', 'hasLifts', 'all', 0]);
    expect((reference as RubricError).issues).toEqual((compiled as RubricError).issues);
  });
});

describe('shared conditions: defineRuleSet', () => {
  it('reports a reference to an unknown name at the reference', () => {
    const document = liftRuleSet();
    const standard = document.aspects[0]!.requirements[0]!.standards[1]!;
    (standard as { applicableWhen: unknown }).applicableWhen = { any: [{ condition: 'hasLift' }] };
    expect(issuesOf(document)).toEqual([
      {
        path: '$.aspects[0].requirements[0].standards[1].applicableWhen.any[0].condition',
        kind: 'unknown-condition',
      },
    ]);
  });

  it('reports a cycle between shared conditions once, and a condition nothing refers to', () => {
    expect(
      issuesOf(
        liftRuleSet({
          conditions: {
            hasLifts: { all: [{ condition: 'liftsSafe' }] },
            liftsSafe: { any: [{ condition: 'hasLifts' }] },
            spare: { all: [{ fact: 'liftInsured', operator: 'equal', value: true }] },
          },
        }),
      ),
    ).toEqual([
      { path: '$.conditions.liftsSafe.any[0].condition', kind: 'condition-cycle' },
      { path: '$.conditions.spare', kind: 'unused-condition' },
    ]);
    expect(issuesOf(liftRuleSet({ conditions: { hasLifts: { not: { condition: 'hasLifts' } } } }))).toEqual([
      { path: '$.conditions.hasLifts.not.condition', kind: 'condition-cycle' },
    ]);
  });

  it('counts depth through references, and refuses a bare comparison as a shared condition', () => {
    let deep: Condition = { fact: 'liftCount', operator: 'greaterThan', value: 0 };
    for (let level = 0; level < 31; level++) deep = { not: deep };
    // 32 levels as written: fine alone, one too many under a reference (a level of its own).
    expect(safeDefineRuleSet(liftRuleSet({ scope: deep })).ok).toBe(true);
    expect(issuesOf(liftRuleSet({ conditions: { hasLifts: deep } }))).toEqual([
      { path: '$.aspects[0].requirements[0].standards[0].applicableWhen', kind: 'too-deep' },
      { path: '$.aspects[0].requirements[0].standards[1].applicableWhen', kind: 'too-deep' },
    ]);
    expect(
      issuesOf(
        liftRuleSet({ conditions: { hasLifts: { fact: 'liftCount', operator: 'greaterThan', value: 0 } } }),
      ),
    ).toEqual([{ path: '$.conditions.hasLifts', kind: 'shared-condition-leaf' }]);
  });

  it('refuses a rule set whose references expand beyond any real size, with bounded work', () => {
    // Each name refers to the next twice: 2^25 leaves once expanded, from a document of 25 names.
    const conditions: Record<string, Condition> = {
      c25: { all: [{ fact: 'liftCount', operator: 'greaterThan', value: 0 }] },
    };
    for (let level = 24; level >= 0; level--)
      conditions[`c${level}`] = { all: [{ condition: `c${level + 1}` }, { condition: `c${level + 1}` }] };
    const document = liftRuleSet({ conditions });
    const standard = document.aspects[0]!.requirements[0]!.standards[0]! as { applicableWhen: unknown };
    standard.applicableWhen = { condition: 'c0' };
    const kinds = issuesOf(document);
    expect(kinds).toContainEqual({ path: '$.conditions', kind: 'too-large' });
  });

  it('names shared conditions like ids, and refuses reserved names', () => {
    expect(issuesOf(liftRuleSet({ conditions: { 'has lifts': hasLifts } }))).toContainEqual({
      path: '$.conditions["has lifts"]',
      kind: 'invalid_key',
    });
  });
});

describe('format version', () => {
  it('is 2 for a document with shared conditions or fact values, 1 otherwise, when not given', () => {
    expect(defineRuleSet(liftRuleSet()).formatVersion).toBe(2);
    const plain = liftRuleSet({ conditions: undefined });
    for (const standard of plain.aspects[0]!.requirements[0]!.standards)
      (standard as { applicableWhen: unknown }).applicableWhen = hasLifts;
    expect(defineRuleSet(plain).formatVersion).toBe(1);
    expect(defineRuleSet({ ...plain, formatVersion: 2 }).formatVersion).toBe(2);
    const comparing = liftRuleSet({
      conditions: undefined,
      scope: { fact: 'liftInspected', operator: 'equal', value: { fact: 'liftInsured' } },
    });
    for (const standard of comparing.aspects[0]!.requirements[0]!.standards)
      (standard as { applicableWhen?: unknown }).applicableWhen = undefined;
    expect(defineRuleSet(JSON.parse(JSON.stringify(comparing))).formatVersion).toBe(2);
  });

  it('a document that declares version 1 and uses a version 2 feature is refused, saying which', () => {
    const result = safeDefineRuleSet(liftRuleSet({ formatVersion: 1 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual([
      {
        path: ['formatVersion'],
        message: expect.stringContaining('shared conditions at $.conditions'),
        kind: 'format-version',
      },
    ]);
    expect(issuesOf(liftRuleSet({ formatVersion: 3 }))).toEqual([
      { path: '$.formatVersion', kind: expect.any(String) },
    ]);
  });
});
