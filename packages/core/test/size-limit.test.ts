import { describe, expect, it } from 'vitest';
import {
  compileRuleSet,
  defineRuleSet,
  MAX_STANDARDS,
  planRemediation,
  RubricError,
  type RuleSetInput,
  safeDefineRuleSet,
  whatIf,
} from '../src/index.js';
import { MAX_DOCUMENT_NODES } from '../src/reading/structure-depth.js';

/**
 * A rule set of `standards` standards, 100 to a requirement, 10 aspects, 100 boolean facts: as lean as a
 * JSON document can be (three objects a standard), so that it stays under the document limits.
 */
function ruleSetOf(standards: number): RuleSetInput {
  const facts: RuleSetInput['facts'] = {};
  for (let index = 0; index < 100; index++)
    facts[`f${index}`] = { type: 'boolean', title: { zh: `事实${index}` } };
  const aspects = Array.from({ length: 10 }, (_, aspect) => ({
    id: `a${aspect}`,
    title: { zh: `方面${aspect}` },
    requirements: [] as RuleSetInput['aspects'][number]['requirements'],
  }));
  for (let first = 0, requirement = 0; first < standards; first += 100, requirement++) {
    const count = Math.min(100, standards - first);
    aspects[requirement % 10]!.requirements.push({
      id: `r${requirement}`,
      title: { zh: `要求${requirement}` },
      standards: Array.from({ length: count }, (_, index) => ({
        id: `s${first + index}`,
        title: { zh: `标准${first + index}` },
        condition: { fact: `f${(first + index) % 100}`, operator: 'equal', value: true },
      })),
    });
  }
  return {
    id: 'size-limit',
    version: '1.0.0',
    title: { zh: '规模上限' },
    provenance: { status: 'provisional', source: 'test' },
    facts,
    scoring: { mode: 'compliance-rate', threshold: 0.85 },
    aspects,
  };
}

describe(`one size limit: ${MAX_STANDARDS} standards`, () => {
  it('a rule set at the limit is defined, compiled, evaluated with explanations, remediated and what-iffed', () => {
    const evaluator = compileRuleSet(defineRuleSet(ruleSetOf(MAX_STANDARDS)));
    const facts = Object.fromEntries(
      Array.from({ length: 100 }, (_, index) => [`f${index}`, index % 5 !== 0]),
    );
    const result = evaluator.evaluate({ id: 'e', community: { name: '小区' }, facts });
    expect(result.standards).toHaveLength(MAX_STANDARDS);
    expect(result.eligible).toBe(false);
    // Before, both refused the result: "60000 entries; no list or object of a valid document has more than 10000".
    const plan = planRemediation(evaluator.ruleSet, result);
    expect(plan.feasible).toBe(true);
    const fixed = Object.fromEntries(plan.steps.map((step) => [step.standardId, 'met' as const]));
    expect(whatIf(evaluator.ruleSet, result, fixed).eligible).toBe(true);
  }, 60_000);

  it('a rule set above the limit is refused by defineRuleSet with that one issue', () => {
    const input = ruleSetOf(MAX_STANDARDS + 1);
    const defined = safeDefineRuleSet(input);
    expect(defined.ok).toBe(false);
    expect(!defined.ok && RubricError.isInstance(defined.error) && defined.error.issues).toEqual([
      {
        path: ['aspects'],
        message: `${MAX_STANDARDS + 1} standards; a rule set has at most ${MAX_STANDARDS.toLocaleString('en')} standards`,
        kind: 'too-large',
      },
    ]);
  });

  it('fits under the document limits, so the standards limit is the one that binds', () => {
    // Three objects a standard (itself, its title, its condition): the limit must leave room for them.
    expect(3 * MAX_STANDARDS).toBeLessThan(MAX_DOCUMENT_NODES);
  });
});
