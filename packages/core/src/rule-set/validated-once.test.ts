import { describe, expect, it, vi } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { compileRuleSet, evaluate } from '../evaluate/compile-rule-set.js';
import { createJsonRulesEngineEvaluator } from '../json-rules-engine/evaluate-with-json-rules-engine.js';
import { planRemediation } from '../remediation/plan-remediation.js';
import { extendRuleSet } from '../variants/extend-rule-set.js';
import { whatIf } from '../what-if/what-if.js';
import { defineRuleSet } from './define-rule-set.js';
import type { OperatorDefinition } from './operators.js';
import type { RuleSet } from './types.js';

// Every check of a rule-set document's structure: the count of those is the count of validations (each
// one also runs the semantic checks, the costlier half).
const parsed = vi.hoisted(() => ({ ruleSets: 0 }));
vi.mock('./shape/rule-set-shape.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./shape/rule-set-shape.js')>();
  return {
    ...actual,
    checkRuleSetShape: (document: unknown) => {
      parsed.ruleSets += 1;
      return actual.checkRuleSetShape(document);
    },
  };
});

function ruleSetParses(run: () => unknown): number {
  const before = parsed.ruleSets;
  run();
  return parsed.ruleSets - before;
}

const startsWithOperator: OperatorDefinition = {
  name: 'startsWith',
  factTypes: ['enum'],
  valueKind: 'scalar',
  valueType: 'string',
  evaluate: (factValue, value) => String(factValue).startsWith(String(value)),
};

function ruleSetCallingStartsWith(): RuleSet {
  const document = sampleRuleSet();
  const childcare = document.aspects[1]!.requirements[0]!;
  childcare.standards[1]!.condition = { fact: 'heating', operator: 'startsWith', value: 'ga' };
  return defineRuleSet(document, { operators: [startsWithOperator] });
}

describe('a rule set that defineRuleSet returned', () => {
  it('is validated once, however many functions take it', () => {
    let ruleSet: RuleSet | undefined;
    expect(ruleSetParses(() => (ruleSet = defineRuleSet(sampleRuleSet())))).toBe(1);
    const defined = ruleSet!;
    const assessment = assessmentOf({ ...perfectFacts(), hasPolicingRoom: false });
    const uses = () => {
      const result = compileRuleSet(defined).evaluate(assessment);
      evaluate(defined, assessment, { explain: false });
      planRemediation(defined, result);
      whatIf(defined, result, { 's-policing-room': 'met' });
      createJsonRulesEngineEvaluator(defined);
      expect(defineRuleSet(defined)).toBe(defined);
    };
    expect(ruleSetParses(uses)).toBe(0);
  });

  it('is not validated again as the base of a variant; the variant is validated once', () => {
    const base = defineRuleSet(sampleRuleSet());
    let variant: RuleSet | undefined;
    const count = ruleSetParses(() => {
      variant = extendRuleSet(base, { id: 'sample-variant', version: '1.0.0', remove: ['s-heating'] });
    });
    expect(count).toBe(1);
    expect(ruleSetParses(() => compileRuleSet(variant!))).toBe(0);
  });

  it('keeps its custom operators: compiled with them, it is not validated again', () => {
    const ruleSet = ruleSetCallingStartsWith();
    const operators = [{ ...startsWithOperator }];
    expect(ruleSetParses(() => compileRuleSet(ruleSet, { operators }))).toBe(0);
  });

  it('is validated again, and refused, when compiled without a custom operator it uses', () => {
    const ruleSet = ruleSetCallingStartsWith();
    expect(() => compileRuleSet(ruleSet)).toThrow(
      expect.objectContaining({
        code: 'INVALID_RULE_SET',
        issues: [
          expect.objectContaining({
            path: ['aspects', 1, 'requirements', 0, 'standards', 1, 'condition', 'operator'],
            kind: 'unknown-operator',
          }),
        ],
      }),
    );
  });

  it('is validated again, and refused, without a custom operator it uses only in a shared condition or the scope', () => {
    const document = sampleRuleSet();
    const childcare = document.aspects[1]!.requirements[0]!;
    document.conditions = { gasHeated: { all: [{ fact: 'heating', operator: 'startsWith', value: 'ga' }] } };
    childcare.standards[1]!.condition = { condition: 'gasHeated' };
    const shared = defineRuleSet(document, { operators: [startsWithOperator] });
    expect(() => compileRuleSet(shared)).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: ['conditions', 'gasHeated', 'all', 0, 'operator'] })],
      }),
    );
    const scoped = defineRuleSet(
      { ...sampleRuleSet(), scope: { fact: 'heating', operator: 'startsWith', value: 'ga' } },
      { operators: [startsWithOperator] },
    );
    expect(() => compileRuleSet(scoped)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['scope', 'operator'] })] }),
    );
    expect(ruleSetParses(() => compileRuleSet(shared, { operators: [startsWithOperator] }))).toBe(0);
  });

  it('is validated again when an operator of the same name checks other fact types', () => {
    const ruleSet = ruleSetCallingStartsWith();
    const operators = [{ ...startsWithOperator, factTypes: ['string' as const] }];
    let thrown: unknown;
    const count = ruleSetParses(() => {
      try {
        compileRuleSet(ruleSet, { operators });
      } catch (error) {
        thrown = error;
      }
    });
    expect(count).toBe(1);
    expect(thrown).toMatchObject({ code: 'INVALID_RULE_SET', issues: [{ kind: 'operator-type-mismatch' }] });
  });
});

describe('a plain rule-set document (a JavaScript caller, or JSON cast to RuleSet)', () => {
  it('is validated on every call, since nothing stops it changing between calls', () => {
    const document = sampleRuleSet() as unknown as RuleSet;
    const assessment = assessmentOf(perfectFacts());
    expect(ruleSetParses(() => evaluate(document, assessment))).toBe(1);
    expect(ruleSetParses(() => evaluate(document, assessment))).toBe(1);
  });

  it('is refused with every issue when invalid', () => {
    const document = { ...sampleRuleSet(), aspects: [] } as unknown as RuleSet;
    expect(() => compileRuleSet(document)).toThrow(expect.objectContaining({ code: 'INVALID_RULE_SET' }));
  });
});
